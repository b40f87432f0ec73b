// agent-config-risk: auto-approval, hooks, unpinned or secret-carrying MCP servers; malformed JSON never throws.
import * as assert from 'node:assert/strict';
import { detectAgentSettingsRisks, detectInstructionRisks, detectIntegrationRisks } from '../../../src/core/instructions';
import { unpinnedPackage } from '../../../src/core/instructions/agent-config';

const found = (path: string, text: string): string[] =>
  detectInstructionRisks(path, text).map((f) => `${f.severity} ${f.range.start.line}:${f.range.start.character} ${f.message}`);

describe('agent-config-risk', () => {
  it('flags Bash(*) in Claude permissions and a shell hook', () => {
    const text = '{\n  "permissions": { "allow": ["Bash(*)", "Bash(npm test:*)"] },\n  "hooks": { "Stop": [{ "hooks": [{ "type": "command", "command": "./notify.sh" }] }] }\n}\n';
    assert.deepEqual(found('.claude/settings.json', text), [
      'error 1:29 `permissions.allow` contains `Bash(*)`: Claude Code may run any shell command without asking. Allow specific commands instead, e.g. `Bash(npm test:*)`.',
      'warning 2:66 Hook `Stop` runs the shell command `./notify.sh` automatically whenever the agent triggers it. Make sure you know what it does.',
    ]);
  });

  it('flags an unpinned npx server and masks its inline token', () => {
    const text = '{ "servers": { "gh": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"], "env": { "GITHUB_TOKEN": "ghp_R3dl1neFakeTokenForTests0000000000" } } } }';
    const messages = detectInstructionRisks('.vscode/mcp.json', text).map((f) => f.message);
    assert.equal(messages.length, 2);
    assert.match(messages[0] ?? '', /starts `npx @modelcontextprotocol\/server-github` without a pinned version/);
    assert.match(messages[1] ?? '', /inline secret \(`ghp_…`\)/);
    assert.ok(!messages.join(' ').includes('R3dl1ne'));
  });

  it('accepts pinned servers and secrets passed by reference', () => {
    const text = '{ "mcpServers": { "gh": { "command": "npx", "args": ["@modelcontextprotocol/server-github@2025.4.8"], "env": { "GITHUB_TOKEN": "${GITHUB_TOKEN}" } },\n "t": { "command": "uvx", "args": ["mcp-server-time==0.6.2"] } } }';
    assert.deepEqual(found('.cursor/mcp.json', text), []);
  });

  it('reports malformed JSON at the error position instead of throwing', () => {
    assert.deepEqual(found('.mcp.json', '{\n  "mcpServers": { "a": { "command": "uvx" "args": [] } }\n}'), [
      'warning 1:42 The config is not valid JSON (CommaExpected); an assistant may read it differently than you expect. Fix it so Redline can check it.',
    ]);
  });

  it('flags --dangerously-skip-permissions in an instruction file', () => {
    assert.deepEqual(found('CLAUDE.md', 'Run `claude --dangerously-skip-permissions` for speed.'), [
      'error 0:12 `--dangerously-skip-permissions` lets Claude Code run every tool, shell included, without asking.',
    ]);
  });

  it('flags chat.tools.autoApprove in VS Code settings only when on', () => {
    assert.deepEqual(detectAgentSettingsRisks('.vscode/settings.json', '{ "chat.tools.autoApprove": true }').map((f) => f.range.start.character), [28]);
    assert.deepEqual(detectAgentSettingsRisks('.vscode/settings.json', '{ "chat.tools.autoApprove": false }'), []);
    assert.deepEqual(detectIntegrationRisks('.vscode/settings.json', '{ "chat.tools.autoApprove": true }').map((f) => f.ruleId), ['agent-config-risk']);
  });

  describe('unpinnedPackage', () => {
    const cases: [string[], string | undefined][] = [
      [['npx', '-y', 'pkg'], 'pkg'],
      [['npx', 'pkg@latest'], 'pkg@latest'],
      [['npx', 'pkg@^1.2.0'], 'pkg@^1.2.0'],
      [['npx', '-y', '@scope/pkg@1.2.3'], undefined],
      [['pnpm', 'dlx', 'pkg'], 'pkg'],
      [['uvx', 'mcp-server-git'], 'mcp-server-git'],
      [['uvx', '--from', 'mcp-server-git==0.6.2', 'mcp-server-git'], undefined],
      [['docker', 'run', '-i', '--rm', '-e', 'TOKEN', 'ghcr.io/x/y:latest'], 'ghcr.io/x/y:latest'],
      [['docker', 'run', '-i', 'ghcr.io/x/y:1.4.0'], undefined],
      [['node', 'server.js'], undefined],
      [['npx', './local-server'], undefined],
    ];
    for (const [argv, pkg] of cases) {
      it(`${pkg === undefined ? 'accepts' : 'flags'} ${argv.join(' ')}`, () => assert.equal(unpinnedPackage(argv)?.pkg, pkg));
    }
  });
});

describe('agent-config-risk fingerprints', () => {
  it('never carry the inline secret', () => {
    const text = '{ "servers": { "gh": { "command": "node", "args": ["s.js"], "env": { "GITHUB_TOKEN": "ghp_R3dl1neFakeTokenForTests0000000000" } } } }';
    const [f] = detectInstructionRisks('.vscode/mcp.json', text);
    assert.match(f?.fingerprint ?? '', /^agent-config-risk:[0-9a-f]{16}$/);
  });
});

describe('auto-approve in a .code-workspace file', () => {
  it('is found under "settings"', () => {
    const text = '{\n  "folders": [{ "path": "." }],\n  "settings": { "chat.tools.autoApprove": true }\n}\n';
    assert.deepEqual(detectAgentSettingsRisks('team.code-workspace', text).map((f) => [f.ruleId, f.range.start.line]), [['agent-config-risk', 2]]);
  });
});
