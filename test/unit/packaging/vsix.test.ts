import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { minimatch } from 'minimatch';

const root = path.resolve(__dirname, '../../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;

// What an installed Redline needs, and nothing else (mirrors .vscodeignore).
const ALLOWED = ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'dist/extension.js', 'dist/wasm/*.wasm',
  'dist/codicons/codicon.css', 'dist/codicons/codicon.ttf', 'dist/mentor/*.js', 'dist/mentor/*.css', 'media/**', 'docs/rules/*.md', 'schemas/*.json'];

function vsce(...args: string[]): string {
  return execFileSync(process.execPath, [path.join(root, 'node_modules/@vscode/vsce/vsce'), ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('packaging', function () {
  this.timeout(60000);
  let files: string[];

  before(function () {
    if (!fs.existsSync(path.join(root, 'dist/extension.js'))) execFileSync('npm', ['run', '--silent', 'build'], { cwd: root });
    files = vsce('ls', '--no-dependencies').split('\n').map((l) => l.trim()).filter(Boolean);
  });

  it('ships only allow-listed files: no sources, tests, source maps or node_modules', () => {
    const outside = files.filter((f) => !ALLOWED.some((glob) => minimatch(f, glob, { dot: true })));
    assert.deepStrictEqual(outside, []);
    assert.ok(files.includes('dist/extension.js'));
    assert.ok(files.includes('dist/wasm/tree-sitter.wasm'));
    assert.ok(!files.some((f) => f.endsWith('.map') || f.startsWith('src/') || f.startsWith('node_modules/')));
  });

  it('builds a vsix under 2 MB without warnings', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'redline-vsix-')), 'redline.vsix');
    const log = vsce('package', '--no-dependencies', '--out', out);
    assert.doesNotMatch(log, /WARNING/i);
    const size = fs.statSync(out).size;
    assert.ok(size < 2 * 1024 * 1024, `vsix is ${size} bytes`);
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  });

  it('has what the Marketplace and Open VSX require: licence, repository, icon, publisher, no proposed API', () => {
    assert.strictEqual(pkg.license, 'MIT');
    assert.ok(fs.existsSync(path.join(root, 'LICENSE')));
    assert.match(String((pkg.repository as { url: string }).url), /^https:\/\//);
    assert.ok(fs.existsSync(path.join(root, String(pkg.icon))));
    assert.match(String(pkg.publisher), /^[a-z0-9][a-z0-9-]*$/);
    assert.strictEqual(pkg.enabledApiProposals, undefined);
    assert.ok(String(pkg.description).length > 20);
    assert.strictEqual((pkg.engines as { vscode: string }).vscode, '^1.99.0');
  });

  it('activates on startup-finished, never on *', () => {
    const events = pkg.activationEvents as string[];
    assert.ok(!events.includes('*'));
    assert.ok(events.includes('onStartupFinished'));
  });

  it('gives every command the Redline category and the redline. prefix', () => {
    const commands = (pkg.contributes as { commands: Array<{ command: string; category?: string }> }).commands;
    for (const c of commands) {
      assert.match(c.command, /^redline\./);
      assert.strictEqual(c.category, 'Redline', c.command);
    }
  });
});
