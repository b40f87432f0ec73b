// Inventory reports (JSON, text, Markdown) and change detection between inventories.
import * as assert from 'node:assert/strict';
import { buildInventory, compareInventories, inventoryToJson, inventoryToMarkdown, inventoryToText, snapshotOf } from '../../../src/core/inventory';

const files = (mcp: string, claude = '{}'): Map<string, string> => new Map([['.vscode/mcp.json', mcp], ['.claude/settings.json', claude]]);
const base = '{ "servers": { "files": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.8.21", "."] } } }';
const withSlack = '{ "servers": { "files": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.8.21", "."] }, "chat": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-slack"], "env": { "SLACK_BOT_TOKEN": "xoxb-r3p0rt-t3st-0nly-v4lue" } } } }';

describe('inventory reports', () => {
  const inv = buildInventory({ files: files(withSlack), allPaths: ['.vscode/mcp.json', '.claude/settings.json'], host: { appName: 'Cursor', remoteName: 'ssh-remote' } });

  it('JSON lists integrations with kind, name, source and capabilities, and findings with rule, severity, file, line and message', () => {
    const json = inventoryToJson(inv);
    const slack = json.integrations.find((i) => i.name === 'chat');
    assert.deepEqual({ kind: slack?.kind, source: slack?.source, line: slack?.line, capabilities: slack?.capabilities },
      { kind: 'mcp-server', source: '.vscode/mcp.json', line: 1, capabilities: ['untrusted-input', 'private-data', 'acts-outside'] });
    assert.deepEqual(json.findings.map((f) => [f.ruleId, f.severity, f.file, f.line]), [
      ['integration-lethal-trifecta', 'error', '.vscode/mcp.json', 1],
      ['mcp-inline-secret', 'error', '.vscode/mcp.json', 1],
      ['mcp-server-unpinned', 'warning', '.vscode/mcp.json', 1],
    ]);
    assert.deepEqual(json.host, { appName: 'Cursor', remoteName: 'ssh-remote' });
  });

  it('masks the token in every format', () => {
    for (const out of [JSON.stringify(inventoryToJson(inv)), inventoryToText(inv, '.'), inventoryToMarkdown(inv, '.')]) {
      assert.ok(!out.includes('r3p0rt'), out.slice(0, 200));
      assert.ok(out.includes('xoxb…'));
    }
  });

  it('Markdown has a table per kind and a findings table fit for a pull request', () => {
    const md = inventoryToMarkdown(inv, 'app');
    assert.match(md, /^## AI integrations: app\n/);
    assert.match(md, /\n### MCP servers\n\n\| Name \| Can \| Declared in \| Details \|\n/);
    assert.match(md, /\n\| chat \| reads untrusted input, reads private data, acts outside \| `\.vscode\/mcp\.json:1` \|/);
    assert.match(md, /\n\| error \| `integration-lethal-trifecta` \| `\.vscode\/mcp\.json:1` \|/);
    assert.match(md, /Editor: Cursor \(remote ssh-remote\)/);
  });
});

describe('compareInventories', () => {
  const snap = (mcp: string, claude?: string) => snapshotOf(buildInventory({ files: files(mcp, claude), allPaths: [] }));

  it('reports a new MCP server and the assistant it widened', () => {
    const changes = compareInventories(snap(base), snap(withSlack));
    assert.deepEqual(changes.map((c) => `${c.kind} ${c.integration}`), ['widened assistant:github-copilot', 'added mcp:.vscode/mcp.json#chat']);
    assert.equal(changes[1]?.message, 'MCP server `chat` was added (untrusted-input, private-data, acts-outside).');
  });

  it('reports a widened permission and a changed server definition, and nothing when equal', () => {
    const p = compareInventories(snap(base, '{ "permissions": { "allow": ["Read(./src/**)"] } }'), snap(base, '{ "permissions": { "allow": ["Read(./src/**)", "Bash(*)"] } }'));
    assert.deepEqual(p.map((c) => c.kind), ['widened']);
    assert.match(p[0]?.message ?? '', /new permission permissions\.allow: Bash\(\*\)/);
    const changed = compareInventories(snap(base), snap(base.replace('2025.8.21', '2025.9.1')));
    assert.deepEqual(changed.map((c) => `${c.kind} ${c.name}`), ['changed files']);
    assert.deepEqual(compareInventories(snap(base), snap(base)), []);
  });

  it('reports a removed server', () => {
    assert.deepEqual(compareInventories(snap(withSlack), snap(base)).filter((c) => c.kind === 'removed').map((c) => c.name), ['chat']);
  });
});
