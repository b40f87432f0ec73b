// `redline inventory`: the demo's integrations and findings through run(), in every format, with secrets masked.
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

const root = path.resolve(__dirname, '../../../..');

describe('redline inventory', () => {
  const temps: string[] = [];
  after(() => { for (const t of temps) fs.rmSync(t, { recursive: true, force: true }); });

  it('reports the demo workspace: trifecta, unpinned Slack server, masked token, Bash(*) and the model load', async () => {
    const io = fakeIo(root);
    assert.equal(await run(['inventory', 'demo', '--format', 'json'], io), 1);
    const report = JSON.parse(io.stdout) as { integrations: { kind: string; name: string; source: string; capabilities: string[] }[]; findings: { ruleId: string; severity: string; file: string; line: number; message: string }[] };
    assert.deepEqual(report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`), [
      'agent-shell-unapproved .claude/settings.json:4',
      'integration-lethal-trifecta .vscode/mcp.json:9',
      'mcp-server-unpinned .vscode/mcp.json:11',
      'mcp-inline-secret .vscode/mcp.json:15',
      'model-load-unpinned ml/summarize.py:8',
      'model-load-unpinned ml/summarize.py:9',
      'model-remote-code ml/summarize.py:9',
    ]);
    assert.match(report.findings[1]?.message ?? '', /\(`slack`, `fetch`\)/);
    const servers = report.integrations.filter((i) => i.kind === 'mcp-server').map((i) => `${i.name} ${i.source} ${i.capabilities.join(',')}`);
    assert.deepEqual(servers, [
      'filesystem .vscode/mcp.json private-data',
      'slack .vscode/mcp.json untrusted-input,private-data,acts-outside',
      'fetch .vscode/mcp.json untrusted-input,acts-outside',
    ]);
    assert.ok(!io.stdout.includes('r3dl1ne'), 'the demo token is masked');
    assert.match(io.stdout, /xoxb…/);
  });

  it('writes Markdown for a pull request and text for the terminal, both masked', async () => {
    for (const format of ['markdown', 'text']) {
      const io = fakeIo(root);
      assert.equal(await run(['inventory', 'demo', '--format', format], io), 1);
      assert.ok(!io.stdout.includes('r3dl1ne'));
      assert.match(io.stdout, format === 'markdown' ? /^## AI integrations: demo\n/ : /^AI integrations in demo: 3 assistants, 3 MCP servers, 2 model loads, 7 findings\.\n/);
    }
  });

  it('exits 0 for a workspace without findings, and applies the policy allow-list', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redline-inventory-'));
    temps.push(dir);
    fs.mkdirSync(path.join(dir, '.vscode'));
    fs.writeFileSync(path.join(dir, '.vscode', 'mcp.json'), '{ "servers": { "git": { "command": "uvx", "args": ["mcp-server-git==0.6.2"] } } }');
    assert.equal(await run(['inventory', dir], fakeIo(dir)), 0);
    fs.mkdirSync(path.join(dir, '.redline'));
    fs.writeFileSync(path.join(dir, '.redline', 'policy.jsonc'), '{ "version": 1, "integrations": { "allowed": ["github.copilot"] } }');
    const io = fakeIo(dir);
    assert.equal(await run(['inventory', '--format', 'json'], io), 1);
    assert.deepEqual((JSON.parse(io.stdout) as { findings: { ruleId: string; message: string }[] }).findings.map((f) => f.ruleId), ['integration-not-allowed']);
  });

  it('exits 2 on a bad format or a missing folder', async () => {
    assert.equal(await run(['inventory', 'demo', '--format', 'xml'], fakeIo(root)), 2);
    assert.equal(await run(['inventory', 'no-such-folder'], fakeIo(root)), 2);
  });
});
