// Following `extends`: chains merge base-first, cycles and missing targets are errors at the `extends` value.
import * as assert from 'node:assert/strict';
import { policyHash, relativeTarget, resolvePolicy } from '../../../src/core/policy';

function reader(files: Record<string, string>): (p: string) => string | undefined {
  return (p) => files[p];
}

describe('resolvePolicy', () => {
  it('yields no policy and no problem when the file does not exist', () => {
    assert.deepEqual(resolvePolicy('.redline/policy.jsonc', reader({})), { problems: [], files: [] });
  });

  it('merges a chain: the child wins for values, lists combine, rules merge per id', () => {
    const files = {
      '.redline/policy.jsonc': '{ "version": 1, "extends": "../policies/team.jsonc", "rules": { "secret-in-code": "error" }, "sensitive": ["local/**"], "aiEdit": { "minLines": 2 } }',
      'policies/team.jsonc': '{ "version": 1, "extends": "./org.jsonc", "rules": { "auth-check-removed": "error", "secret-in-code": "warning" }, "aiEdit": { "minChars": 60 } }',
      'policies/org.jsonc': '{ "version": 1, "sensitive": ["vault/**"], "enforced": ["sensitive"], "learningMode": true }',
    };
    const result = resolvePolicy('.redline/policy.jsonc', reader(files));
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.files, ['.redline/policy.jsonc', 'policies/team.jsonc', 'policies/org.jsonc']);
    assert.deepEqual(result.policy, {
      version: 1,
      sensitive: ['vault/**', 'local/**'],
      enforced: ['sensitive'],
      learningMode: true,
      rules: { 'auth-check-removed': 'error', 'secret-in-code': 'error' },
      aiEdit: { minChars: 60, minLines: 2 },
    });
  });

  it('reports a missing extends target with its path, at the extends value, and yields no policy', () => {
    const text = '{\n  "version": 1,\n  "extends": "base.jsonc"\n}';
    const result = resolvePolicy('.redline/policy.jsonc', reader({ '.redline/policy.jsonc': text }));
    assert.equal(result.policy, undefined);
    assert.deepEqual(result.problems, [{
      severity: 'error',
      message: '`extends` target not found: `.redline/base.jsonc`.',
      range: { start: { line: 2, character: 13 }, end: { line: 2, character: 25 } },
      file: '.redline/policy.jsonc',
    }]);
  });

  it('reports a cycle in the file that closes it', () => {
    const files = {
      'a.jsonc': '{ "version": 1, "extends": "b.jsonc" }',
      'b.jsonc': '{ "version": 1,\n  "extends": "./a.jsonc" }',
    };
    const result = resolvePolicy('a.jsonc', reader(files));
    assert.equal(result.policy, undefined);
    assert.deepEqual(result.problems.map((p) => [p.file, p.range.start.line, p.range.start.character, p.message]), [
      ['b.jsonc', 1, 13, '`extends` forms a cycle: a.jsonc → b.jsonc → a.jsonc.'],
    ]);
  });

  it('reports a policy that extends itself', () => {
    const result = resolvePolicy('p.jsonc', reader({ 'p.jsonc': '{ "version": 1, "extends": "p.jsonc" }' }));
    assert.deepEqual(result.problems.map((p) => p.message), ['`extends` forms a cycle: p.jsonc → p.jsonc.']);
  });

  it('refuses an extends target outside the workspace', () => {
    const result = resolvePolicy('.redline/policy.jsonc', reader({ '.redline/policy.jsonc': '{ "version": 1, "extends": "../../outside.jsonc" }' }));
    assert.deepEqual(result.problems.map((p) => p.message), ['`extends` must point inside the workspace: `../../outside.jsonc`.']);
  });

  it('reports a schema error in a base file under that file and yields no policy', () => {
    const files = { 'p.jsonc': '{ "version": 1, "extends": "base.jsonc" }', 'base.jsonc': '{\n  "version": 1,\n  "learningMode": "on"\n}' };
    const result = resolvePolicy('p.jsonc', reader(files));
    assert.equal(result.policy, undefined);
    assert.deepEqual(result.problems.map((p) => [p.file, p.range.start.line, p.range.start.character, p.message]), [
      ['base.jsonc', 2, 18, '`learningMode` must be true or false.'],
    ]);
  });

  it('passes unknown-rule warnings through with the policy', () => {
    const result = resolvePolicy('p.jsonc', reader({ 'p.jsonc': '{ "version": 1, "rules": { "nope": "off" } }' }), { knownRuleIds: ['auth-check-removed'] });
    assert.deepEqual(result.policy, { version: 1, rules: { nope: 'off' } });
    assert.deepEqual(result.problems.map((p) => [p.severity, p.file, p.message]), [['warning', 'p.jsonc', 'Unknown rule id `nope`; it has no effect.']]);
  });

  it('hashes a single file as the SHA-256 of its text, and a chain differently when a base changes', () => {
    const text = '{ "version": 1 }';
    assert.equal(resolvePolicy('p.jsonc', reader({ 'p.jsonc': text })).hash, policyHash(text));
    assert.equal(policyHash('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const one = resolvePolicy('p.jsonc', reader({ 'p.jsonc': '{ "version": 1, "extends": "b.jsonc" }', 'b.jsonc': '{ "version": 1 }' })).hash;
    const two = resolvePolicy('p.jsonc', reader({ 'p.jsonc': '{ "version": 1, "extends": "b.jsonc" }', 'b.jsonc': '{ "version": 1, "learningMode": true }' })).hash;
    assert.notEqual(one, two);
  });
});

describe('relativeTarget', () => {
  it('resolves relative to the folder of the referring file', () => {
    assert.equal(relativeTarget('.redline/policy.jsonc', '../shared/base.jsonc'), 'shared/base.jsonc');
    assert.equal(relativeTarget('.redline/policy.jsonc', 'base.jsonc'), '.redline/base.jsonc');
    assert.equal(relativeTarget('', '.redline\\audit'), '.redline/audit');
  });

  it('refuses absolute paths and paths that leave the workspace', () => {
    assert.equal(relativeTarget('.redline/policy.jsonc', '../../x'), undefined);
    assert.equal(relativeTarget('p.jsonc', '/etc/passwd'), undefined);
    assert.equal(relativeTarget('p.jsonc', 'C:\\x'), undefined);
  });
});

describe('resolvePolicy: enforcement across extends', () => {
  it('keeps what the base enforces when the child loosens it, and warns at the child value', () => {
    const files = {
      'team.jsonc': '{\n  "version": 1,\n  "extends": "org.jsonc",\n  "rules": { "secret-in-code": "off", "auth-check-removed": "error" },\n  "audit": { "enabled": false },\n  "learningMode": false\n}',
      'org.jsonc': '{ "version": 1, "rules": { "secret-in-code": "error", "auth-check-removed": "warning" }, "audit": { "enabled": true }, "learningMode": true, "enforced": ["rules", "audit.enabled"] }',
    };
    const result = resolvePolicy('team.jsonc', reader(files));
    assert.deepEqual(result.policy?.rules, { 'secret-in-code': 'error', 'auth-check-removed': 'error' });
    assert.deepEqual(result.policy?.audit, { enabled: true });
    assert.equal(result.policy?.learningMode, false);
    assert.deepEqual(result.problems.map((p) => [p.severity, p.file, p.range.start.line, p.range.start.character, p.message]), [
      ['warning', 'team.jsonc', 4, 24, '`audit.enabled` is enforced by org.jsonc; only a tighter value applies here.'],
      ['warning', 'team.jsonc', 3, 31, '`rules.secret-in-code` is enforced by org.jsonc; only a tighter value applies here.'],
    ]);
  });
});
