// Reading .redline/policy.jsonc: accepted files, and rejected ones with problems at exact lines and columns.
import * as assert from 'node:assert/strict';
import { parsePolicy, type PolicyProblem } from '../../../src/core/policy';

const known = ['auth-check-removed', 'secret-in-code', 'unpinned-mcp-server'];

/** `line:column` (1-based, as editors show them) of a problem's start, its severity and message. */
function brief(p: PolicyProblem): string {
  return `${p.range.start.line + 1}:${p.range.start.character + 1} ${p.severity} ${p.message}`;
}

function problemsOf(text: string): string[] {
  return parsePolicy(text, { knownRuleIds: known }).problems.map(brief);
}

describe('parsePolicy', () => {
  it('accepts a full policy with comments and trailing commas', () => {
    const text = [
      '// Team policy',
      '{',
      '  "version": 1,',
      '  "extends": "../shared/base.jsonc",',
      '  "rules": {',
      '    "auth-check-removed": "error",',
      '    "secret-in-code": { "level": "warning", "options": { "allowTestKeys": true } }, // trailing comma next',
      '  },',
      '  "sensitive": ["config/prod/**"],',
      '  "excludeFromAI": ["customers/**"],',
      '  "reviewRequired": ["**/payments/**"],',
      '  "aiEdit": { "minLines": 2, "minChars": 80 },',
      '  "requireAcknowledgementReason": true,',
      '  "learningMode": true,',
      '  "audit": { "enabled": true, "path": ".redline/audit" },',
      '  "acknowledgements": { "inRepository": true },',
      '  "integrations": { "allowed": ["github.copilot", "@modelcontextprotocol/server-filesystem"] },',
      '  "enforced": ["rules", "sensitive", "audit.enabled"],',
      '}',
    ].join('\n');
    const result = parsePolicy(text, { knownRuleIds: known });
    assert.deepEqual(result.problems, []);
    assert.equal(result.policy?.version, 1);
    assert.deepEqual(result.policy?.rules?.['secret-in-code'], { level: 'warning', options: { allowTestKeys: true } });
    assert.deepEqual(result.policy?.enforced, ['rules', 'sensitive', 'audit.enabled']);
  });

  it('accepts enforced: true', () => {
    assert.deepEqual(problemsOf('{ "version": 1, "enforced": true }'), []);
  });

  it('reports a missing comma at the next property, with no policy', () => {
    const result = parsePolicy('{\n  "version": 1\n  "learningMode": true\n}');
    assert.equal(result.policy, undefined);
    assert.deepEqual(result.problems.map(brief), ['3:3 error A comma is expected.']);
  });

  it('reports an unterminated string', () => {
    assert.deepEqual(problemsOf('{\n  "version": 1,\n  "sensitive": ["a/**]\n}'), ['3:17 error Unterminated string.']);
  });

  it('reports an empty file and a non-object policy', () => {
    assert.deepEqual(problemsOf(''), ['1:1 error A policy is a JSON object, e.g. `{ "version": 1 }`.']);
    assert.deepEqual(problemsOf('[1]'), ['1:1 error A policy is a JSON object, e.g. `{ "version": 1 }`.']);
  });

  it('rejects a wrong version at its value', () => {
    assert.deepEqual(problemsOf('{\n  "version": 2\n}'), ['2:14 error `version` must be 1.']);
  });

  it('rejects a missing version at the opening brace', () => {
    assert.deepEqual(problemsOf('\n\n  { "learningMode": true }'), ['3:3 error The policy is missing `version`.']);
  });

  it('rejects an unknown property at its name', () => {
    assert.deepEqual(problemsOf('{\n  "version": 1,\n  "learningmode": true\n}'), ['3:3 error Unknown property `learningmode`.']);
  });

  it('rejects an unknown property inside a group and a value of the wrong type', () => {
    assert.deepEqual(problemsOf('{\n  "version": 1,\n  "aiEdit": { "minLines": "3", "minChar": 10 }\n}'), [
      '3:27 error `aiEdit.minLines` must be an integer.',
      '3:32 error Unknown property `minChar` in `aiEdit`.',
    ]);
  });

  it('rejects a bad rule level with one clear message at the value', () => {
    assert.deepEqual(problemsOf('{\n  "version": 1,\n  "rules": {\n    "secret-in-code": "loud"\n  }\n}'), [
      '4:23 error A rule is `"off"`, `"info"`, `"warning"`, `"error"`, or `{ "level": ..., "options": { ... } }`.',
    ]);
  });

  it('rejects a rule id that is not kebab-case at its name', () => {
    assert.deepEqual(problemsOf('{ "version": 1, "rules": { "Secret_In_Code": "off" } }'), ['1:28 error `Secret_In_Code`: Rule ids are kebab-case, e.g. `auth-check-removed`.']);
  });

  it('rejects a threshold below its minimum', () => {
    assert.deepEqual(problemsOf('{ "version": 1, "aiEdit": { "minLines": 0 } }'), ['1:41 error `aiEdit.minLines` must be >= 1.']);
  });

  it('rejects an enforced entry that names no enforceable key, at that entry', () => {
    const problems = problemsOf('{\n  "version": 1,\n  "enforced": ["rules", "everything"]\n}');
    assert.equal(problems.length, 1);
    assert.match(problems[0] ?? '', /^3:25 error Not a key a policy can enforce\. Use one of: .*audit\.enabled.*, or rules\.<id>\.$/);
  });

  it('rejects enforced: false', () => {
    assert.deepEqual(problemsOf('{ "version": 1, "enforced": false }'), ['1:29 error `enforced` is `true` (everything) or a list of keys.']);
  });

  it('rejects an audit path outside the workspace', () => {
    assert.deepEqual(problemsOf('{\n  "version": 1,\n  "audit": { "path": "../../home/me/.bashrc" }\n}'), [
      '3:22 error `audit.path` must be a folder inside the workspace, relative to its root.',
    ]);
    assert.deepEqual(problemsOf('{ "version": 1, "audit": { "path": "/var/log" } }'), ['1:36 error `audit.path` must be a folder inside the workspace, relative to its root.']);
  });

  it('rejects an absolute extends path', () => {
    assert.deepEqual(problemsOf('{ "version": 1, "extends": "/etc/policy.jsonc" }'), ['1:28 error `extends` is a path relative to this file, inside the workspace.']);
  });

  it('warns about an unknown rule id at its name, suggests the near one, and keeps the policy', () => {
    const result = parsePolicy('{\n  "version": 1,\n  "rules": { "auth-check-remove": "error", "made-up-rule": "off" }\n}', { knownRuleIds: known });
    assert.deepEqual(result.problems.map(brief), [
      '3:14 warning Unknown rule id `auth-check-remove`; it has no effect. Did you mean `auth-check-removed`?',
      '3:44 warning Unknown rule id `made-up-rule`; it has no effect.',
    ]);
    assert.deepEqual(result.policy?.rules, { 'auth-check-remove': 'error', 'made-up-rule': 'off' });
  });

  it('warns about an unknown rule in the enforced list', () => {
    assert.deepEqual(problemsOf('{ "version": 1, "enforced": ["rules.no-such-rule"] }'), ['1:30 warning Unknown rule id `no-such-rule`; it has no effect.']);
  });

  it('skips the unknown-rule check when no rule ids are given', () => {
    assert.deepEqual(parsePolicy('{ "version": 1, "rules": { "anything-goes": "off" } }').problems, []);
  });

  it('reports every schema error at once', () => {
    assert.deepEqual(problemsOf('{\n  "version": 1,\n  "learningMode": "yes",\n  "baseline": "lastWeek"\n}'), [
      '3:19 error `learningMode` must be true or false.',
      '4:15 error `baseline` must be one of: "firstOpen", "gitHead".',
    ]);
  });
});
