// Walks the whole rule registry: every rule has complete metadata, a docs page with exactly the five
// sections the mentoring panel renders, and ok/ng fixtures in its family's fixture store.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RuleMeta } from '../../../src/core/model';
import { allRuleMetas } from '../../../src/core/rules';
import { renderRuleDoc } from '../../../src/extension/mentor/ruleDoc';

const root = path.resolve(__dirname, '../../../..');
const SECTIONS = ['What happened', 'Why it matters', 'How to fix', 'Check yourself', 'References'];
/** Where the non-guardrail families keep their table-driven cases (JSON files with `expect` lists). */
const CASE_STORES = ['secrets', 'unicode', 'instructions', 'supply-chain', 'inventory'];

interface FixtureCase {
  readonly file: string;
  readonly name: string;
  readonly ruleIds: readonly string[];
}

/** Every case object (one with an `expect` array) in the top-level JSON files of the case stores. */
function tableCases(): FixtureCase[] {
  const cases: FixtureCase[] = [];
  for (const store of CASE_STORES) {
    const dir = path.join(root, 'test', 'fixtures', store);
    if (!fs.existsSync(dir)) continue;
    // Case tables sit at the top of each store; folders below hold workspace files (JSONC and all).
    for (const rel of fs.readdirSync(dir)) {
      if (!rel.endsWith('.json')) continue;
      const file = path.join(store, rel);
      collect(JSON.parse(fs.readFileSync(path.join(dir, rel), 'utf8')) as unknown, file, cases);
    }
  }
  return cases;
}

function collect(value: unknown, file: string, out: FixtureCase[]): void {
  if (Array.isArray(value)) {
    value.forEach((v) => collect(v, file, out));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const record = value as Record<string, unknown>;
  if (Array.isArray(record.expect)) {
    const ruleIds = (record.expect as Array<Record<string, unknown>>).map((e) => String(e.ruleId ?? e.rule ?? ''));
    out.push({ file, name: String(record.name ?? ''), ruleIds });
    return;
  }
  Object.values(record).forEach((v) => collect(v, file, out));
}

function headings(text: string): string[] {
  return text.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3).trim());
}

function sectionBody(text: string, heading: string): string {
  const start = text.indexOf(`\n## ${heading}\n`);
  if (start < 0) return '';
  const rest = text.slice(start + heading.length + 5);
  const end = rest.indexOf('\n## ');
  return (end < 0 ? rest : rest.slice(0, end)).trim();
}

function checkMeta(m: RuleMeta): void {
  assert.match(m.id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, m.id);
  assert.ok(m.title.trim().length > 0, `${m.id}: title`);
  assert.ok(['inference', 'supply-chain', 'integration'].includes(m.family), `${m.id}: family ${m.family}`);
  assert.ok(['error', 'warning', 'info'].includes(m.defaultSeverity), `${m.id}: severity`);
  assert.ok(m.languages === '*' || m.languages.length > 0, `${m.id}: languages`);
  assert.ok(m.description.trim().length > 0 && m.description.trim().endsWith('.'), `${m.id}: description is one sentence`);
  assert.ok(m.cwe.length > 0 && m.cwe.every((c) => /^CWE-\d+$/.test(c)), `${m.id}: cwe ${m.cwe.join(', ')}`);
  assert.ok(m.owasp.length > 0, `${m.id}: owasp`);
}

describe('rule conformance: every rule in the registry', () => {
  const metas = allRuleMetas();
  const cases = tableCases();

  it('has unique ids across the three families', () => {
    const ids = metas.map((m) => m.id);
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
    assert.deepEqual([...new Set(metas.map((m) => m.family))].sort(), ['inference', 'integration', 'supply-chain']);
  });

  for (const meta of metas) {
    const id = meta.id;

    it(`${id}: declares id, title, family, severity, languages, description, CWE and OWASP`, () => checkMeta(meta));

    it(`${id}: has docs/rules/${id}.md with a title and exactly the five sections, in order`, () => {
      const file = path.join(root, 'docs', 'rules', `${id}.md`);
      assert.ok(fs.existsSync(file), `docs/rules/${id}.md is missing`);
      const text = fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
      assert.match(text.split('\n')[0] ?? '', /^# \S/, `${id}: first line is "# <title>"`);
      assert.deepEqual(headings(text), SECTIONS);
      for (const s of SECTIONS) assert.ok(sectionBody(text, s).length > 0, `${id}: "${s}" is empty`);
      const check = sectionBody(text, 'Check yourself');
      const answerAt = check.search(/^\*\*Answer:\*\*\s*\S/m);
      assert.ok(answerAt > 0, `${id}: "Check yourself" has a question, then a line starting **Answer:**`);
      assert.match(sectionBody(text, 'References'), /\]\(https:\/\//, `${id}: References link CWE/OWASP pages`);
    });

    it(`${id}: renders in the mentoring panel with a question and a separate answer`, () => {
      const file = path.join(root, 'docs', 'rules', `${id}.md`);
      const doc = renderRuleDoc(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined);
      assert.match(doc.whyItMatters, /^<p>/);
      assert.ok(doc.question.length > 0 && doc.answer.length > 0, `${id}: question and answer`);
      assert.doesNotMatch(doc.question, /Answer:/);
    });

    if (meta.family === 'inference') {
      it(`${id}: has test/fixtures/guardrails/${id}/ok-* and ng-* cases, each ng- expecting the rule`, () => {
        const dir = path.join(root, 'test', 'fixtures', 'guardrails', id);
        const entries = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
        assert.ok(entries.some((e) => e.startsWith('ok-')), `${id}: no ok- fixture`);
        const ng = entries.filter((e) => e.startsWith('ng-'));
        assert.ok(ng.length > 0, `${id}: no ng- fixture`);
        for (const c of ng) {
          const expect = JSON.parse(fs.readFileSync(path.join(dir, c, 'expect.json'), 'utf8')) as { findings: Array<{ ruleId: string }> };
          assert.ok(expect.findings.some((f) => f.ruleId === id), `${id}/${c}/expect.json names another rule`);
        }
      });
    } else {
      it(`${id}: has ng cases expecting the rule and ok cases expecting nothing in test/fixtures/{${CASE_STORES.join(',')}}`, () => {
        const ng = cases.filter((c) => c.ruleIds.includes(id));
        assert.ok(ng.length > 0, `${id}: no fixture case expects this rule`);
        const files = new Set(ng.map((c) => c.file));
        const ok = cases.filter((c) => files.has(c.file) && c.ruleIds.length === 0);
        assert.ok(ok.length > 0, `${id}: ${[...files].join(', ')} holds no ok case (one with an empty expect list)`);
      });
    }
  }
});
