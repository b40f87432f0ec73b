// `redline check` end to end: temporary git repositories (real git), exit codes, staged vs working tree,
// renames, binary and deleted files, bases, policy errors with positions, checkpoints and masked secrets.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';
import { runCheck } from '../../../src/cli/check/run';
import { workerCount, workerScript } from '../../../src/cli/check/pool';

/** A GitHub-shaped token assembled at run time, so no secret sits in this file. */
const token = ['gh', 'p_', 'Qw7Er4Ty1Ui9Op3As6Df2Gh8Jk5Lz0Xc4VbN'].join('');

type Io = CliIo & { stdout: string; stderr: string };

function fakeIo(cwd: string): Io {
  const io = {
    stdout: '', stderr: '', cwd, env: {}, isTTY: false,
    out(text: string) { io.stdout += text; },
    err(text: string) { io.stderr += text; },
  };
  return io;
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function write(dir: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
}

/** A new repository on `main` with `files` committed. */
function repo(files: Record<string, string | Buffer>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'redline-check-')));
  git(dir, '-c', 'init.defaultBranch=main', 'init', '-q');
  git(dir, 'config', 'user.name', 'Redline Test');
  git(dir, 'config', 'user.email', 'test@example.com');
  git(dir, 'config', 'commit.gpgsign', 'false');
  write(dir, files);
  commit(dir, 'initial');
  return dir;
}

function commit(dir: string, message: string): void {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--no-verify', '-m', message);
}

async function check(dir: string, ...args: string[]): Promise<{ code: number; io: Io }> {
  const io = fakeIo(dir);
  const code = await run(['check', ...args], io);
  return { code, io };
}

interface JsonReport {
  failed: boolean;
  base: { ref: string; commit: string };
  target: string;
  files: { path: string; oldPath?: string; status: string; skipped?: string }[];
  findings: { file: string; line: number; column: number; ruleId: string; severity: string; message: string; fingerprint?: string }[];
  acknowledged: { file: string; ruleId: string; acknowledgement: { reason: string } }[];
  checkpoints: { file: string; status: string; patterns: string[] }[];
}

async function checkJson(dir: string, ...args: string[]): Promise<{ code: number; report: JsonReport; io: Io }> {
  const { code, io } = await check(dir, ...args, '--format', 'json');
  return { code, report: JSON.parse(io.stdout) as JsonReport, io };
}

const route = (middleware: string): string => [
  "const express = require('express');",
  'const router = express.Router();',
  '',
  `router.delete('/users/:id', ${middleware}async (req, res) => {`,
  '  await db.users.remove(req.params.id);',
  '  res.sendStatus(204);',
  '});',
  '',
  'module.exports = router;',
  '',
].join('\n');

const extractedHandler = [
  "const express = require('express');",
  'const router = express.Router();',
  '',
  'async function removeUser(req, res) {',
  '  await db.users.remove(req.params.id);',
  '  res.sendStatus(204);',
  '}',
  '',
  "router.delete('/users/:id', requireAuth, removeUser);",
  '',
  'module.exports = router;',
  '',
].join('\n');

describe('redline check', () => {
  const dirs: string[] = [];
  const fresh = (files: Record<string, string | Buffer>): string => {
    const dir = repo(files);
    dirs.push(dir);
    return dir;
  };
  after(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  describe('exit codes', () => {
    it('exits 0 with "No findings" when nothing changed', async () => {
      const dir = fresh({ 'src/routes/users.js': route('requireAuth, ') });
      const { code, io } = await check(dir);
      assert.equal(code, 0);
      assert.match(io.stdout, /^✔ No findings\. 0 changed files; working tree vs HEAD \([0-9a-f]{8}\)\.$/m);
    });

    it('fails a change that drops requireAuth with the finding on the route line (exit 1)', async () => {
      const dir = fresh({ 'src/routes/users.js': route('requireAuth, ') });
      write(dir, { 'src/routes/users.js': route('') });
      const { code, io } = await check(dir);
      assert.equal(code, 1);
      assert.match(io.stdout, /^src\/routes\/users\.js$/m);
      assert.match(io.stdout, /^ {2}4:1 +error {2}`requireAuth` was removed from route `DELETE \/users\/:id` {2}auth-check-removed$/m);
      assert.match(io.stdout, /^ {4}> 4 \| router\.delete\('\/users\/:id', async \(req, res\) => \{$/m);
      assert.match(io.stdout, /^ {4}was: requireAuth$/m);
      assert.match(io.stdout, /✖ 1 finding \(1 error\) in 1 file\. 1 changed file; working tree vs HEAD/);
    });

    it('passes a benign refactor that extracts the handler and keeps requireAuth (exit 0)', async () => {
      const dir = fresh({ 'src/routes/users.js': route('requireAuth, ') });
      write(dir, { 'src/routes/users.js': extractedHandler });
      const { code, report } = await checkJson(dir);
      assert.equal(code, 0);
      assert.deepEqual(report.findings, []);
      assert.deepEqual(report.files, [{ path: 'src/routes/users.js', status: 'modified' }]);
    });

    it('exits 2 with one line for a base that does not exist', async () => {
      const dir = fresh({ 'a.js': 'x\n' });
      const { code, io } = await check(dir, '--base', 'no-such-branch');
      assert.equal(code, 2);
      assert.equal(io.stdout, '');
      assert.equal(io.stderr, "redline check: base 'no-such-branch' is not a commit in this repository (try a branch, tag or SHA, and fetch it first in CI)\n");
    });

    it('exits 2 for unknown --format and --fail-on values', async () => {
      const dir = fresh({ 'a.js': 'x\n' });
      const format = await check(dir, '--format', 'xml');
      assert.equal(format.code, 2);
      assert.equal(format.io.stderr, "redline check: --format must be text, json, sarif; got 'xml'\n");
      const failOn = await check(dir, '--fail-on', 'info');
      assert.equal(failOn.code, 2);
      assert.equal(failOn.io.stderr, "redline check: --fail-on must be error, warning, never; got 'info'\n");
    });

    it('exits 2 outside a git repository', async () => {
      const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'redline-nogit-')));
      dirs.push(dir);
      const { code, io } = await check(dir);
      assert.equal(code, 2);
      assert.equal(io.stderr, `redline check: ${dir} is not inside a git repository\n`);
    });

    it('exits 2 with file, line and column for a malformed policy', async () => {
      const dir = fresh({ '.redline/policy.jsonc': '{\n  "version": 1,\n  "rules": { "auth-check-removed": "error" \n}\n' });
      const { code, io } = await check(dir);
      assert.equal(code, 2);
      assert.equal(io.stderr, 'redline check: invalid policy: .redline/policy.jsonc:5:1: A closing brace `}` is expected.\n');
    });

    it('exits 2 for a schema violation in a --policy file, naming its position', async () => {
      const dir = fresh({ 'ci/strict.jsonc': '{\n  "version": 1,\n  "rules": { "auth-check-removed": "fatal" }\n}\n' });
      const { code, io } = await check(dir, '--policy', 'ci/strict.jsonc');
      assert.equal(code, 2);
      assert.equal(io.stderr, 'redline check: invalid policy: ci/strict.jsonc:3:36: A rule is `"off"`, `"info"`, `"warning"`, `"error"`, or `{ "level": ..., "options": { ... } }`.\n');
    });

    it('exits 2 when --policy names a missing file', async () => {
      const dir = fresh({ 'a.js': 'x\n' });
      const { code, io } = await check(dir, '--policy', 'nope.jsonc');
      assert.equal(code, 2);
      assert.equal(io.stderr, 'redline check: policy file not found: nope.jsonc\n');
    });

    it('--fail-on never reports but exits 0; --fail-on warning fails on a warning', async () => {
      const dir = fresh({ 'src/routes/users.js': route('requireAuth, '), '.redline/policy.jsonc': '{ "version": 1, "rules": { "auth-check-removed": "warning" } }\n' });
      write(dir, { 'src/routes/users.js': route('') });
      const never = await checkJson(dir, '--fail-on', 'never');
      assert.equal(never.code, 0);
      assert.deepEqual(never.report.findings.map((f) => [f.ruleId, f.severity, f.line]), [['auth-check-removed', 'warning', 4]]);
      assert.equal((await check(dir)).code, 0, 'a warning does not fail the default --fail-on error');
      assert.equal((await check(dir, '--fail-on', 'warning')).code, 1);
    });
  });

  describe('what is compared', () => {
    it('--staged checks the index while the default checks the working tree', async () => {
      const dir = fresh({ 'src/routes/users.js': route('requireAuth, ') });
      write(dir, { 'src/routes/users.js': route('') });
      git(dir, 'add', 'src/routes/users.js');
      write(dir, { 'src/routes/users.js': route('requireAuth, ') });
      const staged = await checkJson(dir, '--staged');
      assert.equal(staged.code, 1);
      assert.equal(staged.report.target, 'index');
      assert.deepEqual(staged.report.findings.map((f) => [f.file, f.line, f.ruleId]), [['src/routes/users.js', 4, 'auth-check-removed']]);
      const tree = await checkJson(dir);
      assert.equal(tree.code, 0);
      assert.equal(tree.report.target, 'working-tree');
      assert.deepEqual(tree.report.findings, []);
    });

    it('defaults to the merge-base with main, so committed changes on a branch are checked', async () => {
      const dir = fresh({ 'src/routes/users.js': route('requireAuth, ') });
      git(dir, 'checkout', '-q', '-b', 'feature');
      write(dir, { 'src/routes/users.js': route('') });
      commit(dir, 'speed up user deletion');
      const { code, report } = await checkJson(dir);
      assert.equal(code, 1);
      assert.equal(report.base.ref, 'merge-base main');
      assert.equal(report.base.commit, git(dir, 'rev-parse', 'main').trim());
      assert.deepEqual(report.findings.map((f) => [f.file, f.line, f.ruleId]), [['src/routes/users.js', 4, 'auth-check-removed']]);
      assert.equal((await check(dir, '--base', 'HEAD')).code, 0, 'against HEAD nothing changed');
    });

    it('accepts --staged --base HEAD before the first commit (a pre-commit hook in a new repository)', async () => {
      const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'redline-empty-')));
      dirs.push(dir);
      git(dir, '-c', 'init.defaultBranch=main', 'init', '-q');
      write(dir, { 'src/config.js': `module.exports = { githubToken: "${token}" };\n` });
      git(dir, 'add', '-A');
      const { code, report } = await checkJson(dir, '--staged', '--base', 'HEAD');
      assert.equal(code, 1);
      assert.equal(report.base.ref, 'HEAD (no commits yet)');
      assert.deepEqual(report.findings.map((f) => [f.file, f.line, f.ruleId]), [['src/config.js', 1, 'secret-in-code']]);
    });

    it('compares a renamed file with its old path', async () => {
      const dir = fresh({ 'src/routes/users.js': route('requireAuth, ') });
      git(dir, 'mv', 'src/routes/users.js', 'src/routes/accounts.js');
      write(dir, { 'src/routes/accounts.js': route('') });
      git(dir, 'add', '-A');
      const { code, report } = await checkJson(dir, '--staged');
      assert.equal(code, 1);
      assert.deepEqual(report.files, [{ path: 'src/routes/accounts.js', oldPath: 'src/routes/users.js', status: 'renamed' }]);
      assert.deepEqual(report.findings.map((f) => [f.file, f.line, f.ruleId]), [['src/routes/accounts.js', 4, 'auth-check-removed']]);
    });

    it('skips binary files with a reason instead of failing', async () => {
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
      const dir = fresh({ 'assets/logo.png': png });
      write(dir, { 'assets/logo.png': Buffer.concat([png, Buffer.from([0, 1, 2, 3])]), 'assets/new.bin': Buffer.from([0, 0, 7]) });
      const { code, report, io } = await checkJson(dir);
      assert.equal(code, 0);
      assert.deepEqual(report.files, [
        { path: 'assets/logo.png', status: 'modified', skipped: 'binary' },
        { path: 'assets/new.bin', status: 'added', skipped: 'binary' },
      ]);
      assert.equal(io.stderr, '');
    });

    it('lists a deleted file under a review-required path as a checkpoint without failing', async () => {
      const dir = fresh({ 'src/auth/session.js': 'module.exports = function requireSession(req, res, next) { next(); };\n', 'README.md': '# app\n' });
      fs.rmSync(path.join(dir, 'src/auth/session.js'));
      fs.rmSync(path.join(dir, 'README.md'));
      const { code, report } = await checkJson(dir);
      assert.equal(code, 0);
      assert.deepEqual(report.files, [
        { path: 'README.md', status: 'deleted', skipped: 'deleted' },
        { path: 'src/auth/session.js', status: 'deleted', skipped: 'deleted' },
      ]);
      assert.deepEqual(report.checkpoints, [{ file: 'src/auth/session.js', status: 'deleted', patterns: ['**/auth/**'] }]);
      const text = await check(dir);
      assert.match(text.io.stdout, /^Review checkpoints \(changed paths a reviewer must look at\):\n {2}◆ src\/auth\/session\.js {2}deleted, matches \*\*\/auth\/\*\*$/m);
    });

    it('uses the policy\'s reviewRequired globs for checkpoints', async () => {
      const dir = fresh({ 'billing/charge.py': 'def charge():\n    pass\n', '.redline/policy.jsonc': '{ "version": 1, "reviewRequired": ["billing/**"] }\n' });
      write(dir, { 'billing/charge.py': 'def charge():\n    return 1\n' });
      const { code, report } = await checkJson(dir);
      assert.equal(code, 0);
      assert.deepEqual(report.checkpoints, [{ file: 'billing/charge.py', status: 'modified', patterns: ['billing/**'] }]);
    });

    it('limits the check to the given paths', async () => {
      const dir = fresh({ 'src/routes/users.js': route('requireAuth, '), 'docs/a.md': 'a\n' });
      write(dir, { 'src/routes/users.js': route(''), 'docs/a.md': 'b\n' });
      const { code, report } = await checkJson(dir, 'docs');
      assert.equal(code, 0);
      assert.deepEqual(report.files.map((f) => f.path), ['docs/a.md']);
    });

    it('checks a new file for insecure constructs it introduces', async () => {
      const dir = fresh({ 'README.md': '# app\n' });
      write(dir, { 'src/http/client.js': "const https = require('https');\n\nexports.fetchStatus = (url) => https.get(url, { rejectUnauthorized: false });\n" });
      const { code, report } = await checkJson(dir);
      assert.equal(code, 1);
      assert.deepEqual(report.files, [{ path: 'src/http/client.js', status: 'added' }]);
      assert.deepEqual(report.findings.map((f) => [f.file, f.line, f.ruleId]), [['src/http/client.js', 3, 'tls-verification-disabled']]);
    });

    it('reports a new dependency that no lockfile pins', async () => {
      const dir = fresh({ 'package.json': '{\n  "name": "app",\n  "dependencies": {\n    "express": "^4.19.2"\n  }\n}\n' });
      write(dir, { 'package.json': '{\n  "name": "app",\n  "dependencies": {\n    "express": "^4.19.2",\n    "left-padder": "^1.0.0"\n  }\n}\n' });
      const { report } = await checkJson(dir);
      assert.deepEqual(report.findings.map((f) => [f.file, f.line, f.ruleId]), [['package.json', 5, 'dependency-unreviewed']]);
      assert.match(report.findings[0]?.message ?? '', /^Dependency `left-padder` is in no lockfile and not installed/);
    });
  });

  describe('secrets', () => {
    it('reports a token on an added line, masked, and never prints the value in text, JSON or SARIF', async () => {
      const dir = fresh({ 'src/config.js': 'module.exports = { region: "eu-west-1" };\n' });
      write(dir, { 'src/config.js': `module.exports = {\n  region: "eu-west-1",\n  githubToken: "${token}",\n};\n` });
      for (const format of ['text', 'json', 'sarif']) {
        const { code, io } = await check(dir, '--format', format);
        assert.equal(code, 1, format);
        assert.ok(!io.stdout.includes(token) && !io.stderr.includes(token), `${format} output contains the token`);
        assert.ok(!io.stdout.includes(token.slice(4, 20)), `${format} output contains part of the token`);
      }
      const { report } = await checkJson(dir);
      assert.deepEqual(report.findings.map((f) => [f.file, f.line, f.column, f.ruleId]), [['src/config.js', 3, 17, 'secret-in-code']]);
      assert.match(report.findings[0]?.message ?? '', /^GitHub token `ghp_…` is written into this file\./);
      const text = await check(dir);
      assert.match(text.io.stdout, /^ {4}> 3 \| {3}githubToken: "ghp_…",$/m);
    });

    it('does not report a secret that was already in the base version', async () => {
      const dir = fresh({ 'src/config.js': `module.exports = { githubToken: "${token}" };\n` });
      write(dir, { 'src/config.js': `// settings\nmodule.exports = { githubToken: "${token}" };\n` });
      const { code, report } = await checkJson(dir);
      assert.equal(code, 0);
      assert.deepEqual(report.findings, []);
    });
  });

  describe('acknowledgements', () => {
    async function acknowledgedRepo(inRepository: boolean): Promise<string> {
      const dir = fresh({ 'src/routes/users.js': route('requireAuth, ') });
      write(dir, { 'src/routes/users.js': route('') });
      const { report } = await checkJson(dir);
      const finding = report.findings[0];
      assert.ok(finding?.fingerprint);
      write(dir, {
        '.redline/policy.jsonc': `{ "version": 1, "acknowledgements": { "inRepository": ${String(inRepository)} } }\n`,
        '.redline/acknowledgements.json': `${JSON.stringify({ version: 1, acknowledgements: [{ ruleId: 'auth-check-removed', fingerprint: finding.fingerprint, file: 'src/routes/users.js', reason: 'Route moved behind the gateway auth', user: 'lead@example.com', time: '2026-01-05T10:00:00Z' }] }, null, 2)}\n`,
      });
      return dir;
    }

    it('honours an acknowledgement kept in the repository: listed with its reason, exit 0', async () => {
      const dir = await acknowledgedRepo(true);
      const { code, report } = await checkJson(dir);
      assert.equal(code, 0);
      assert.deepEqual(report.findings, []);
      assert.deepEqual(report.acknowledged.map((a) => [a.file, a.ruleId, a.acknowledgement.reason]), [['src/routes/users.js', 'auth-check-removed', 'Route moved behind the gateway auth']]);
      const text = await check(dir);
      assert.match(text.io.stdout, /^ {2}src\/routes\/users\.js:4 {2}auth-check-removed {2}"Route moved behind the gateway auth" \(lead@example\.com\)$/m);
    });

    it('ignores repository acknowledgements when the policy does not keep them there', async () => {
      const dir = await acknowledgedRepo(false);
      const { code, report } = await checkJson(dir);
      assert.equal(code, 1);
      assert.deepEqual(report.acknowledged, []);
      assert.deepEqual(report.findings.map((f) => f.ruleId), ['auth-check-removed']);
    });

    it('drops findings of a rule the policy turns off', async () => {
      const dir = fresh({ 'src/routes/users.js': route('requireAuth, '), '.redline/policy.jsonc': '{ "version": 1, "rules": { "auth-check-removed": "off" } }\n' });
      write(dir, { 'src/routes/users.js': route('') });
      const { code, report } = await checkJson(dir);
      assert.equal(code, 0);
      assert.deepEqual(report.findings, []);
    });
  });

  describe('worker threads', () => {
    it('finds the same things on a worker thread as on one thread', async () => {
      const initial: Record<string, string> = {};
      for (let i = 0; i < 26; i++) initial[`src/routes/r${i}.js`] = route('requireAuth, ').replace('/users/:id', `/users${i}/:id`);
      const dir = fresh(initial);
      const changed: Record<string, string> = {};
      for (let i = 0; i < 26; i++) changed[`src/routes/r${i}.js`] = (i % 9 === 0 ? route('') : `// reviewed\n${route('requireAuth, ')}`).replace('/users/:id', `/users${i}/:id`);
      write(dir, changed);
      assert.ok(workerScript(), 'the worker script is next to run.js');
      assert.equal(workerCount(26, 1), 1);
      assert.equal(workerCount(26, undefined, 1000), 0, 'no worker on a machine busier than its cores');
      assert.equal(workerCount(11, 3), 0, 'no worker for a small change');
      const single = await runCheck({ cwd: dir, workers: 0 });
      const pooled = await runCheck({ cwd: dir, workers: 1 });
      const shape = (r: typeof single): string[] => r.findings.map((f) => `${f.file}:${f.finding.range.start.line + 1} ${f.finding.ruleId} ${f.finding.message}`);
      assert.deepEqual(shape(single), [
        'src/routes/r0.js:4 auth-check-removed `requireAuth` was removed from route `DELETE /users0/:id`',
        'src/routes/r18.js:4 auth-check-removed `requireAuth` was removed from route `DELETE /users18/:id`',
        'src/routes/r9.js:4 auth-check-removed `requireAuth` was removed from route `DELETE /users9/:id`',
      ]);
      assert.deepEqual(shape(pooled), shape(single));
    });
  });

  describe('output', () => {
    it('--output writes the report to a file and prints a one-line summary', async () => {
      const dir = fresh({ 'src/routes/users.js': route('requireAuth, ') });
      write(dir, { 'src/routes/users.js': route('') });
      const { code, io } = await check(dir, '--format', 'json', '--output', 'out/redline.json');
      assert.equal(code, 2, 'a missing output folder is a usage error');
      assert.equal(io.stderr, 'redline check: cannot write out/redline.json: ENOENT\n');
      const ok = await check(dir, '--format', 'json', '--output', 'redline.json');
      assert.equal(ok.code, 1);
      assert.equal(ok.io.stdout, 'redline check: 1 finding (failing). Report: redline.json\n');
      const report = JSON.parse(fs.readFileSync(path.join(dir, 'redline.json'), 'utf8')) as JsonReport;
      assert.deepEqual(report.findings.map((f) => [f.file, f.line, f.ruleId]), [['src/routes/users.js', 4, 'auth-check-removed']]);
    });

    it('uses colour only on a terminal and never with --no-color', async () => {
      const dir = fresh({ 'src/routes/users.js': route('requireAuth, ') });
      write(dir, { 'src/routes/users.js': route('') });
      const tty = { ...fakeIo(dir), isTTY: true };
      const ttyIo = Object.assign(tty, { out(text: string) { tty.stdout += text; } });
      await run(['check'], ttyIo);
      assert.ok(ttyIo.stdout.includes('\x1b['), 'no colour on a TTY');
      const plain = Object.assign({ ...fakeIo(dir), isTTY: true }, {});
      const plainIo = Object.assign(plain, { out(text: string) { plain.stdout += text; } });
      await run(['check', '--no-color'], plainIo);
      assert.ok(!plainIo.stdout.includes('\x1b['), 'colour despite --no-color');
      const piped = await check(dir);
      assert.ok(!piped.io.stdout.includes('\x1b['), 'colour when not a TTY');
    });
  });
});
