// `redline exposure`: sensitive files, the assistants that can read them, coverage and gaps.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';

function fakeIo(cwd: string): CliIo & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', out(t: string) { io.stdout += t; }, err(t: string) { io.stderr += t; }, cwd, env: {}, isTTY: false };
  return io;
}

function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'redline-exposure-'));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  }
  return root;
}

describe('redline exposure', () => {
  const roots: string[] = [];
  after(() => { for (const r of roots) fs.rmSync(r, { recursive: true, force: true }); });

  it('shows which assistants can read each sensitive file, with the Cursor terminal gap', async () => {
    const root = tree({
      'CLAUDE.md': '# notes\n',
      '.cursorignore': '.env\n',
      '.gitignore': '.env\n',
      '.env': 'DB_PASSWORD=Zx8vQ2mLp4Rt\n',
      '.env.example': 'DB_PASSWORD=\n',
      'certs/server.pem': 'placeholder\n',
      'src/index.ts': 'export {};\n',
    });
    roots.push(root);
    const io = fakeIo(root);
    assert.equal(await run(['exposure', '--format', 'json'], io), 1);
    const report = JSON.parse(io.stdout) as { assistantsAssumed: boolean; entries: { path: string; exposedTo: string[]; gaps: string[] }[]; findings: { file: string; ruleId: string }[] };
    assert.equal(report.assistantsAssumed, false);
    assert.deepEqual(report.entries.map((e) => [e.path, e.exposedTo]), [['.env', ['claude-code']], ['certs/server.pem', ['cursor', 'claude-code']]]);
    assert.ok(report.entries[0]?.gaps.some((g) => g.includes('terminal commands or MCP tools')));
    assert.deepEqual(report.findings.map((f) => [f.file, f.ruleId]), [['.env', 'sensitive-file-exposed'], ['certs/server.pem', 'sensitive-file-exposed']]);
    assert.ok(!io.stdout.includes('Zx8vQ2mLp4Rt'));
  });

  it('exits 0 and says so when every sensitive file is covered', async () => {
    const root = tree({ '.aider.conf.yml': 'model: x\n', '.aiderignore': '.env*\n', '.env': 'A=1\n' });
    roots.push(root);
    const io = fakeIo(root);
    assert.equal(await run(['exposure'], io), 0);
    assert.ok(io.stdout.startsWith('AI context exposure of .: 1 sensitive file, 0 exposed (3 files checked).\n'), io.stdout);
    assert.ok(io.stdout.includes('  covered by: .aiderignore (.env*)'));
  });

  it('assumes every known assistant when the workspace shows none', async () => {
    const root = tree({ '.npmrc': 'registry=https://registry.npmjs.org/\n' });
    roots.push(root);
    const io = fakeIo(root);
    assert.equal(await run(['exposure', '.'], io), 1);
    assert.ok(io.stdout.includes('No assistant files found in the workspace'));
  });

  it('exits 2 for two folders', async () => {
    const io = fakeIo(os.tmpdir());
    assert.equal(await run(['exposure', 'a', 'b'], io), 2);
  });
});
