import * as assert from 'node:assert/strict';
import type { Finding } from '../../../src/core/model';
import { checkAllOnline, checkImportEdit, checkManifestEdit } from '../../../src/core/supply-chain';
import { createFetchJson } from '../../../src/cli/registry-client';
import { startFakeRegistry } from './fake-registry';

function brief(f: Finding): string {
  return `${f.ruleId} @${f.range.start.line}:${f.range.start.character} ${f.message}`;
}

const BEFORE = '{\n  "name": "shop-api",\n  "dependencies": {\n    "express": "^4.19.2"\n  }\n}\n';
const AFTER = '{\n  "name": "shop-api",\n  "dependencies": {\n    "express": "^4.19.2",\n    "expresss": "^1.0.0",\n    "openai-helper": "^0.2.0"\n  }\n}\n';
const LOCK = JSON.stringify({ lockfileVersion: 3, packages: { '': {}, 'node_modules/express': {} } });

describe('supply-chain checks of manifest edits', () => {
  it('flags expresss and openai-helper added by an AI edit, not verified online', () => {
    const findings = checkManifestEdit({ path: '/shop/package.json', before: BEFORE, after: AFTER, lockfiles: new Map([['/shop/package-lock.json', LOCK]]), installed: new Set() });
    assert.deepEqual(findings.map(brief), [
      'dependency-lookalike @4:5 `expresss` looks like the popular package `express`: it is one typo away from `express`. Use `express` unless you are sure this is the package you meant.',
      'dependency-unreviewed @4:5 New dependency `expresss` added by an AI edit: verify it exists and is the one you meant. (not verified online)',
      'dependency-lookalike @5:5 `openai-helper` looks like the popular package `openai`: it wraps the popular name `openai` in a prefix or suffix. Use `openai` unless you are sure this is the package you meant.',
      'dependency-unreviewed @5:5 New dependency `openai-helper` added by an AI edit: verify it exists and is the one you meant. (not verified online)',
    ]);
    assert.equal(findings[0]?.fingerprint, 'dependency-lookalike:npm:expresss');
    assert.equal(findings[0]?.severity, 'error');
  });

  it('says a package is hallucinated when the fake registry answers 404', async () => {
    const registry = await startFakeRegistry();
    try {
      const online = await checkAllOnline([{ name: 'expresss', spec: '^1.0.0', ecosystem: 'npm' }, { name: 'express', spec: '^4', ecosystem: 'npm' }],
        { fetchJson: createFetchJson(), registries: registry.urls, now: new Date('2026-11-26T00:00:00Z') });
      const findings = checkManifestEdit({ path: 'package.json', before: BEFORE, after: AFTER.replace(',\n    "openai-helper": "^0.2.0"', ''), lockfiles: new Map(), installed: new Set(), online });
      assert.deepEqual(findings.map(brief), [
        'dependency-not-found @4:5 `expresss` is hallucinated: it does not exist in the npm registry. Remove it; anyone could register the name and ship code to you.',
        'dependency-lookalike @4:5 `expresss` looks like the popular package `express`: it is one typo away from `express`. Use `express` unless you are sure this is the package you meant.',
      ]);
    } finally {
      await registry.close();
    }
  });

  it('adds registry facts to an unreviewed dependency that exists', () => {
    const online = new Map([['npm:zod', { status: 'exists' as const, ageDays: 12, downloadsLastMonth: 4200, vulnerabilities: [{ id: 'MAL-2026-1', summary: 'x' }] }]]);
    const findings = checkManifestEdit({ path: 'package.json', before: BEFORE, after: BEFORE.replace('"^4.19.2"', '"^4.19.2",\n    "zod": "^3.23.8"'), lockfiles: new Map(), installed: new Set(), online });
    assert.deepEqual(findings.map(brief), [
      'dependency-unreviewed @4:5 New dependency `zod` added by an AI edit: verify it exists and is the one you meant. Registry: first published only 12 days ago; 4,200 downloads last month; OSV lists MAL-2026-1.',
    ]);
  });

  it('stays quiet for a locked or installed dependency and for a version bump', () => {
    const after = BEFORE.replace('"^4.19.2"', '"^4.21.0",\n    "zod": "^3.23.8"');
    assert.deepEqual(checkManifestEdit({ path: 'package.json', before: BEFORE, after, lockfiles: new Map(), installed: new Set(['zod']) }), []);
  });

  it('flags a git fork without a commit and shows install scripts of an installed package', () => {
    const after = BEFORE.replace('"^4.19.2"', '"github:someone/express#main"');
    const findings = checkManifestEdit({
      path: 'package.json', before: BEFORE, after, lockfiles: new Map(), installed: new Set(['express']),
      installedManifests: new Map([['express', '{"scripts":{"postinstall":"node steal.js"}}']]),
    });
    assert.deepEqual(findings.map(brief), [
      'dependency-suspicious-source @3:5 `express` installs from a git repository without a commit hash, so its code can change under you. Pin a released registry version or a full commit hash.',
    ]);
    const added = checkManifestEdit({
      path: 'package.json', before: BEFORE, after: BEFORE.replace('"^4.19.2"', '"^4.19.2",\n    "canvas": "^2.11.2"'), lockfiles: new Map(), installed: new Set(['canvas']),
      installedManifests: new Map([['canvas', '{"scripts":{"install":"node-pre-gyp install --fallback-to-build"}}']]),
    });
    assert.deepEqual(added.map(brief), [
      'dependency-install-script @4:5 `canvas` runs code when installed (install: `node-pre-gyp install --fallback-to-build`). Read the script before you install, or install with --ignore-scripts.',
    ]);
  });

  it('gives no findings for a malformed manifest', () => {
    assert.deepEqual(checkManifestEdit({ path: 'package.json', before: BEFORE, after: '{ "dependencies": {', lockfiles: new Map(), installed: new Set() }), []);
  });
});

describe('supply-chain checks of import edits', () => {
  it('flags a new import of an undeclared package that imitates a popular one', () => {
    const findings = checkImportEdit({
      path: 'app.py', languageId: 'python', before: 'import requests\n', after: 'import requests\nimport reqeusts\nimport os\n',
      declared: new Set(['requests']), installed: new Set(),
    });
    assert.deepEqual(findings.map(brief), [
      'dependency-lookalike @1:7 `reqeusts` looks like the popular package `requests`: it is one typo away from `requests`. Use `requests` unless you are sure this is the package you meant.',
      'dependency-unreviewed @1:7 Import of `reqeusts`, which no manifest declares and is not installed, added by an AI edit: verify it exists and is the one you meant. (not verified online)',
    ]);
  });

  it('ignores imports that were already there before the edit', () => {
    assert.deepEqual(checkImportEdit({
      path: 'a.ts', languageId: 'typescript', before: "import x from 'left-pad';\n", after: "import x from 'left-pad';\nconst y = 1;\n",
      declared: new Set(), installed: new Set(),
    }), []);
  });
});
