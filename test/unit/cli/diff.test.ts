// `redline diff` through run() with a fake io: text and JSON output, exit codes, usage errors.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';

function fakeIo(cwd: string): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '', stderr: '', cwd, env: {}, isTTY: false,
    out(text: string) { io.stdout += text; },
    err(text: string) { io.stderr += text; },
  };
  return io;
}

describe('redline diff', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redline-diff-'));
    const route = (mw: string): string => `const router = require('express').Router();\nrouter.delete('/users/:id', ${mw}async (req, res) => {\n  res.sendStatus(204);\n});\n`;
    fs.writeFileSync(path.join(dir, 'before.js'), route('requireAuth, '));
    fs.writeFileSync(path.join(dir, 'after.js'), route(''));
    fs.writeFileSync(path.join(dir, 'same.js'), route('requireAuth, '));
    fs.writeFileSync(path.join(dir, 'old.rb'), 'http.verify_mode = OpenSSL::SSL::VERIFY_PEER\n');
    fs.writeFileSync(path.join(dir, 'new.rb'), 'http.verify_mode = OpenSSL::SSL::VERIFY_NONE\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the dropped middleware with its line and exits 1', async () => {
    const io = fakeIo(dir);
    assert.equal(await run(['diff', 'before.js', 'after.js'], io), 1);
    assert.match(io.stdout, /^after\.js:2:1: error auth-check-removed \(dropped, high\): `requireAuth` was removed from route `DELETE \/users\/:id`$/m);
    assert.match(io.stdout, /^ {4}was: requireAuth$/m);
  });

  it('prints the documented JSON shape', async () => {
    const io = fakeIo(dir);
    assert.equal(await run(['diff', 'before.js', 'after.js', '--format', 'json'], io), 1);
    const report = JSON.parse(io.stdout) as { version: number; language: string; analysis: string; findings: { ruleId: string; range: { start: { line: number } }; change: string; restore: unknown[] }[] };
    assert.equal(report.version, 1);
    assert.equal(report.language, 'javascript');
    assert.equal(report.analysis, 'parsed');
    assert.deepEqual(report.findings.map((f) => [f.ruleId, f.range.start.line, f.change]), [['auth-check-removed', 1, 'dropped']]);
    assert.equal(report.findings[0]?.restore.length, 1);
  });

  it('exits 0 when nothing was dropped', async () => {
    const io = fakeIo(dir);
    assert.equal(await run(['diff', 'before.js', 'same.js'], io), 0);
    assert.equal(io.stdout, 'same.js: no guardrail dropped (javascript, parsed).\n');
  });

  it('uses the textual layer for other languages and honours --language', async () => {
    const io = fakeIo(dir);
    assert.equal(await run(['diff', 'old.rb', 'new.rb'], io), 1);
    assert.match(io.stdout, /new\.rb:1:1: error tls-verification-disabled \(downgraded, low\)/);
    const forced = fakeIo(dir);
    assert.equal(await run(['diff', 'before.js', 'after.js', '--language', 'plaintext'], forced), 0);
  });

  it('exits 2 with a one-line reason for a missing file, a wrong argument count or format', async () => {
    const missing = fakeIo(dir);
    assert.equal(await run(['diff', 'before.js', 'nope.js'], missing), 2);
    assert.equal(missing.stderr, 'redline diff: nope.js: no such file\n');
    const one = fakeIo(dir);
    assert.equal(await run(['diff', 'before.js'], one), 2);
    assert.equal(one.stderr, 'redline diff: expects <before-file> <after-file>\n');
    const format = fakeIo(dir);
    assert.equal(await run(['diff', 'before.js', 'after.js', '--format', 'xml'], format), 2);
    assert.equal(format.stderr, "redline diff: unknown format 'xml' (text or json)\n");
  });
});
