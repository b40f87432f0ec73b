// `redline scan`: findings with masked values, .gitignore, skipped files with reasons, exit codes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';

const token = ['gh', 'p_', 'Zk3Pq9Lm2Rt7Vx4Wb8Nc6Yd1Hf5Jg0Ks2AeQ'].join('');

function fakeIo(cwd: string, isTTY = false): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out(text: string) { io.stdout += text; },
    err(text: string) { io.stderr += text; },
    cwd,
    env: {},
    isTTY,
  };
  return io;
}

function tree(files: Record<string, string | Buffer>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'redline-scan-'));
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  return root;
}

describe('redline scan', () => {
  let root = '';
  before(() => {
    root = tree({
      'src/client.ts': `export const token = "${token}";\n`,
      'src/clean.ts': 'export const x = 1;\n',
      '.gitignore': 'generated/\n',
      'generated/out.js': `var t = "${token}";\n`,
      'pkg/.gitignore': 'local.js\n',
      'pkg/local.js': `var t = "${token}";\n`,
      'assets/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
      'notes/latin1.txt': Buffer.from([0x70, 0x61, 0x73, 0x73, 0xe9, 0x0a]),
      'big/dump.sql': Buffer.alloc(5 * 1024 * 1024 + 1, 0x61),
    });
    fs.symlinkSync('..', path.join(root, 'src', 'loop'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('reports a secret masked, honours nested .gitignore files, counts skipped files and exits 1', async () => {
    const io = fakeIo(root);
    const code = await run(['scan'], io);
    assert.equal(code, 1);
    assert.ok(!io.stdout.includes(token), 'raw token printed');
    const lines = io.stdout.trimEnd().split('\n');
    assert.deepEqual(lines[0], 'src/client.ts:1:23  error  secret-in-code  GitHub token `ghp_…` is written into this file. Move it to an environment variable or a secret store, and rotate it if it was ever committed or sent to an assistant.');
    assert.equal(lines[1], '1 finding in 1 file (4 files scanned, 4 skipped: 1 binary, 1 larger than 5 MB, 1 invalid UTF-8, 1 symlink loop (folder already visited)).');
    assert.equal(io.stderr, '');
  });

  it('lists each skipped file with its reason in JSON', async () => {
    const io = fakeIo(root);
    assert.equal(await run(['scan', '.', '--format', 'json'], io), 1);
    const report = JSON.parse(io.stdout) as { findings: { file: string; line: number; column: number; ruleId: string; detector: string; message: string }[]; skipped: { file: string; reason: string }[]; scanned: number };
    assert.deepEqual(report.findings.map((f) => [f.file, f.line, f.column, f.ruleId, f.detector]), [['src/client.ts', 1, 23, 'secret-in-code', 'github-token']]);
    assert.deepEqual(report.skipped, [
      { file: 'assets/logo.png', reason: 'binary' },
      { file: 'big/dump.sql', reason: 'larger than 5 MB' },
      { file: 'notes/latin1.txt', reason: 'invalid UTF-8' },
      { file: 'src/loop', reason: 'symlink loop (folder already visited)' },
    ]);
    assert.equal(report.scanned, 4);
    assert.ok(!io.stdout.includes(token));
  });

  it('exits 0 on a clean path and scans a single file', async () => {
    const io = fakeIo(root);
    assert.equal(await run(['scan', 'src/clean.ts'], io), 0);
    assert.equal(io.stdout, 'No findings (1 file scanned).\n');
  });

  it('prints a progress line on stderr only on a terminal', async () => {
    const io = fakeIo(root, true);
    await run(['scan', 'src'], io);
    assert.ok(io.stderr.includes('scanning: '), io.stderr);
    assert.ok(io.stderr.endsWith('\r\x1b[K'));
  });

  it('exits 2 for a bad format and a missing path', async () => {
    const io = fakeIo(root);
    assert.equal(await run(['scan', '--format', 'xml'], io), 2);
    assert.equal(await run(['scan', 'no/such/dir'], io), 2);
    assert.ok(io.stderr.includes("redline scan: --format must be text or json, not 'xml'."));
    assert.ok(io.stderr.includes('redline scan: no such file or folder: no/such/dir'));
  });
});
