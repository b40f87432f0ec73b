// The one table of assistant instruction files and agent configs Redline watches, and the classifier over it.
import { Minimatch } from 'minimatch';

/** What a file does for its assistant. */
export type InstructionFileCategory = 'instructions' | 'agent-config' | 'mcp-config' | 'hooks';

/** One row of the table: which files, which assistant reads them, and what they are. */
export interface InstructionFileEntry {
  /** minimatch pattern over workspace-relative paths with `/` separators (`dot: true`). */
  readonly pattern: string;
  readonly assistant: string;
  readonly kind: InstructionFileCategory;
}

/** A classified file: its table row plus the syntax its detectors expect. */
export interface InstructionFileKind extends InstructionFileEntry {
  readonly format: 'markdown' | 'json' | 'text';
}

/** Every instruction and agent-config file, most specific pattern first (the first match wins). */
export const instructionFileTable: readonly InstructionFileEntry[] = [
  { pattern: '.github/copilot-instructions.md', assistant: 'GitHub Copilot', kind: 'instructions' },
  { pattern: '.github/instructions/**/*.instructions.md', assistant: 'GitHub Copilot', kind: 'instructions' },
  { pattern: '.github/prompts/*.prompt.md', assistant: 'GitHub Copilot', kind: 'instructions' },
  { pattern: '.github/agents/*.agent.md', assistant: 'GitHub Copilot', kind: 'agent-config' },
  { pattern: '**/AGENTS.md', assistant: 'AGENTS.md agents (Codex, Copilot, Cursor, Jules...)', kind: 'instructions' },
  { pattern: '**/CLAUDE.md', assistant: 'Claude Code', kind: 'instructions' },
  { pattern: '.claude/settings*.json', assistant: 'Claude Code', kind: 'agent-config' },
  { pattern: '.claude/**', assistant: 'Claude Code', kind: 'instructions' },
  { pattern: '**/GEMINI.md', assistant: 'Gemini', kind: 'instructions' },
  { pattern: '.gemini/settings.json', assistant: 'Gemini', kind: 'agent-config' },
  { pattern: '.gemini/**', assistant: 'Gemini', kind: 'instructions' },
  { pattern: '**/.cursor/rules/**/*.mdc', assistant: 'Cursor', kind: 'instructions' },
  { pattern: '.cursorrules', assistant: 'Cursor', kind: 'instructions' },
  { pattern: '.cursor/hooks.json', assistant: 'Cursor', kind: 'hooks' },
  { pattern: '.cursor/mcp.json', assistant: 'Cursor', kind: 'mcp-config' },
  { pattern: '.vscode/mcp.json', assistant: 'VS Code agent mode', kind: 'mcp-config' },
  { pattern: '.mcp.json', assistant: 'Claude Code', kind: 'mcp-config' },
  { pattern: '.windsurf/rules/**', assistant: 'Windsurf', kind: 'instructions' },
  { pattern: '.windsurfrules', assistant: 'Windsurf', kind: 'instructions' },
  { pattern: '.clinerules', assistant: 'Cline', kind: 'instructions' },
  { pattern: '.clinerules/**', assistant: 'Cline', kind: 'instructions' },
  { pattern: '.roo/rules/**', assistant: 'Roo Code', kind: 'instructions' },
  { pattern: '.roo/rules-*/**', assistant: 'Roo Code', kind: 'instructions' },
  { pattern: '.roorules', assistant: 'Roo Code', kind: 'instructions' },
  { pattern: '.continue/rules/**', assistant: 'Continue', kind: 'instructions' },
  { pattern: '.junie/guidelines.md', assistant: 'Junie', kind: 'instructions' },
];

/** One glob over every row (`{a,b,...}`), for `workspace.findFiles` and file watchers; also add `.vscode/settings.json` for auto-approve settings. */
export const instructionFilesGlob = `{${instructionFileTable.map((e) => e.pattern).join(',')}}`;

const MATCHERS = instructionFileTable.map((e) => new Minimatch(e.pattern, { dot: true }));

/** Workspace-relative path with `/` separators and no leading `./` or `/`. */
export function normalizeRelativePath(relativePath: string): string {
  return relativePath.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '').replace(/^\/+/, '');
}

/** The table row for a workspace-relative path, or undefined when no assistant reads it as instructions/config. */
export function classifyInstructionFile(relativePath: string): InstructionFileKind | undefined {
  const path = normalizeRelativePath(relativePath);
  const i = MATCHERS.findIndex((m) => m.match(path));
  const entry = instructionFileTable[i];
  if (!entry) return undefined;
  const format = /\.jsonc?$/i.test(path) ? 'json' : /\.(?:md|mdc|markdown)$/i.test(path) ? 'markdown' : 'text';
  return { ...entry, format };
}

/** True when the path is in the instruction-file table. */
export function isInstructionFile(relativePath: string): boolean {
  return classifyInstructionFile(relativePath) !== undefined;
}
