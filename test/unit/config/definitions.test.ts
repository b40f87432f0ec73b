// The settings table: defaults, strictness directions, and the generated manifest and schema being committed in sync.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SETTING_DEFINITIONS, defaultSettings, definitionOf, formatJson, normaliseValue, policySchema, settingLayers, settingsContribution, tightest, updateManifest, weakens } from '../../../src/core/config';

const root = path.resolve(__dirname, '..', '..', '..', '..');

describe('settings definitions', () => {
  it('holds the documented defaults', () => {
    const d = defaultSettings();
    assert.equal(d.enabled, true);
    assert.equal(d['aiEdit.minLines'], 3);
    assert.equal(d['aiEdit.minChars'], 120);
    assert.equal(d['analysis.debounceMs'], 300);
    assert.equal(d['analysis.maxFileSizeKb'], 2048);
    assert.equal(d.baseline, 'gitHead');
    assert.deepEqual(d.reviewRequired, ['**/auth/**', '**/security/**', '**/middleware/**', '**/*.tf', '**/Dockerfile', '.github/workflows/**', '**/k8s/**/*.y*ml', '**/migrations/**']);
    assert.equal(d['contextGuard.warn'], 'whenAssistantPresent');
    assert.equal(d.requireAcknowledgementReason, true);
    assert.equal(d.learningMode, false);
    assert.equal(d['audit.enabled'], true);
    assert.equal(d['audit.path'], '');
    assert.equal(d['supplyChain.onlineChecks'], false);
    assert.deepEqual(d['supplyChain.registries'], { npm: 'https://registry.npmjs.org', pypi: 'https://pypi.org', osv: 'https://api.osv.dev' });
    assert.equal(d['integrations.allowed'], null);
  });

  it('gives a default copy that callers cannot use to change the table', () => {
    const d = defaultSettings() as unknown as { reviewRequired: string[] };
    d.reviewRequired.push('x');
    assert.equal(defaultSettings().reviewRequired.includes('x'), false);
  });

  it('contributes every VS Code setting under redline. and leaves policy-only keys out', () => {
    const props = settingsContribution();
    assert.deepEqual(Object.keys(props), SETTING_DEFINITIONS.filter((d) => d.setting).map((d) => `redline.${d.key}`));
    assert.equal(props['redline.integrations.allowed'], undefined);
    assert.deepEqual(props['redline.baseline']?.enum, ['firstOpen', 'gitHead']);
    assert.equal(props['redline.aiEdit.minLines']?.default, 3);
  });

  it('package.json settings are generated from the table (run `npm run generate`)', () => {
    const text = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
    assert.equal(updateManifest(text), text);
  });

  it('schemas/policy.schema.json is generated from the table (run `npm run generate`)', () => {
    const text = fs.readFileSync(path.join(root, 'schemas', 'policy.schema.json'), 'utf8');
    assert.equal(formatJson(policySchema()), text);
  });

  it('keeps every other package.json key when regenerating', () => {
    const before = JSON.stringify({ name: 'x', contributes: { commands: [{ command: 'a' }], configuration: { title: 'T', properties: {} } }, scripts: { a: 'b' } }, null, 2);
    const after = JSON.parse(updateManifest(before)) as { name: string; scripts: unknown; contributes: { commands: unknown; configuration: { title: string } } };
    assert.equal(after.name, 'x');
    assert.deepEqual(after.scripts, { a: 'b' });
    assert.deepEqual(after.contributes.commands, [{ command: 'a' }]);
    assert.equal(after.contributes.configuration.title, 'T');
  });
});

describe('strictness of setting values', () => {
  it('treats a lower AI-edit threshold as tighter', () => {
    const d = definitionOf('aiEdit.minLines');
    assert.equal(weakens(d, 3, 10), true);
    assert.equal(weakens(d, 3, 2), false);
    assert.equal(tightest(d, 3, 10), 3);
  });

  it('treats a growing glob list as tighter and a shorter one as weaker', () => {
    const d = definitionOf('reviewRequired');
    assert.equal(weakens(d, ['a', 'b'], ['b']), true);
    assert.equal(weakens(d, ['a'], ['a', 'c']), false);
    assert.deepEqual(tightest(d, ['a', 'b'], ['c']), ['a', 'b', 'c']);
  });

  it('treats a smaller integrations allow-list as tighter and no list as the loosest', () => {
    const d = definitionOf('integrations.allowed');
    assert.equal(weakens(d, ['copilot'], null), true);
    assert.equal(weakens(d, null, ['copilot']), false);
    assert.deepEqual(tightest(d, ['copilot', 'claude-code'], ['copilot', 'cursor']), ['copilot']);
  });

  it('orders context-guard warnings never < whenAssistantPresent < always', () => {
    const d = definitionOf('contextGuard.warn');
    assert.equal(weakens(d, 'whenAssistantPresent', 'never'), true);
    assert.equal(tightest(d, 'whenAssistantPresent', 'always'), 'always');
  });

  it('rejects values of the wrong type and clamps numbers to their bounds', () => {
    assert.equal(normaliseValue(definitionOf('enabled'), 'false'), undefined);
    assert.equal(normaliseValue(definitionOf('analysis.debounceMs'), 1), 50);
    assert.equal(normaliseValue(definitionOf('baseline'), 'lastWeek'), undefined);
    assert.deepEqual(normaliseValue(definitionOf('rules'), { a: 'error', b: 'loud', c: { level: 'off' } }), { a: 'error', c: 'off' });
    assert.deepEqual(normaliseValue(definitionOf('supplyChain.registries'), { npm: 'https://npm.corp.example/', osv: 'ftp://x' }),
      { npm: 'https://npm.corp.example', pypi: 'https://pypi.org', osv: 'https://api.osv.dev' });
  });
});

describe('settingLayers', () => {
  it('splits inspect() results into user and workspace layers, folder values first', () => {
    const inspected: Record<string, { globalValue?: unknown; workspaceValue?: unknown; workspaceFolderValue?: unknown }> = {
      learningMode: { globalValue: true },
      'aiEdit.minLines': { workspaceValue: 5, workspaceFolderValue: 2 },
      rules: { globalValue: { 'secret-in-code': 'off' }, workspaceValue: { 'secret-in-code': 'error' } },
      'integrations.allowed': { workspaceValue: ['x'] },
    };
    assert.deepEqual(settingLayers((k) => inspected[k]), {
      user: { learningMode: true, rules: { 'secret-in-code': 'off' } },
      workspace: { 'aiEdit.minLines': 2, rules: { 'secret-in-code': 'error' } },
    });
  });
});
