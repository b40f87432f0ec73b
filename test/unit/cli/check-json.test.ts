// `redline check --format json` matches its documented JSON Schema (docs/check-output.schema.json).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import { run } from '../../../src/cli/main';

const schemaPath = path.join(__dirname, '..', '..', '..', '..', 'docs', 'check-output.schema.json');
const token = ['gh', 'p_', 'Mn4Bv7Cx2Zl9Kj5Hg1Fd8Sa3Qp6Wo0Ei2RuTy'].join('');

function git(dir: string, ...args: string[]): void {
  execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
}

function write(dir: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
}

describe('redline check --format json', () => {
  let dir = '';
  before(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'redline-json-')));
    git(dir, '-c', 'init.defaultBranch=main', 'init', '-q');
    git(dir, 'config', 'user.name', 'Redline Test');
    git(dir, 'config', 'user.email', 'test@example.com');
    write(dir, {
      'app/views.py': 'from django.contrib.auth.decorators import login_required\n\n\n@login_required\ndef invoices(request):\n    return render(request, "invoices.html")\n',
      'src/auth/tokens.js': 'module.exports = {};\n',
      'old.txt': 'to be removed\n',
      'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]),
    });
    git(dir, 'add', '-A');
    git(dir, '-c', 'commit.gpgsign=false', 'commit', '-q', '--no-verify', '-m', 'initial');
    write(dir, {
      'app/views.py': 'from django.contrib.auth.decorators import login_required\n\n\ndef invoices(request):\n    return render(request, "invoices.html")\n',
      'src/auth/tokens.js': `module.exports = { token: "${token}" };\n`,
      'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 2]),
    });
    fs.rmSync(path.join(dir, 'old.txt'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints a document valid against docs/check-output.schema.json with findings, skipped files and checkpoints', async () => {
    const io = { stdout: '', stderr: '', cwd: dir, env: {}, isTTY: false, out(t: string) { io.stdout += t; }, err(t: string) { io.stderr += t; } };
    assert.equal(await run(['check', '--format', 'json'], io), 1);
    const report = JSON.parse(io.stdout) as { findings: { file: string; line: number; ruleId: string; severity: string }[]; files: unknown[]; checkpoints: unknown[]; summary: unknown };
    const validate = new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')) as object);
    assert.ok(validate(report), JSON.stringify(validate.errors));
    assert.deepEqual(report.findings.map((f) => [f.file, f.line, f.ruleId, f.severity]), [
      ['app/views.py', 4, 'auth-check-removed', 'error'],
      ['src/auth/tokens.js', 1, 'secret-in-code', 'warning'],
    ]);
    assert.deepEqual(report.files, [
      { path: 'app/views.py', status: 'modified' },
      { path: 'logo.png', status: 'modified', skipped: 'binary' },
      { path: 'old.txt', status: 'deleted', skipped: 'deleted' },
      { path: 'src/auth/tokens.js', status: 'modified' },
    ]);
    assert.deepEqual(report.checkpoints, [{ file: 'src/auth/tokens.js', status: 'modified', patterns: ['**/auth/**'] }]);
    assert.deepEqual(report.summary, { files: 4, skipped: 2, findings: { error: 1, warning: 1, info: 0 }, acknowledged: 0, checkpoints: 1 });
    assert.ok(!io.stdout.includes(token.slice(4)), 'the token leaked into the JSON');
  });
});
