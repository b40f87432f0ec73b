// Reading MCP servers from every config format, and analysing launchers, secrets and roots.
import * as assert from 'node:assert/strict';
import { analyzeServer, isBroadRoot, isInlineSecret, launchOf, readMcpConfig } from '../../../src/core/inventory';

describe('readMcpConfig', () => {
  it('reads servers from workspace settings, .code-workspace files and Continue JSON configs', () => {
    const settings = readMcpConfig('.vscode/settings.json', '{ "mcp": { "servers": { "git": { "command": "uvx", "args": ["mcp-server-git==0.6.2"] } } } }');
    assert.deepEqual(settings.servers.map((s) => [s.name, s.command?.value]), [['git', 'uvx']]);
    const ws = readMcpConfig('app.code-workspace', '{ "folders": [], "settings": { "mcp": { "servers": { "docs": { "type": "http", "url": "https://docs.example/mcp" } } } } }');
    assert.deepEqual(ws.servers.map((s) => [s.name, s.url?.value]), [['docs', 'https://docs.example/mcp']]);
    const cont = readMcpConfig('.continue/config.json', '{ "experimental": { "modelContextProtocolServers": [ { "transport": { "type": "stdio", "command": "npx", "args": ["-y", "mcp-sqlite"] } } ] } }');
    assert.deepEqual(cont.servers.map((s) => [s.name, s.args.map((a) => a.value).join(' ')]), [['mcp-sqlite', '-y mcp-sqlite']]);
  });

  it('reads Gemini servers with httpUrl and trust, and Roo servers with alwaysAllow and disabled', () => {
    const gemini = readMcpConfig('.gemini/settings.json', '{ "mcpServers": { "docs": { "httpUrl": "https://docs.example/mcp", "trust": true } } }');
    assert.equal(gemini.servers[0]?.type, 'http');
    assert.equal(gemini.servers[0]?.autoApprove, true);
    const roo = readMcpConfig('.roo/mcp.json', '{ "mcpServers": { "sh": { "command": "npx", "args": [], "alwaysAllow": ["run"], "disabled": true } } }');
    assert.deepEqual(roo.servers[0]?.autoApprove, ['run']);
    assert.equal(roo.servers[0]?.disabled, true);
  });

  it('reads Continue YAML blocks with block and flow lists, env maps and zero-based lines', () => {
    const yaml = [
      'name: tools', 'mcpServers:', '  - name: search', '    command: npx', '    args:', '      - "-y"', '      - "@modelcontextprotocol/server-brave-search@0.6.2"',
      '    env:', '      BRAVE_API_KEY: ${{ secrets.BRAVE }}', '  - name: db', '    command: uvx', '    args: [mcp-server-sqlite==0.6.2, --db-path, ./app.db]', 'models: []',
    ].join('\n');
    const { servers } = readMcpConfig('.continue/mcpServers/tools.yaml', yaml);
    assert.deepEqual(servers.map((s) => ({ name: s.name, line: s.line, args: s.args.map((a) => a.value), env: s.env.map((e) => `${e.key}@${e.line}`) })), [
      { name: 'search', line: 2, args: ['-y', '@modelcontextprotocol/server-brave-search@0.6.2'], env: ['BRAVE_API_KEY@8'] },
      { name: 'db', line: 9, args: ['mcp-server-sqlite==0.6.2', '--db-path', './app.db'], env: [] },
    ]);
  });

  it('returns a problem with its position for malformed JSON and keeps what it could read', () => {
    const result = readMcpConfig('.mcp.json', '{ "mcpServers": { "a": { "command": "npx", } ,, } }');
    assert.equal(result.problems.length, 1);
    assert.equal(result.problems[0]?.line, 0);
    assert.deepEqual(result.servers.map((s) => s.name), ['a']);
  });

  it('ignores files that declare no servers', () => {
    assert.deepEqual(readMcpConfig('package.json', '{ "mcpServers": {} }'), { servers: [], problems: [] });
  });
});

describe('launchOf', () => {
  it('tells pinned from unpinned npx, uvx, pipx and docker launches', () => {
    const pin = (argv: string[]): string => `${launchOf(argv)?.launcher} ${launchOf(argv)?.packageName} ${launchOf(argv)?.pin}`;
    assert.equal(pin(['npx', '-y', '@scope/server@1.2.3']), 'npx @scope/server exact');
    assert.equal(pin(['npx', '-y', '@scope/server@latest']), 'npx @scope/server none');
    assert.equal(pin(['npx', '-y', '@scope/server@^1.2.0']), 'npx @scope/server none');
    assert.equal(pin(['uvx', 'mcp-server-fetch']), 'uvx mcp-server-fetch none');
    assert.equal(pin(['uvx', '--from', 'mcp-server-git==0.6.2', 'mcp-server-git']), 'uvx mcp-server-git exact');
    assert.equal(pin(['pipx', 'run', 'mcp-tool']), 'pipx run mcp-tool none');
    assert.equal(pin(['docker', 'run', '-i', '--rm', '-e', 'TOKEN', 'ghcr.io/x/y:1.0']), 'docker run ghcr.io/x/y tag');
    assert.equal(pin(['docker', 'run', 'ghcr.io/x/y:latest']), 'docker run ghcr.io/x/y none');
    assert.equal(pin(['node', './server.js']), 'node ./server.js local');
  });
});

describe('secrets and roots', () => {
  it('treats references and placeholders as no secret, provider tokens and named secrets as secrets', () => {
    assert.equal(isInlineSecret('GITHUB_TOKEN', '${env:GITHUB_TOKEN}'), false);
    assert.equal(isInlineSecret('GITHUB_TOKEN', '${input:gh}'), false);
    assert.equal(isInlineSecret('API_KEY', 'your-api-key-here'), false);
    assert.equal(isInlineSecret('LOG_LEVEL', 'debugging'), false);
    assert.equal(isInlineSecret('Authorization', 'Bearer q8Zr2mK9vX4nT8wL3pY6'), true);
    assert.equal(isInlineSecret('SOMETHING', 'ghp_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'), true);
  });

  it('masks secrets passed on the command line and in URLs', () => {
    const info = analyzeServer({ name: 'x', file: '.mcp.json', line: 0, command: { value: 'npx', line: 1 }, args: [{ value: '--api-key=q8Zr2mK9vX4nT8wL3pY6', line: 2 }], env: [], headers: [], url: undefined as never });
    assert.deepEqual(info.displayArgs, ['--api-key=q8Zr…']);
    assert.deepEqual(info.secrets.map((s) => `${s.where}:${s.key}:${s.masked}:${s.line}`), ['args:api-key:q8Zr…:2']);
    const remote = analyzeServer({ name: 'r', file: '.mcp.json', line: 0, args: [], env: [], headers: [], url: { value: 'https://api.example/mcp?apiKey=q8Zr2mK9vX4nT8wL3pY6', line: 3 } });
    assert.equal(remote.url, 'https://api.example/mcp?apiKey=q8Zr…');
    assert.equal(remote.transport, 'http');
  });

  it('calls /, drives and home folders broad, project folders not', () => {
    for (const p of ['/', '~', '~/', '$HOME', '${userHome}', 'C:\\', '/Users/sam', '/home/sam/']) assert.equal(isBroadRoot(p), true, p);
    for (const p of ['${workspaceFolder}', '/home/sam/projects/app', '~/notes', './docs']) assert.equal(isBroadRoot(p), false, p);
  });
});

describe('readMcpConfig on Codex config.toml', () => {
  it('reads [mcp_servers.<name>] tables with args, inline env and env sub-tables', () => {
    const toml = [
      'model = "gpt-5-codex"', '', '[mcp_servers.docs]', 'command = "npx"', 'args = ["-y", "docs-mcp@2.1.0"]', 'env = { "DOCS_TOKEN" = "x", LEVEL = "info" }', '',
      '[mcp_servers.search]', 'command = "uvx"', 'args = ["search-mcp"]', '[mcp_servers.search.env]', 'SEARCH_KEY = "abc"', '', '[profiles.ci]', 'approval_policy = "never"',
    ].join('\n');
    const { servers } = readMcpConfig('.codex/config.toml', toml);
    assert.deepEqual(servers.map((s) => ({ name: s.name, line: s.line, command: s.command?.value, args: s.args.map((a) => a.value), env: s.env.map((e) => `${e.key}@${e.line}`) })), [
      { name: 'docs', line: 2, command: 'npx', args: ['-y', 'docs-mcp@2.1.0'], env: ['DOCS_TOKEN@5', 'LEVEL@5'] },
      { name: 'search', line: 7, command: 'uvx', args: ['search-mcp'], env: ['SEARCH_KEY@11'] },
    ]);
  });
});
