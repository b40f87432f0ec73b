// "Create workspace policy" and "Show effective policy": the scaffold round-trips, the rows say where each value came from.
import * as assert from 'node:assert/strict';
import { describeEffective, effectiveConfig, parsePolicy, scaffoldPolicy, settingsOf, type Policy } from '../../../src/core/policy';

describe('scaffoldPolicy', () => {
  const current = effectiveConfig({
    trusted: true,
    ruleDefaults: { 'secret-in-code': 'warning', 'auth-check-removed': 'error' },
    user: { rules: { 'secret-in-code': 'error' }, learningMode: true, 'aiEdit.minLines': 4, 'sensitiveFiles.add': ['vault/**'] },
  });
  const text = scaffoldPolicy(current);

  it('writes a commented policy that parses without problems', () => {
    assert.match(text, /^\/\/ Redline workspace policy/);
    assert.match(text, /\n {4}\/\/ A single change that inserts or replaces at least this many lines counts as an AI-like bulk edit \(not typing\)\.\n {4}"minLines": 4,\n/);
    assert.deepEqual(parsePolicy(text, { knownRuleIds: ['secret-in-code', 'auth-check-removed'] }).problems, []);
  });

  it('holds the current values, only the rules changed from their defaults, and no allow-list', () => {
    const policy = parsePolicy(text).policy as Policy;
    assert.deepEqual(policy.rules, { 'secret-in-code': 'error' });
    assert.equal(policy.learningMode, true);
    assert.deepEqual(policy.aiEdit, { minLines: 4, minChars: 120 });
    assert.deepEqual(policy.sensitive, ['vault/**']);
    assert.deepEqual(policy.integrations, {});
    assert.deepEqual(policy.enforced, []);
    assert.match(text, /\/\/ "allowed": \["github\.copilot"/);
  });

  it('gives the same effective settings when applied as the policy', () => {
    const applied = effectiveConfig({ trusted: true, ruleDefaults: { 'secret-in-code': 'warning', 'auth-check-removed': 'error' }, policy: parsePolicy(text).policy as Policy });
    assert.deepEqual(settingsOf(applied), settingsOf(current));
  });
});

describe('describeEffective', () => {
  it('lists every value with its source, enforcement, and what was ignored', () => {
    const config = effectiveConfig({
      trusted: true,
      ruleDefaults: { 'secret-in-code': 'warning' },
      user: { rules: { 'secret-in-code': 'off' }, 'audit.enabled': false },
      policy: { version: 1, rules: { 'secret-in-code': { level: 'error', options: { allowTestKeys: true } } }, audit: { enabled: true }, enforced: ['rules', 'audit.enabled'] },
    });
    const rows = describeEffective(config);
    assert.deepEqual(rows.find((r) => r.key === 'audit.enabled'), { key: 'audit.enabled', value: 'true', source: 'policy', enforced: true, notes: ['user value ignored: enforced by workspace policy'] });
    assert.deepEqual(rows.find((r) => r.key === 'rules.secret-in-code'), {
      key: 'rules.secret-in-code', value: '{"level":"error","options":{"allowTestKeys":true}}', source: 'policy', enforced: true, notes: ['user value ignored: enforced by workspace policy'],
    });
    assert.deepEqual(rows.find((r) => r.key === 'learningMode'), { key: 'learningMode', value: 'false', source: 'default', enforced: false, notes: [] });
    assert.equal(rows.some((r) => r.key === 'rules'), false);
  });
});
