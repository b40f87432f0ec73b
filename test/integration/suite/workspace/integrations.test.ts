// AI integrations in the editor: the demo's MCP config, Claude Code settings and model code give the
// inventory the demo promises (trifecta, unpinned server, masked token, Bash(*), remote code), and a
// new MCP server needs review until "Review AI Integrations". The files are written by the suite and
// removed afterwards, so other suites sharing the workspace never see them; the fake Slack token is
// assembled at run time so no secret-shaped string is committed.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateRedline, waitFor, workspaceFolder } from '../helpers';
import type { IntegrationsSnapshot } from '../../../../src/extension/integrations';

const TOKEN = [['xo', 'xb'].join(''), 'r3dl1ne', 'w0rksp4ce', 't3st', 'v4lue'].join('-');

const MCP = (extra = ''): string => `{
  "servers": {
    "filesystem": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.8.21", "\${workspaceFolder}"] },
    "slack": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-slack"],
      "env": { "SLACK_BOT_TOKEN": "${TOKEN}", "SLACK_TEAM_ID": "T0TEST" }
    },
    "fetch": { "command": "uvx", "args": ["mcp-server-fetch==2025.4.7"] }${extra}
  }
}
`;
const CLAUDE = '{\n  "permissions": {\n    "allow": ["Bash(*)"]\n  }\n}\n';
const MODEL = 'from transformers import AutoModelForCausalLM\n\nmodel = AutoModelForCausalLM.from_pretrained("acme-labs/notes-7b", trust_remote_code=True)\n';

const FILES: Record<string, string> = { '.vscode/mcp.json': MCP(), '.claude/settings.json': CLAUDE, 'ml/summarize.py': MODEL };

function write(rel: string, text: string): void {
  const file = path.join(workspaceFolder().uri.fsPath, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

async function refresh(): Promise<IntegrationsSnapshot> {
  return (await vscode.commands.executeCommand<IntegrationsSnapshot>('redline.refreshIntegrations'));
}

/** Refreshes until `ready` holds (a watcher-triggered refresh may overtake the first one). */
async function inventoryWhere(ready: (s: IntegrationsSnapshot) => boolean, what: string): Promise<IntegrationsSnapshot> {
  return waitFor(async () => {
    const s = await refresh();
    return ready(s) ? s : undefined;
  }, what, 20000);
}

const findings = (s: IntegrationsSnapshot): string[] => (s.folders[0]?.inventory.findings ?? []).map((f) => `${f.ruleId} ${f.file}:${f.line}`);

suite('AI integrations inventory', () => {
  suiteSetup(async () => {
    await activateRedline();
    for (const [rel, text] of Object.entries(FILES)) write(rel, text);
  });

  suiteTeardown(async () => {
    const root = workspaceFolder().uri.fsPath;
    for (const rel of [...Object.keys(FILES), '.vscode/mcp.json']) fs.rmSync(path.join(root, rel), { force: true });
    for (const dir of ['.claude', 'ml']) fs.rmSync(path.join(root, dir), { recursive: true, force: true });
    await inventoryWhere((s) => !(s.folders[0]?.inventory.integrations ?? []).some((i) => i.kind === 'mcp-server'), 'the inventory without the suite\'s files');
    await vscode.commands.executeCommand('redline.reviewIntegrations');
  });

  test('lists the servers with capabilities and flags the trifecta, the unpinned server, the inline token, Bash(*) and the model load', async () => {
    const s = await inventoryWhere((x) => findings(x).some((f) => f.startsWith('model-remote-code')) && findings(x).some((f) => f.startsWith('agent-shell-unapproved')), 'the demo findings');
    const got = findings(s);
    for (const expected of [
      'agent-shell-unapproved .claude/settings.json:3',
      'integration-lethal-trifecta .vscode/mcp.json:4',
      'mcp-server-unpinned .vscode/mcp.json:5',
      'mcp-inline-secret .vscode/mcp.json:7',
      'model-load-unpinned ml/summarize.py:3',
      'model-remote-code ml/summarize.py:3',
    ]) assert.ok(got.includes(expected), `${expected} in ${got.join(', ')}`);
    const inv = s.folders[0]?.inventory;
    const servers = (inv?.integrations ?? []).filter((i) => i.kind === 'mcp-server').map((i) => `${i.name}: ${i.capabilities.join(',')}`);
    assert.deepStrictEqual(servers, ['filesystem: private-data', 'slack: untrusted-input,private-data,acts-outside', 'fetch: untrusted-input,acts-outside']);
    const text = JSON.stringify(s);
    assert.ok(!text.includes(TOKEN), 'the token is masked everywhere');
    assert.ok(text.includes('SLACK_BOT_TOKEN = xoxb…'), 'the masked token is shown');
    assert.strictEqual(inv?.host?.appName, vscode.env.appName);
    assert.strictEqual(inv?.host?.remoteName, vscode.env.remoteName);
  });

  test('a new MCP server needs review, is logged, and is cleared by Review AI Integrations', async () => {
    await vscode.commands.executeCommand('redline.reviewIntegrations');
    const clean = await refresh();
    assert.deepStrictEqual(clean.folders[0]?.needsReview, []);
    write('.vscode/mcp.json', MCP(',\n    "tickets": { "type": "http", "url": "https://mcp.linear.app/sse" }'));
    const s = await inventoryWhere((x) => (x.folders[0]?.needsReview ?? []).some((c) => c.integration === 'mcp:.vscode/mcp.json#tickets'), 'the new server to need review');
    const added = s.folders[0]?.needsReview.find((c) => c.integration === 'mcp:.vscode/mcp.json#tickets');
    assert.strictEqual(added?.kind, 'added');
    assert.strictEqual(added?.message, 'MCP server `tickets` was added (untrusted-input, private-data, acts-outside).');
    await vscode.commands.executeCommand('redline.reviewIntegrations');
    assert.deepStrictEqual((await refresh()).folders[0]?.needsReview, []);
  });
});
