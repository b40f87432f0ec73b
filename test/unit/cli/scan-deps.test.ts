import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';
import { scanDependencies } from '../../../src/cli/deps-scan';
import { startFakeRegistry } from '../supply-chain/fake-registry';

function fakeIo(cwd: string): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '', stderr: '', cwd, env: {}, isTTY: false,
    out(text: string) { io.stdout += text; },
    err(text: string) { io.stderr += text; },
  };
  return io;
}

function write(root: string, file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
}

describe('redline scan --deps', () => {
  let root: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'redline-deps-'));
    write(root, 'package.json', '{\n  "name": "shop",\n  "dependencies": {\n    "express": "^4.19.2",\n    "expresss": "^1.0.0",\n    "canvas": "^2.11.2"\n  }\n}\n');
    write(root, 'package-lock.json', JSON.stringify({ lockfileVersion: 3, packages: { '': {}, 'node_modules/express': {}, 'node_modules/canvas': {} } }));
    write(root, 'node_modules/canvas/package.json', '{"name":"canvas","scripts":{"install":"node-pre-gyp install"}}');
    write(root, 'worker/requirements.txt', 'requests==2.32.3\njeIlyfish==0.7.2\n');
    write(root, 'worker/poetry.lock', '[[package]]\nname = "requests"\nversion = "2.32.3"\n');
  });

  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('reports lookalikes, unreviewed dependencies and install scripts in every manifest', async () => {
    const io = fakeIo(root);
    const code = await run(['scan', '--deps', '.'], io);
    assert.equal(code, 1, io.stderr);
    assert.deepEqual(io.stdout.trim().split('\n').slice(0, -1), [
      'package.json:5:6  error  dependency-lookalike  `expresss` looks like the popular package `express`: it is one typo away from `express`. Use `express` unless you are sure this is the package you meant.',
      'package.json:5:6  warning  dependency-unreviewed  Dependency `expresss` is in no lockfile and not installed: verify it exists and is the one you meant. (not verified online)',
      'package.json:6:6  warning  dependency-install-script  `canvas` runs code when installed (install: `node-pre-gyp install`). Read the script before you install, or install with --ignore-scripts.',
      'worker/requirements.txt:2:1  error  dependency-lookalike  `jeIlyfish` looks like the popular package `jellyfish`: it uses look-alike characters to read as `jellyfish`. Use `jellyfish` unless you are sure this is the package you meant.',
      'worker/requirements.txt:2:1  warning  dependency-unreviewed  Dependency `jeIlyfish` is in no lockfile and not installed: verify it exists and is the one you meant. (not verified online)',
    ]);
  });

  it('runs no dependency checks without --deps', async () => {
    const io = fakeIo(root);
    assert.equal(await run(['scan', '.'], io), 0, io.stdout);
    assert.doesNotMatch(io.stdout, /dependency-/);
  });

  it('says a package does not exist when --online points at the fake registry', async () => {
    const registry = await startFakeRegistry();
    try {
      const io = fakeIo(root);
      const code = await run(['scan', '--deps', '--online', '--registry-npm', registry.urls.npm, '--registry-pypi', registry.urls.pypi, '--registry-osv', registry.urls.osv, 'package.json'], io);
      assert.equal(code, 1, io.stderr);
      assert.match(io.stdout, /^package\.json:5:6 {2}error {2}dependency-not-found {2}`expresss` is hallucinated: it does not exist in the npm registry\./m);
      assert.doesNotMatch(io.stdout, /requirements\.txt/);
      assert.ok(registry.requests.includes('GET /npm/expresss'));
    } finally {
      await registry.close();
    }
  });

  it('is a usage error to ask for --online without registries', async () => {
    const io = fakeIo(root);
    assert.equal(await run(['scan', '--deps', '--online', '.'], io), 2);
    assert.match(io.stderr, /--online needs --registry-npm/);
  });

  it('skips node_modules and compares against lockfiles in parent folders', async () => {
    write(root, 'web/package.json', '{"dependencies": {"express": "^4.19.2"}}');
    const findings = await scanDependencies(root);
    assert.deepEqual(findings.map((f) => `${f.file} ${f.finding.ruleId}`), [
      'package.json dependency-lookalike', 'package.json dependency-unreviewed', 'package.json dependency-install-script',
      'worker/requirements.txt dependency-lookalike', 'worker/requirements.txt dependency-unreviewed',
    ]);
  });
});
