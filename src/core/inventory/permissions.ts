// What assistants may do without asking, from their settings files: Claude Code `permissions`,
// VS Code `chat.tools.*autoApprove`, Gemini CLI `tools.allowed`, Cursor CLI `permissions`, Codex approvals.
import { findNodeAtLocation, getNodeValue, type Node } from 'jsonc-parser';
import { parseJsonConfig, type ConfigProblem } from './mcp-config';

/** One permission setting of an assistant. */
export interface Permission {
  readonly assistantId: string;
  readonly file: string;
  /** Zero-based line. */
  readonly line: number;
  /** The setting as written, e.g. `permissions.allow: Bash(*)`. */
  readonly setting: string;
  /** The assistant may run any shell command without asking. */
  readonly shell: boolean;
  /** The assistant may use every tool without asking. */
  readonly all: boolean;
}

/** The assistant whose settings a file holds, or undefined. */
export function settingsOwner(path: string): string | undefined {
  if (/^\.claude\/settings(?:\.local)?\.json$/.test(path)) return 'claude-code';
  if (path === '.vscode/settings.json' || /(?:^|\/)[^/]+\.code-workspace$/.test(path)) return 'github-copilot';
  if (path === '.gemini/settings.json') return 'gemini';
  if (path === '.cursor/cli.json') return 'cursor';
  if (path === '.codex/config.toml') return 'openai-codex';
  return undefined;
}

const CLAUDE_SHELL = /^Bash(?:\(\s*(?:\*|\*\*|\*:\*|:\*)?\s*\))?$/;
const CURSOR_SHELL = /^Shell(?:\(\s*(?:\*|\*\*|\*:\*)?\s*\))?$/;

/** Permissions in one settings file (JSON(C) or Codex TOML), with the file's parse problem if any. */
export function readPermissions(path: string, text: string): { permissions: Permission[]; problems: ConfigProblem[] } {
  const owner = settingsOwner(path);
  if (!owner) return { permissions: [], problems: [] };
  if (owner === 'openai-codex') return { permissions: codexPermissions(path, text), problems: [] };
  const { root, index, problems } = parseJsonConfig(path, text);
  if (!root || root.type !== 'object') return { permissions: [], problems };
  const p = (node: Node, setting: string, shell: boolean, all = false): Permission => ({ assistantId: owner, file: path, line: index.positionAt(node.offset).line, setting, shell, all });
  const out: Permission[] = [];
  if (owner === 'claude-code') out.push(...claude(root, p));
  if (owner === 'github-copilot') {
    const settings = /\.code-workspace$/.test(path) ? findNodeAtLocation(root, ['settings']) : root;
    if (settings) out.push(...vscodeSettings(settings, p));
  }
  if (owner === 'gemini') out.push(...gemini(root, p));
  if (owner === 'cursor') {
    for (const item of findNodeAtLocation(root, ['permissions', 'allow'])?.children ?? []) {
      const v = String(getNodeValue(item));
      out.push(p(item, `permissions.allow: ${v}`, CURSOR_SHELL.test(v.trim())));
    }
  }
  return { permissions: out, problems };
}

type Make = (node: Node, setting: string, shell: boolean, all?: boolean) => Permission;

function claude(root: Node, p: Make): Permission[] {
  const out: Permission[] = [];
  for (const item of findNodeAtLocation(root, ['permissions', 'allow'])?.children ?? []) {
    const v = getNodeValue(item) as unknown;
    if (typeof v === 'string') out.push(p(item, `permissions.allow: ${v}`, CLAUDE_SHELL.test(v.trim())));
  }
  const mode = findNodeAtLocation(root, ['permissions', 'defaultMode']);
  if (mode && getNodeValue(mode) === 'bypassPermissions') out.push(p(mode, 'permissions.defaultMode: bypassPermissions', true, true));
  else if (mode && getNodeValue(mode) === 'acceptEdits') out.push(p(mode, 'permissions.defaultMode: acceptEdits', false));
  const all = findNodeAtLocation(root, ['enableAllProjectMcpServers']);
  if (all && getNodeValue(all) === true) out.push(p(all, 'enableAllProjectMcpServers: true', false));
  return out;
}

/** VS Code chat auto-approval in a settings object (a workspace settings file or `settings` of a .code-workspace). */
export function vscodeSettings(settings: Node, p: Make): Permission[] {
  const out: Permission[] = [];
  for (const key of ['chat.tools.autoApprove', 'chat.tools.global.autoApprove']) {
    const node = findNodeAtLocation(settings, [key]);
    if (node && getNodeValue(node) === true) out.push(p(node, `${key}: true`, true, true));
  }
  const terminal = findNodeAtLocation(settings, ['chat.tools.terminal.autoApprove']);
  for (const prop of terminal?.type === 'object' ? terminal.children ?? [] : []) {
    const [k, v] = prop.children ?? [];
    if (!k || !v || v.value !== true) continue;
    const pattern = String(k.value);
    out.push(p(v, `chat.tools.terminal.autoApprove: ${pattern}`, /^\/\.\*\/|^\*$|^\/\^?\.[+*]\$?\/[a-z]*$/.test(pattern)));
  }
  return out;
}

/** The same for settings given as a plain object (no positions: line 0 of `.vscode/settings.json`). */
export function vscodeSettingsObject(settings: Readonly<Record<string, unknown>>, file: string): Permission[] {
  const out: Permission[] = [];
  const make = (setting: string, shell: boolean, all = false): Permission => ({ assistantId: 'github-copilot', file, line: 0, setting, shell, all });
  for (const key of ['chat.tools.autoApprove', 'chat.tools.global.autoApprove']) if (settings[key] === true) out.push(make(`${key}: true`, true, true));
  const terminal = settings['chat.tools.terminal.autoApprove'];
  if (terminal && typeof terminal === 'object') {
    for (const [pattern, v] of Object.entries(terminal as Record<string, unknown>)) {
      if (v === true) out.push(make(`chat.tools.terminal.autoApprove: ${pattern}`, /^\/\.\*\/|^\*$|^\/\^?\.[+*]\$?\/[a-z]*$/.test(pattern)));
    }
  }
  return out;
}

function gemini(root: Node, p: Make): Permission[] {
  const out: Permission[] = [];
  const auto = findNodeAtLocation(root, ['autoAccept']);
  if (auto && getNodeValue(auto) === true) out.push(p(auto, 'autoAccept: true', false));
  for (const key of [['tools', 'allowed'], ['allowedTools']]) {
    for (const item of findNodeAtLocation(root, key)?.children ?? []) {
      const v = String(getNodeValue(item)).trim();
      out.push(p(item, `${key.join('.')}: ${v}`, /^(?:run_shell_command|ShellTool)$/.test(v)));
    }
  }
  for (const key of ['yolo', 'yoloMode']) {
    const node = findNodeAtLocation(root, [key]);
    if (node && getNodeValue(node) === true) out.push(p(node, `${key}: true`, true, true));
  }
  const mode = findNodeAtLocation(root, ['approvalMode']) ?? findNodeAtLocation(root, ['tools', 'approvalMode']);
  if (mode && String(getNodeValue(mode)).toLowerCase() === 'yolo') out.push(p(mode, 'approvalMode: yolo', true, true));
  return out;
}

function codexPermissions(path: string, text: string): Permission[] {
  const out: Permission[] = [];
  const lines = text.split('\n');
  let approvalNever = -1;
  let fullAccess = -1;
  for (let i = 0; i < lines.length; i++) {
    const l = (lines[i] ?? '').slice(0, 500);
    if (/^\s*\[/.test(l) && !/^\s*\[(?:profiles\.[\w-]+)?\]/.test(l)) break;
    if (/^\s*approval_policy\s*=\s*["']never["']/.test(l)) approvalNever = i;
    if (/^\s*sandbox_mode\s*=\s*["']danger-full-access["']/.test(l)) fullAccess = i;
  }
  if (approvalNever >= 0) {
    out.push({ assistantId: 'openai-codex', file: path, line: approvalNever, setting: 'approval_policy = "never"', shell: fullAccess >= 0, all: true });
  }
  if (fullAccess >= 0) out.push({ assistantId: 'openai-codex', file: path, line: fullAccess, setting: 'sandbox_mode = "danger-full-access"', shell: false, all: false });
  return out;
}
