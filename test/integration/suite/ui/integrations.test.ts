// The AI Integrations view as the user sees it: the host editor on top, the demo's assistants, MCP
// servers and model load with capability badges, and the findings under them (trifecta, unpinned
// server, masked token, Bash(*), remote code). Files are written for the test and removed after it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateRedline, ui, waitFor, workspaceFolder } from '../helpers';
import type { IntegrationsSnapshot } from '../../../../src/extension/integrations';

const TOKEN = [['xo', 'xb'].join(''), 'r3dl1ne', 'ui', 't3st', 'v4lue'].join('-');
const FILES: Record<string, string> = {
  '.vscode/mcp.json': `{
  "servers": {
    "filesystem": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.8.21", "\${workspaceFolder}"] },
    "slack": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-slack"], "env": { "SLACK_BOT_TOKEN": "${TOKEN}" } },
    "fetch": { "command": "uvx", "args": ["mcp-server-fetch==2025.4.7"] }
  }
}
`,
  '.claude/settings.json': '{ "permissions": { "allow": ["Bash(*)"] } }\n',
  'ml/summarize.py': 'from transformers import AutoModelForCausalLM\n\nmodel = AutoModelForCausalLM.from_pretrained("acme-labs/notes-7b", trust_remote_code=True)\n',
};

const PANE = '.pane:has(.pane-header:has-text("AI Integrations"))';

suite('UI: the AI Integrations view', () => {
  suiteSetup(async () => {
    await activateRedline();
    const root = workspaceFolder().uri.fsPath;
    for (const [rel, text] of Object.entries(FILES)) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    }
  });

  suiteTeardown(async () => {
    const root = workspaceFolder().uri.fsPath;
    fs.rmSync(path.join(root, '.vscode', 'mcp.json'), { force: true });
    for (const dir of ['.claude', 'ml']) fs.rmSync(path.join(root, dir), { recursive: true, force: true });
    await waitFor(async () => {
      const s = await vscode.commands.executeCommand<IntegrationsSnapshot>('redline.refreshIntegrations');
      return (s.folders[0]?.inventory.integrations ?? []).some((i) => i.kind === 'mcp-server') ? undefined : true;
    }, 'the inventory without the test files', 20000);
    await vscode.commands.executeCommand('redline.reviewIntegrations');
  });

  test('shows the host, the trifecta, the unpinned server, the masked token, the shell permission and the model load', async () => {
    await waitFor(async () => {
      const s = await vscode.commands.executeCommand<IntegrationsSnapshot>('redline.refreshIntegrations');
      return (s.folders[0]?.inventory.findings ?? []).some((f) => f.ruleId === 'model-remote-code') ? true : undefined;
    }, 'the inventory of the test files', 20000);
    await vscode.commands.executeCommand('redline.integrations.focus');
    const rows = `${PANE} .monaco-list-row`;
    const top = await ui('integrations-view', [
      { action: 'waitFor', selector: `${rows}:has-text("MCP servers")` },
      { action: 'waitFor', selector: `${rows}:has-text("Assistant joins untrusted input, private data and a way out")` },
      { action: 'text', selector: rows },
      { action: 'screenshot', name: 'integrations-view' },
    ]);
    assert.ok(top.ok, top.error);
    const shown = (top.results[2]?.texts ?? []).join('\n');
    assert.match(shown, new RegExp(vscode.env.appName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'the host editor is on top');
    assert.match(shown, /GitHub Copilot/);
    assert.match(shown, /untrusted input · private data · acts outside/, 'capability badges');
    assert.match(shown, /can read untrusted input \(`slack`, `fetch`\)/, 'the trifecta names the servers');
    assert.match(shown, /Agent may run shell commands without approval/);
    assert.match(shown, /Bash\(\*\)/);
    assert.ok(!shown.includes(TOKEN), 'the token never reaches the view');

    // Collapse the assistants so the servers and the model load come into view.
    // The list is virtualised: collapse the assistants, read the servers, then collapse the servers.
    const bottom = await ui('integrations-view-models', [
      { action: 'click', selector: `${rows}:has-text("Assistants")` },
      { action: 'waitFor', selector: `${rows}:has-text("MCP server not pinned to a version")` },
      { action: 'text', selector: rows },
      { action: 'click', selector: `${rows}:has-text("MCP servers")` },
      { action: 'waitFor', selector: `${rows}:has-text("Model loaded with trust_remote_code")` },
      { action: 'text', selector: rows },
      { action: 'screenshot', name: 'integrations-view-models' },
    ]);
    assert.ok(bottom.ok, bottom.error);
    const lower = [...(bottom.results[2]?.texts ?? []), ...(bottom.results[5]?.texts ?? [])].join('\n');
    assert.match(lower, /Secret written into an MCP config/);
    assert.match(lower, /xoxb…/, 'the masked token is shown');
    assert.match(lower, /acme-labs\/notes-7b/);
    assert.ok(!lower.includes(TOKEN));
  });
});
