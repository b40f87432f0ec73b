// Every guardrail rule has metadata, a docs page with the five sections, and ok/ng fixtures.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { guardrailRuleMetas, guardrailRules } from '../../../src/core/rules/guardrail-rules';
import { projectRoot } from '../../../scripts/eval/guardrails';

const REQUIRED = ['auth-check-removed', 'rate-limit-removed', 'resource-limit-removed', 'input-validation-removed', 'path-traversal-check-removed',
  'open-redirect-check-removed', 'query-parameterization-removed', 'output-escaping-removed', 'shell-injection-introduced', 'tls-verification-disabled',
  'jwt-verification-weakened', 'weak-hash-introduced', 'cookie-security-removed', 'cors-policy-weakened', 'security-middleware-removed',
  'unsafe-deserialization-introduced', 'audit-log-removed', 'error-details-exposed'];
const SECTIONS = ['## What happened', '## Why it matters', '## How to fix', '## Check yourself', '## References'];

describe('guardrail rule conformance', () => {
  const root = projectRoot();

  it('lists the eighteen guardrail rules (and any others) with unique kebab-case ids in the inference family', () => {
    const ids = guardrailRuleMetas.map((m) => m.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of REQUIRED) assert.ok(ids.includes(id), `${id} is not registered`);
    for (const m of guardrailRuleMetas) {
      assert.match(m.id, /^[a-z]+(?:-[a-z]+)*$/);
      assert.equal(m.family, 'inference');
      assert.ok(m.title.length > 0 && m.description.endsWith('.'), m.id);
      assert.ok(m.cwe.length > 0 && m.cwe.every((c) => /^CWE-\d+$/.test(c)), m.id);
      assert.ok(m.owasp.length > 0, m.id);
    }
  });

  for (const rule of guardrailRules) {
    const id = rule.meta.id;
    it(`${id}: has docs/rules/${id}.md with the five sections and a question`, () => {
      const file = path.join(root, 'docs', 'rules', `${id}.md`);
      assert.ok(fs.existsSync(file), `${file} is missing`);
      const text = fs.readFileSync(file, 'utf8');
      assert.match(text.split('\n')[0] ?? '', /^# \S/);
      let at = -1;
      for (const s of SECTIONS) {
        const i = text.indexOf(`\n${s}\n`);
        assert.ok(i > at, `${id}: section "${s}" missing or out of order`);
        at = i;
      }
      assert.match(text, /\n\*\*Answer:\*\*/);
    });

    it(`${id}: has ok- and ng- fixtures, each ng- with an expect.json naming the rule`, () => {
      const dir = path.join(root, 'test', 'fixtures', 'guardrails', id);
      const cases = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
      assert.ok(cases.some((c) => c.startsWith('ok-')), `${id}: no ok- fixture`);
      const ng = cases.filter((c) => c.startsWith('ng-'));
      assert.ok(ng.length > 0, `${id}: no ng- fixture`);
      for (const c of ng) {
        const expect = JSON.parse(fs.readFileSync(path.join(dir, c, 'expect.json'), 'utf8')) as { findings: { ruleId: string }[] };
        assert.ok(expect.findings.some((f) => f.ruleId === id), `${id}/${c}`);
      }
    });
  }
});
