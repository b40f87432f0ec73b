// The instruction-file table: which paths are instruction files, for which assistant, of which kind.
import * as assert from 'node:assert/strict';
import { minimatch } from 'minimatch';
import { classifyInstructionFile, instructionFilesGlob, isInstructionFile } from '../../../src/core/instructions';

describe('classifyInstructionFile', () => {
  const rows: [string, string, string, string][] = [
    ['.github/copilot-instructions.md', 'GitHub Copilot', 'instructions', 'markdown'],
    ['.github/instructions/api/ts.instructions.md', 'GitHub Copilot', 'instructions', 'markdown'],
    ['.github/prompts/release.prompt.md', 'GitHub Copilot', 'instructions', 'markdown'],
    ['.github/agents/deploy.agent.md', 'GitHub Copilot', 'agent-config', 'markdown'],
    ['AGENTS.md', 'AGENTS.md agents (Codex, Copilot, Cursor, Jules...)', 'instructions', 'markdown'],
    ['packages/api/AGENTS.md', 'AGENTS.md agents (Codex, Copilot, Cursor, Jules...)', 'instructions', 'markdown'],
    ['CLAUDE.md', 'Claude Code', 'instructions', 'markdown'],
    ['.claude/settings.json', 'Claude Code', 'agent-config', 'json'],
    ['.claude/settings.local.json', 'Claude Code', 'agent-config', 'json'],
    ['.claude/commands/deploy.md', 'Claude Code', 'instructions', 'markdown'],
    ['GEMINI.md', 'Gemini', 'instructions', 'markdown'],
    ['.gemini/settings.json', 'Gemini', 'agent-config', 'json'],
    ['.gemini/styleguide.md', 'Gemini', 'instructions', 'markdown'],
    ['.cursor/rules/style.mdc', 'Cursor', 'instructions', 'markdown'],
    ['.cursor/rules/backend/db.mdc', 'Cursor', 'instructions', 'markdown'],
    ['.cursorrules', 'Cursor', 'instructions', 'text'],
    ['.cursor/hooks.json', 'Cursor', 'hooks', 'json'],
    ['.cursor/mcp.json', 'Cursor', 'mcp-config', 'json'],
    ['.vscode/mcp.json', 'VS Code agent mode', 'mcp-config', 'json'],
    ['.mcp.json', 'Claude Code', 'mcp-config', 'json'],
    ['.windsurf/rules/style.md', 'Windsurf', 'instructions', 'markdown'],
    ['.windsurfrules', 'Windsurf', 'instructions', 'text'],
    ['.clinerules', 'Cline', 'instructions', 'text'],
    ['.clinerules/01-style.md', 'Cline', 'instructions', 'markdown'],
    ['.roo/rules/01.md', 'Roo Code', 'instructions', 'markdown'],
    ['.roorules', 'Roo Code', 'instructions', 'text'],
    ['.continue/rules/review.md', 'Continue', 'instructions', 'markdown'],
    ['.junie/guidelines.md', 'Junie', 'instructions', 'markdown'],
  ];
  for (const [path, assistant, kind, format] of rows) {
    it(`classifies ${path} as ${kind} for ${assistant}`, () => {
      const c = classifyInstructionFile(path);
      assert.deepEqual(c && { assistant: c.assistant, kind: c.kind, format: c.format }, { assistant, kind, format });
    });
  }

  it('accepts Windows separators and a leading ./', () => {
    assert.equal(classifyInstructionFile('.\\.cursor\\rules\\style.mdc')?.assistant, 'Cursor');
    assert.equal(classifyInstructionFile('./AGENTS.md')?.kind, 'instructions');
  });

  it('ignores ordinary files', () => {
    for (const path of ['README.md', 'src/index.ts', '.vscode/settings.json', '.github/workflows/ci.yml', '.cursor/rules/notes.md', 'docs/AGENTS.md.bak']) {
      assert.equal(isInstructionFile(path), false, path);
    }
  });

  it('offers one glob that matches exactly the table', () => {
    for (const path of ['AGENTS.md', 'a/b/AGENTS.md', '.cursor/rules/x.mdc', '.vscode/mcp.json', '.claude/settings.local.json']) {
      assert.ok(minimatch(path, instructionFilesGlob, { dot: true }), path);
    }
    assert.ok(!minimatch('README.md', instructionFilesGlob, { dot: true }));
  });
});
