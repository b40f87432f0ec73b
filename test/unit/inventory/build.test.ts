// buildInventory: assistants, MCP servers and model loads of a workspace, with exact findings.
import * as assert from 'node:assert/strict';
import { buildInventory, type Inventory, type InventoryInput } from '../../../src/core/inventory';

function inventory(files: Record<string, string>, extra: Partial<InventoryInput> = {}): Inventory {
  return buildInventory({ files: new Map(Object.entries(files)), allPaths: Object.keys(files), ...extra });
}

function found(inv: Inventory): string[] {
  return inv.findings.map((f) => `${f.finding.ruleId} ${f.file}:${f.finding.range.start.line + 1}`);
}

const demoMcp = `{
  "servers": {
    "filesystem": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.8.21", "\${workspaceFolder}"] },
    "slack": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-slack"],
      "env": { "SLACK_BOT_TOKEN": "xoxb-un1t-t3st-t0k3n-0nly" }
    },
    "fetch": { "command": "uvx", "args": ["mcp-server-fetch==2025.4.7"] }
  }
}`;

describe('buildInventory', () => {
  it('lists the demo servers with capabilities and flags the trifecta, the unpinned server and the inline token', () => {
    const inv = inventory({ '.vscode/mcp.json': demoMcp, '.env': 'X=1\n' });
    assert.deepEqual(found(inv), [
      'integration-lethal-trifecta .vscode/mcp.json:4',
      'mcp-server-unpinned .vscode/mcp.json:5',
      'mcp-inline-secret .vscode/mcp.json:7',
    ]);
    const servers = inv.integrations.filter((i) => i.kind === 'mcp-server').map((i) => [i.name, i.capabilities.join(',')]);
    assert.deepEqual(servers, [
      ['filesystem', 'private-data'],
      ['slack', 'untrusted-input,private-data,acts-outside'],
      ['fetch', 'untrusted-input,acts-outside'],
    ]);
    const trifecta = inv.findings[0]?.finding.message ?? '';
    assert.match(trifecta, /^GitHub Copilot can read untrusted input \(`slack`, `fetch`\), read private data \(`filesystem`, `slack`\) and send data out \(`slack`, `fetch`\)/);
    assert.deepEqual(inv.findings[0]?.integrations, ['assistant:github-copilot', 'mcp:.vscode/mcp.json#filesystem', 'mcp:.vscode/mcp.json#slack', 'mcp:.vscode/mcp.json#fetch']);
  });

  it('masks the inline token in the finding and in the server details', () => {
    const inv = inventory({ '.vscode/mcp.json': demoMcp });
    const text = JSON.stringify(inv);
    assert.ok(!text.includes('un1t-t3st'), 'the token never appears');
    const slack = inv.integrations.find((i) => i.name === 'slack');
    assert.deepEqual(slack?.details['inline secrets'], ['SLACK_BOT_TOKEN = xoxb…']);
    assert.match(inv.findings.find((f) => f.finding.ruleId === 'mcp-inline-secret')?.finding.message ?? '', /`SLACK_BOT_TOKEN` written inline in its env \(`xoxb…`\)/);
  });

  it('reports Claude Code Bash(*) as shell without approval, fed by the built-in WebFetch', () => {
    const inv = inventory({ '.claude/settings.json': '{ "permissions": { "allow": ["Bash(*)", "Read(./src/**)"] } }' });
    assert.deepEqual(found(inv), ['agent-shell-unapproved .claude/settings.json:1']);
    assert.match(inv.findings[0]?.finding.message ?? '', /^`permissions\.allow: Bash\(\*\)` lets Claude Code run any shell command without asking, while the built-in WebFetch tool can feed it/);
    const claude = inv.integrations.find((i) => i.id === 'assistant:claude-code');
    assert.deepEqual(claude?.capabilities, ['private-data', 'acts-outside']);
  });

  it('does not flag narrow Bash rules or terminal auto-approval of one command', () => {
    const inv = inventory({
      '.claude/settings.json': '{ "permissions": { "allow": ["Bash(npm test:*)"] } }',
      '.vscode/settings.json': '{ "chat.tools.terminal.autoApprove": { "npm test": true } }',
    });
    assert.deepEqual(found(inv), []);
  });

  it('flags a filesystem server rooted at the home folder, and http but not localhost', () => {
    const inv = inventory({ '.cursor/mcp.json': `{
  "mcpServers": {
    "home": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.8.21", "~"] },
    "lan": { "url": "http://10.0.0.5:8080/mcp" },
    "dev": { "url": "http://localhost:3000/mcp" }
  }
}` });
    assert.deepEqual(found(inv), ['mcp-filesystem-root .cursor/mcp.json:3', 'mcp-remote-insecure .cursor/mcp.json:4']);
  });

  it('tells docker tags from digests and unpinned images', () => {
    const inv = inventory({ '.mcp.json': `{
  "mcpServers": {
    "a": { "command": "docker", "args": ["run", "-i", "--rm", "mcp/a:1.2"] },
    "b": { "command": "docker", "args": ["run", "-i", "--rm", "mcp/b@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"] },
    "c": { "command": "docker", "args": ["run", "-i", "--rm", "-e", "TOKEN", "mcp/c"] }
  }
}` });
    const pinned = inv.integrations.filter((i) => i.kind === 'mcp-server').map((i) => `${i.name}:${String(i.details.pinned)}`);
    assert.deepEqual(pinned, ['a:by tag (mutable)', 'b:yes (image digest)', 'c:no']);
    assert.deepEqual(found(inv), ['mcp-server-unpinned .mcp.json:5']);
  });

  it('turns a malformed config into a positioned finding instead of throwing', () => {
    const inv = inventory({ '.mcp.json': '{\n  "mcpServers": {\n    "x": { "command": "npx" "args": [] }\n' });
    const invalid = inv.findings.find((f) => f.finding.ruleId === 'mcp-config-invalid');
    assert.equal(invalid?.finding.range.start.line, 2);
    assert.match(invalid?.finding.message ?? '', /^`\.mcp\.json` is not valid JSON \(CommaExpected at line 3\)/);
  });

  it('finds assistants from installed extensions, the host editor and marker files', () => {
    const inv = inventory({ 'CLAUDE.md': '# notes\n', '.windsurfrules': 'be brief\n' }, {
      installedExtensionIds: ['Continue.continue'], host: { appName: 'Cursor', uriScheme: 'cursor', appHost: 'desktop' },
    });
    const assistants = inv.integrations.filter((i) => i.kind === 'assistant').map((i) => `${i.name} <${i.source.file}>`);
    assert.deepEqual(assistants, [
      'Cursor (Agent, Composer, Tab) <host:Cursor>',
      'Windsurf / Codeium (Cascade) <.windsurfrules>',
      'Continue <extension:continue.continue>',
      'Claude Code <CLAUDE.md>',
    ]);
    assert.deepEqual(inv.host, { appName: 'Cursor', uriScheme: 'cursor', appHost: 'desktop' });
  });

  it('counts the sensitive files each assistant can still see, honouring its ignore file', () => {
    const inv = inventory({ '.cursorignore': '.env\n', '.env': 'A=1\n', 'keys/deploy.pem': 'x\n', 'src/a.ts': '' }, { host: { appName: 'Cursor' } });
    const cursor = inv.integrations.find((i) => i.id === 'assistant:cursor');
    assert.equal(cursor?.details['sensitive files visible'], 1);
    assert.deepEqual(cursor?.details['visible sensitive files'], ['keys/deploy.pem']);
    assert.deepEqual(cursor?.details['ignore files'], ['.cursorignore (present)', '.cursorindexingignore (missing, indexing only)']);
  });

  it('flags servers and assistants missing from the policy allow-list, matching packages and URL prefixes', () => {
    const inv = inventory({ '.vscode/mcp.json': `{
  "servers": {
    "files": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.8.21", "\${workspaceFolder}"] },
    "company": { "type": "http", "url": "https://mcp.example.com/v1" },
    "weather": { "command": "npx", "args": ["-y", "weather-mcp@1.0.3"] }
  }
}` }, { installedExtensionIds: ['saoudrizwan.claude-dev'], policy: { allowed: ['github.copilot', '@modelcontextprotocol/server-filesystem', 'https://mcp.example.com'], severity: 'error' } });
    assert.deepEqual(found(inv), ['integration-not-allowed .vscode/mcp.json:5', 'integration-not-allowed extension:saoudrizwan.claude-dev:1']);
    assert.equal(inv.findings[0]?.finding.severity, 'error');
    assert.match(inv.findings[1]?.finding.message ?? '', /^Assistant `Cline` is not in the workspace policy's `integrations\.allowed` list/);
  });

  it('reads workspace settings given as an object (mcp servers and auto-approve)', () => {
    const inv = inventory({}, { workspaceSettings: { 'chat.tools.autoApprove': true, mcp: { servers: { shell: { command: 'npx', args: ['-y', 'mcp-shell'] } } } } });
    assert.deepEqual(found(inv), ['agent-shell-unapproved .vscode/settings.json:1', 'mcp-server-unpinned .vscode/settings.json:1']);
  });

  it('lists model loads with their findings, and pinned loads without', () => {
    const inv = inventory({
      'ml/app.py': 'from transformers import AutoModel\nMODEL = "org/model"\nm = AutoModel.from_pretrained(MODEL, revision="0123456789abcdef0123456789abcdef01234567")\nn = AutoModel.from_pretrained("org/other", trust_remote_code=True)\n',
    });
    assert.deepEqual(inv.integrations.filter((i) => i.kind === 'model').map((i) => `${i.name}:${i.source.line}:${String(i.details.pinned)}`), ['org/model:3:yes (revision)', 'org/other:4:no']);
    assert.deepEqual(found(inv), ['model-load-unpinned ml/app.py:4', 'model-remote-code ml/app.py:4']);
  });
});
