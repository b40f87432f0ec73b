// Merging defaults < user < workspace < policy, enforcement (only tighten) and Restricted Mode (a hostile repo changes nothing).
import * as assert from 'node:assert/strict';
import { defaultSettings } from '../../../src/core/config';
import { effectiveConfig, isEnforced, ruleLevel, settingsOf, type Policy } from '../../../src/core/policy';
import type { Severity } from '../../../src/core/model';

const ruleDefaults: Record<string, Severity> = { 'auth-check-removed': 'error', 'secret-in-code': 'warning', 'unpinned-mcp-server': 'info' };

function policy(p: Omit<Policy, 'version'>): Policy {
  return { version: 1, ...p };
}

describe('effectiveConfig: precedence', () => {
  it('uses the defaults when nothing is set', () => {
    const c = effectiveConfig({ trusted: true, ruleDefaults });
    assert.deepEqual(settingsOf(c), defaultSettings());
    assert.deepEqual(c.values['aiEdit.minLines'], { value: 3, source: 'default', enforced: false });
    assert.deepEqual(c.rules['secret-in-code'], { value: 'warning', source: 'default', enforced: false });
    assert.deepEqual(c.ignored, []);
  });

  it('lets user settings override defaults, workspace override user, and the policy override both', () => {
    const user = { learningMode: true, 'aiEdit.minChars': 200, baseline: 'firstOpen' };
    const workspace = { learningMode: false, 'aiEdit.minChars': 150 };
    const c = effectiveConfig({ trusted: true, user, workspace, policy: policy({ aiEdit: { minChars: 90 } }) });
    assert.deepEqual(c.values.learningMode, { value: false, source: 'workspace', enforced: false });
    assert.deepEqual(c.values['aiEdit.minChars'], { value: 90, source: 'policy', enforced: false });
    assert.deepEqual(c.values.baseline, { value: 'firstOpen', source: 'user', enforced: false });
  });

  it('applies a non-enforced policy value even when it is looser than the settings', () => {
    const c = effectiveConfig({ trusted: true, user: { learningMode: true }, policy: policy({ learningMode: false }) });
    assert.deepEqual(c.values.learningMode, { value: false, source: 'policy', enforced: false });
  });

  it('merges rule levels per rule id across layers', () => {
    const c = effectiveConfig({
      trusted: true,
      ruleDefaults,
      user: { rules: { 'secret-in-code': 'off' } },
      workspace: { rules: { 'unpinned-mcp-server': 'warning' } },
      policy: policy({ rules: { 'auth-check-removed': { level: 'warning', options: { routes: ['/health'] } } } }),
    });
    assert.deepEqual(c.rules, {
      'auth-check-removed': { value: 'warning', source: 'policy', enforced: false },
      'secret-in-code': { value: 'off', source: 'user', enforced: false },
      'unpinned-mcp-server': { value: 'warning', source: 'workspace', enforced: false },
    });
    assert.deepEqual(c.ruleOptions, { 'auth-check-removed': { routes: ['/health'] } });
    assert.deepEqual(c.values.rules.value, { 'auth-check-removed': 'warning', 'secret-in-code': 'off', 'unpinned-mcp-server': 'warning' });
    assert.equal(ruleLevel(c, 'secret-in-code', 'warning'), 'off');
    assert.equal(ruleLevel(c, 'not-listed', 'info'), 'info');
  });

  it('accumulates sensitive and exclusion globs from every layer', () => {
    const c = effectiveConfig({ trusted: true, user: { 'sensitiveFiles.add': ['mine/**'] }, workspace: { excludeFromAI: ['data/**'] }, policy: policy({ sensitive: ['vault/**'], excludeFromAI: ['customers/**'] }) });
    assert.deepEqual(c.values['sensitiveFiles.add'], { value: ['mine/**', 'vault/**'], source: 'policy', enforced: false });
    assert.deepEqual(c.values.excludeFromAI.value, ['data/**', 'customers/**']);
  });

  it('ignores a setting of the wrong type and says so', () => {
    const c = effectiveConfig({ trusted: true, user: { 'audit.enabled': 'no', 'aiEdit.minLines': 5 } });
    assert.deepEqual(c.values['audit.enabled'], { value: true, source: 'default', enforced: false });
    assert.deepEqual(c.values['aiEdit.minLines'], { value: 5, source: 'user', enforced: false });
    assert.deepEqual(c.ignored, [{ key: 'audit.enabled', source: 'user', reason: 'invalid' }]);
  });

  it('carries the policy hash for audit entries', () => {
    assert.equal(effectiveConfig({ trusted: true, policy: policy({}), policyHash: 'ab'.repeat(32) }).policyHash, 'ab'.repeat(32));
  });
});

describe('effectiveConfig: enforcement', () => {
  it('keeps an enforced rule level when a setting lowers it or switches it off', () => {
    const p = policy({ rules: { 'secret-in-code': 'error', 'auth-check-removed': 'warning' }, enforced: ['rules'] });
    const c = effectiveConfig({ trusted: true, ruleDefaults, policy: p, user: { rules: { 'secret-in-code': 'off' } }, workspace: { rules: { 'auth-check-removed': 'info' } } });
    assert.deepEqual(c.rules['secret-in-code'], { value: 'error', source: 'policy', enforced: true });
    assert.deepEqual(c.rules['auth-check-removed'], { value: 'warning', source: 'policy', enforced: true });
    assert.deepEqual(c.ignored, [
      { key: 'rules.auth-check-removed', source: 'workspace', reason: 'enforced' },
      { key: 'rules.secret-in-code', source: 'user', reason: 'enforced' },
    ]);
  });

  it('lets a setting raise an enforced rule from warning to error', () => {
    const c = effectiveConfig({ trusted: true, ruleDefaults, policy: policy({ rules: { 'secret-in-code': 'warning' }, enforced: ['rules.secret-in-code'] }), user: { rules: { 'secret-in-code': 'error' } } });
    assert.deepEqual(c.rules['secret-in-code'], { value: 'error', source: 'user', enforced: true });
    assert.equal(isEnforced(c, 'rules.secret-in-code'), true);
    assert.equal(isEnforced(c, 'rules.auth-check-removed'), false);
  });

  it('with enforced: true, defaults the policy did not set cannot be weakened either', () => {
    const c = effectiveConfig({
      trusted: true,
      ruleDefaults,
      policy: policy({ enforced: true }),
      user: { rules: { 'auth-check-removed': 'off' }, 'audit.enabled': false, requireAcknowledgementReason: false, 'aiEdit.minLines': 50, reviewRequired: ['only/this/**'], 'sensitiveFiles.remove': ['*.pem'] },
    });
    assert.deepEqual(c.rules['auth-check-removed'], { value: 'error', source: 'default', enforced: true });
    assert.deepEqual(c.values['audit.enabled'], { value: true, source: 'default', enforced: true });
    assert.deepEqual(c.values.requireAcknowledgementReason, { value: true, source: 'default', enforced: true });
    assert.deepEqual(c.values['aiEdit.minLines'], { value: 3, source: 'default', enforced: true });
    assert.deepEqual(c.values.reviewRequired.value, [...defaultSettings().reviewRequired, 'only/this/**']);
    assert.deepEqual(c.values['sensitiveFiles.remove'], { value: [], source: 'default', enforced: true });
  });

  it('lets settings tighten an enforced threshold and extend an enforced glob list', () => {
    const p = policy({ aiEdit: { minLines: 4 }, reviewRequired: ['**/payments/**'], enforced: ['aiEdit', 'reviewRequired'] });
    const c = effectiveConfig({ trusted: true, policy: p, user: { 'aiEdit.minLines': 2 }, workspace: { reviewRequired: ['**/payments/**', '**/billing/**'] } });
    assert.deepEqual(c.values['aiEdit.minLines'], { value: 2, source: 'user', enforced: true });
    assert.deepEqual(c.values.reviewRequired, { value: ['**/payments/**', '**/billing/**'], source: 'workspace', enforced: true });
    assert.deepEqual(c.ignored, []);
  });

  it('keeps an enforced glob list when a setting drops entries, adding what the setting added', () => {
    const p = policy({ reviewRequired: ['**/payments/**', '**/auth/**'], enforced: ['reviewRequired'] });
    const c = effectiveConfig({ trusted: true, policy: p, workspace: { reviewRequired: ['**/billing/**'] } });
    assert.deepEqual(c.values.reviewRequired, { value: ['**/payments/**', '**/auth/**', '**/billing/**'], source: 'policy', enforced: true });
    assert.deepEqual(c.ignored, [{ key: 'reviewRequired', source: 'workspace', reason: 'enforced' }]);
  });

  it('does not let a user remove built-in sensitive patterns when the policy enforces sensitive', () => {
    const c = effectiveConfig({ trusted: true, policy: policy({ enforced: ['sensitive'] }), user: { 'sensitiveFiles.remove': ['.env*'] } });
    assert.deepEqual(c.values['sensitiveFiles.remove'], { value: [], source: 'default', enforced: true });
    const open = effectiveConfig({ trusted: true, policy: policy({}), user: { 'sensitiveFiles.remove': ['.env*'] } });
    assert.deepEqual(open.values['sensitiveFiles.remove'], { value: ['.env*'], source: 'user', enforced: false });
  });
});

describe('effectiveConfig: Restricted Mode', () => {
  const hostilePolicy = policy({
    rules: { 'auth-check-removed': 'off', 'secret-in-code': 'off', 'unpinned-mcp-server': { level: 'off', options: { allowAll: true } } },
    sensitive: [],
    excludeFromAI: [],
    reviewRequired: [],
    aiEdit: { minLines: 1000, minChars: 100000 },
    baseline: 'firstOpen',
    contextGuard: { warn: 'never' },
    requireAcknowledgementReason: false,
    learningMode: false,
    audit: { enabled: false, path: 'docs/public' },
    acknowledgements: { inRepository: true },
    integrations: { allowed: ['evil-mcp-server'] },
    supplyChain: { onlineChecks: true, registries: { npm: 'https://evil.example/npm' } },
    enforced: true,
  });
  const hostileWorkspace = {
    enabled: false,
    'analysis.debounceMs': 5000,
    'analysis.maxFileSizeKb': 16,
    reviewRequired: [],
    'sensitiveFiles.remove': ['.env*', '*.pem'],
    'contextGuard.warn': 'never',
    rules: { 'auth-check-removed': 'off' },
    requireAcknowledgementReason: false,
    'audit.enabled': false,
    'audit.path': '../../tmp',
    'supplyChain.registries': { pypi: 'https://evil.example/pypi' },
  };

  it('a hostile policy and hostile workspace settings with everything off change nothing', () => {
    const baseline = effectiveConfig({ trusted: false, ruleDefaults });
    const attacked = effectiveConfig({ trusted: false, ruleDefaults, policy: hostilePolicy, workspace: hostileWorkspace });
    // An allow-list only ever restricts (no list = nothing flagged), so the repository's list is a tightening.
    assert.deepEqual(settingsOf(attacked), { ...settingsOf(baseline), 'integrations.allowed': ['evil-mcp-server'] });
    assert.deepEqual(attacked.rules, Object.fromEntries(Object.entries(baseline.rules).map(([id, v]) => [id, { ...v, enforced: true }])));
    assert.deepEqual(attacked.ruleOptions, {});
    assert.equal(attacked.values.enabled.value, true);
    assert.equal(attacked.values['audit.enabled'].value, true);
    assert.equal(attacked.values['acknowledgements.inRepository'].value, false);
    assert.ok(attacked.ignored.some((i) => i.key === 'audit.enabled' && i.source === 'policy' && i.reason === 'restricted'));
    assert.ok(attacked.ignored.some((i) => i.key === 'rules.auth-check-removed' && i.source === 'workspace' && i.reason === 'restricted'));
    assert.ok(attacked.ignored.some((i) => i.key === 'ruleOptions.unpinned-mcp-server' && i.reason === 'restricted'));
  });

  it('the same hostile policy does apply in a trusted workspace (the team chose it)', () => {
    const c = effectiveConfig({ trusted: true, ruleDefaults, policy: hostilePolicy });
    assert.equal(c.values['audit.enabled'].value, false);
    assert.equal(c.rules['auth-check-removed']?.value, 'off');
  });

  it('lets an untrusted policy tighten: raise rules, add sensitive files, lower thresholds, turn learning mode on', () => {
    const p = policy({ rules: { 'secret-in-code': 'error' }, sensitive: ['vault/**'], aiEdit: { minLines: 2 }, learningMode: true, contextGuard: { warn: 'always' }, integrations: { allowed: ['github.copilot'] } });
    const c = effectiveConfig({ trusted: false, ruleDefaults, policy: p });
    assert.deepEqual(c.rules['secret-in-code'], { value: 'error', source: 'policy', enforced: false });
    assert.deepEqual(c.values['sensitiveFiles.add'], { value: ['vault/**'], source: 'policy', enforced: false });
    assert.deepEqual(c.values['aiEdit.minLines'], { value: 2, source: 'policy', enforced: false });
    assert.deepEqual(c.values.learningMode, { value: true, source: 'policy', enforced: false });
    assert.deepEqual(c.values['contextGuard.warn'], { value: 'always', source: 'policy', enforced: false });
    assert.deepEqual(c.values['integrations.allowed'], { value: ['github.copilot'], source: 'policy', enforced: false });
    assert.deepEqual(c.ignored, []);
  });

  it('keeps the tightening part of a mixed untrusted glob list', () => {
    const c = effectiveConfig({ trusted: false, policy: policy({ reviewRequired: ['**/payments/**'] }) });
    assert.deepEqual(c.values.reviewRequired.value, [...defaultSettings().reviewRequired, '**/payments/**']);
    assert.deepEqual(c.ignored, [{ key: 'reviewRequired', source: 'policy', reason: 'restricted' }]);
  });

  it('still applies the user\'s own settings, which are not the repository\'s', () => {
    const c = effectiveConfig({ trusted: false, ruleDefaults, user: { rules: { 'secret-in-code': 'off' }, 'analysis.debounceMs': 500, learningMode: true } });
    assert.deepEqual(c.rules['secret-in-code'], { value: 'off', source: 'user', enforced: false });
    assert.deepEqual(c.values['analysis.debounceMs'], { value: 500, source: 'user', enforced: false });
    assert.deepEqual(c.values.learningMode, { value: true, source: 'user', enforced: false });
  });

  it('accepts an untrusted level for a rule of unknown default only when it is error', () => {
    const c = effectiveConfig({ trusted: false, workspace: { rules: { 'future-rule': 'off', 'other-rule': 'error' } } });
    assert.deepEqual(c.rules, { 'other-rule': { value: 'error', source: 'workspace', enforced: false } });
  });
});
