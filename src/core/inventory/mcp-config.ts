// Reads MCP server declarations out of every config format assistants use (.vscode/mcp.json, workspace
// settings, .mcp.json, .cursor/.roo/.gemini/.claude configs, Continue's JSON and YAML) into one shape.
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { LineIndex } from '../text';
import { MAX_JSON_DEPTH, nestingBeyond } from '../json';

/** A value with the zero-based line it is written on. */
export interface Located<T = string> {
  readonly value: T;
  readonly line: number;
}

/** A key/value pair (env variable, header) with the line of its value. */
export interface LocatedEntry {
  readonly key: string;
  readonly value: string;
  readonly line: number;
}

/** One MCP server as declared, before analysis. */
export interface ServerSpec {
  readonly name: string;
  /** Workspace-relative path of the config. */
  readonly file: string;
  /** Zero-based line of the server's name. */
  readonly line: number;
  /** `type` / `transport` as written (`stdio`, `http`, `sse`, `streamable-http`). */
  readonly type?: string;
  readonly command?: Located;
  readonly args: readonly Located[];
  readonly env: readonly LocatedEntry[];
  readonly headers: readonly LocatedEntry[];
  readonly url?: Located;
  /** Tools the config approves up front (`alwaysAllow`, `autoApprove`), or `true` for all (`trust: true`). */
  readonly autoApprove?: readonly string[] | true;
  readonly disabled?: boolean;
}

/** A config file Redline could not read, positioned at the problem. */
export interface ConfigProblem {
  readonly file: string;
  /** Zero-based line and character of the problem. */
  readonly line: number;
  readonly character: number;
  readonly message: string;
}

/** What one config file declares. */
export interface McpConfig {
  readonly servers: readonly ServerSpec[];
  readonly problems: readonly ConfigProblem[];
}

/** Where the server map sits in a JSON config, by file. */
function jsonServerPaths(path: string): (string | number)[][] | undefined {
  if (path === '.vscode/mcp.json') return [['servers']];
  if (path === '.vscode/settings.json') return [['mcp', 'servers']];
  if (/(?:^|\/)[^/]+\.code-workspace$/.test(path)) return [['settings', 'mcp', 'servers']];
  if (path === '.mcp.json' || path === '.cursor/mcp.json' || path === '.roo/mcp.json' || path === '.gemini/settings.json'
    || /^\.claude\/settings(?:\.[\w-]+)?\.json$/.test(path) || /^\.continue\/mcpServers\/[^/]+\.json$/.test(path)) return [['mcpServers']];
  if (path === '.continue/config.json') return [['mcpServers'], ['experimental', 'modelContextProtocolServers']];
  return undefined;
}

/** True for files that may declare MCP servers. */
export function isMcpConfigFile(path: string): boolean {
  return jsonServerPaths(path) !== undefined || isContinueYaml(path) || path === '.codex/config.toml';
}

function isContinueYaml(path: string): boolean {
  return /^\.continue\/(?:config\.ya?ml|mcpServers\/[^/]+\.ya?ml)$/.test(path);
}


/** Parses a JSON(C) text into a tree; a malformed file is a problem at its first error, never a throw. */
export function parseJsonConfig(path: string, text: string): { root?: Node; index: LineIndex; problems: ConfigProblem[] } {
  const index = new LineIndex(text);
  const deep = nestingBeyond(text);
  if (deep >= 0) {
    const p = index.positionAt(deep);
    return { index, problems: [{ file: path, line: p.line, character: p.character, message: `nests deeper than ${MAX_JSON_DEPTH} levels` }] };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const problems: ConfigProblem[] = [];
  const first = errors[0];
  if (first) {
    const p = index.positionAt(first.offset);
    problems.push({ file: path, line: p.line, character: p.character, message: printParseErrorCode(first.error) });
  }
  return { ...(root ? { root } : {}), index, problems };
}

/** The MCP servers declared in one config file (empty for files that declare none). */
export function readMcpConfig(path: string, text: string): McpConfig {
  if (isContinueYaml(path)) return { servers: readContinueYaml(path, text), problems: [] };
  if (path === '.codex/config.toml') return { servers: readCodexToml(path, text), problems: [] };
  const locations = jsonServerPaths(path);
  if (!locations) return { servers: [], problems: [] };
  const { root, index, problems } = parseJsonConfig(path, text);
  if (!root || root.type !== 'object') return { servers: [], problems };
  const servers: ServerSpec[] = [];
  for (const loc of locations) {
    const node = findNodeAtLocation(root, loc);
    if (node?.type === 'object') {
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (k && v?.type === 'object') servers.push(specOf(path, String(k.value), v, index, index.positionAt(k.offset).line));
      }
    } else if (node?.type === 'array') {
      (node.children ?? []).forEach((item, i) => {
        if (item.type !== 'object') return;
        const transport = findNodeAtLocation(item, ['transport']);
        const body = transport?.type === 'object' ? transport : item;
        const args = findNodeAtLocation(body, ['args']);
        const firstArg = (args?.children ?? []).map((a) => getNodeValue(a) as unknown).find((a): a is string => typeof a === 'string' && !a.startsWith('-'));
        const name = stringAt(item, ['name']) ?? firstArg?.replace(/(?:@|==)[^/]*$/, '') ?? stringAt(body, ['command']) ?? `server ${i + 1}`;
        servers.push(specOf(path, name, body, index, index.positionAt(item.offset).line));
      });
    }
  }
  return { servers, problems };
}

function stringAt(node: Node, path: string[]): string | undefined {
  const n = findNodeAtLocation(node, path);
  return n?.type === 'string' ? String(n.value) : undefined;
}

function located(node: Node | undefined, index: LineIndex): Located | undefined {
  if (!node || (node.type !== 'string' && node.type !== 'number')) return undefined;
  return { value: String(node.value), line: index.positionAt(node.offset).line };
}

function entries(node: Node | undefined, index: LineIndex): LocatedEntry[] {
  if (node?.type !== 'object') return [];
  const out: LocatedEntry[] = [];
  for (const prop of node.children ?? []) {
    const [k, v] = prop.children ?? [];
    if (!k || !v) continue;
    const value = v.type === 'string' || v.type === 'number' || v.type === 'boolean' ? String(v.value) : '';
    out.push({ key: String(k.value), value, line: index.positionAt(v.offset).line });
  }
  return out;
}

function specOf(file: string, name: string, server: Node, index: LineIndex, line: number): ServerSpec {
  const args = findNodeAtLocation(server, ['args']);
  const url = findNodeAtLocation(server, ['url']) ?? findNodeAtLocation(server, ['serverUrl']) ?? findNodeAtLocation(server, ['httpUrl']);
  const command = located(findNodeAtLocation(server, ['command']), index);
  const type = stringAt(server, ['type']) ?? stringAt(server, ['transport']) ?? (findNodeAtLocation(server, ['httpUrl']) ? 'http' : undefined);
  const auto = findNodeAtLocation(server, ['alwaysAllow']) ?? findNodeAtLocation(server, ['autoApprove']);
  const trust = findNodeAtLocation(server, ['trust']);
  const autoApprove = trust && getNodeValue(trust) === true ? true
    : auto?.type === 'array' ? (auto.children ?? []).map((c) => String(getNodeValue(c)))
      : auto && getNodeValue(auto) === true ? true : undefined;
  const disabled = findNodeAtLocation(server, ['disabled']);
  const urlAt = located(url, index);
  return {
    name, file, line,
    ...(type !== undefined ? { type } : {}),
    ...(command ? { command } : {}),
    args: args?.type === 'array' ? (args.children ?? []).map((a) => located(a, index)).filter((a): a is Located => a !== undefined) : [],
    env: entries(findNodeAtLocation(server, ['env']), index),
    headers: entries(findNodeAtLocation(server, ['headers']), index),
    ...(urlAt ? { url: urlAt } : {}),
    ...(autoApprove !== undefined ? { autoApprove } : {}),
    ...(disabled && getNodeValue(disabled) === true ? { disabled: true } : {}),
  };
}

interface YamlServer {
  name?: string;
  line: number;
  type?: string;
  command?: Located;
  url?: Located;
  args: Located[];
  env: LocatedEntry[];
  headers: LocatedEntry[];
}

/**
 * Continue's YAML configs: the `mcpServers:` block list only (`- name:`, `command:`, `args:` as a block or
 * flow list, `env:` / `headers:` maps, `url:`, `type:`). Anything else in the file is skipped.
 */
export function readContinueYaml(file: string, text: string): ServerSpec[] {
  const lines = text.split(/\r?\n/);
  const out: ServerSpec[] = [];
  let blockIndent = -1;
  let itemIndent = -1;
  let current: YamlServer | undefined;
  let listKey: 'args' | 'env' | 'headers' | undefined;
  let listIndent = -1;
  const flush = (): void => {
    if (current) out.push({ name: current.name ?? current.command?.value ?? `server ${out.length + 1}`, file, ...current });
    current = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] ?? '').slice(0, 2000);
    if (/^\s*(?:#|$)/.test(raw)) continue;
    const indent = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (blockIndent < 0) {
      if (/^mcpServers\s*:\s*$/.test(body)) blockIndent = indent;
      continue;
    }
    if (indent <= blockIndent && !body.startsWith('-')) {
      flush();
      blockIndent = /^mcpServers\s*:\s*$/.test(body) ? indent : -1;
      continue;
    }
    let rest = body;
    if (body.startsWith('- ') && (itemIndent < 0 || indent <= itemIndent)) {
      flush();
      itemIndent = indent;
      current = { line: i, args: [], env: [], headers: [] };
      listKey = undefined;
      rest = body.slice(2).trim();
    }
    if (!current) continue;
    if (listKey && indent > listIndent) {
      if (listKey === 'args' && rest.startsWith('-')) current.args.push({ value: unquote(rest.slice(1).trim()), line: i });
      else if (listKey !== 'args') {
        const kv = /^([\w.-]{1,100})\s*:\s*(.*)$/.exec(rest);
        if (kv) current[listKey].push({ key: kv[1] ?? '', value: unquote(kv[2] ?? ''), line: i });
      }
      continue;
    }
    listKey = undefined;
    const kv = /^([\w-]{1,50})\s*:\s*(.*)$/.exec(rest);
    if (!kv) continue;
    const key = kv[1] ?? '';
    const value = (kv[2] ?? '').trim();
    const keyIndent = body === rest ? indent : indent + 2;
    if (key === 'name') current.name = unquote(value);
    else if (key === 'type') current.type = unquote(value);
    else if (key === 'command') current.command = { value: unquote(value), line: i };
    else if (key === 'url') current.url = { value: unquote(value), line: i };
    else if (key === 'args' || key === 'env' || key === 'headers') {
      if (key === 'args' && value.startsWith('[')) {
        for (const part of value.replace(/^\[|\]$/g, '').split(',')) if (part.trim()) current.args.push({ value: unquote(part.trim()), line: i });
      } else if (value === '') {
        listKey = key;
        listIndent = keyIndent;
      }
    }
  }
  flush();
  return out;
}

/**
 * Codex's `config.toml`: `[mcp_servers.<name>]` tables with `command`, `args` and `url` on one line each,
 * `env = { K = "v" }` inline or an `[mcp_servers.<name>.env]` table. Other tables are skipped.
 */
export function readCodexToml(file: string, text: string): ServerSpec[] {
  const out: ServerSpec[] = [];
  const lines = text.split(/\r?\n/);
  let current: YamlServer | undefined;
  let inEnv = false;
  const flush = (): void => {
    if (current?.name) out.push({ name: current.name, file, line: current.line, ...(current.command ? { command: current.command } : {}), ...(current.url ? { url: current.url } : {}), args: current.args, env: current.env, headers: current.headers });
    current = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').slice(0, 2000).trim();
    if (line === '' || line.startsWith('#')) continue;
    const table = /^\[([^\]]{1,200})\]$/.exec(line);
    if (table) {
      const parts = (table[1] ?? '').split('.').map((p) => unquote(p.trim()));
      if (parts[0] !== 'mcp_servers' || !parts[1]) { flush(); inEnv = false; continue; }
      if (parts.length === 3 && parts[2] === 'env' && current?.name === parts[1]) { inEnv = true; continue; }
      flush();
      inEnv = false;
      current = { name: parts[1], line: i, args: [], env: [], headers: [] };
      continue;
    }
    if (!current) continue;
    const kv = /^([\w-]{1,60}|"[^"]{1,60}")\s*=\s*(.+)$/.exec(line);
    if (!kv) continue;
    const key = unquote(kv[1] ?? '');
    const value = (kv[2] ?? '').trim();
    if (inEnv) current.env.push({ key, value: unquote(value), line: i });
    else if (key === 'command') current.command = { value: unquote(value), line: i };
    else if (key === 'url') current.url = { value: unquote(value), line: i };
    else if (key === 'args' && value.startsWith('[')) {
      for (const m of value.matchAll(/"([^"\n]{0,500})"|'([^'\n]{0,500})'/g)) current.args.push({ value: m[1] ?? m[2] ?? '', line: i });
    } else if (key === 'env' && value.startsWith('{')) {
      for (const m of value.matchAll(/"?([\w-]{1,60})"?\s*=\s*"([^"\n]{0,500})"/g)) current.env.push({ key: m[1] ?? '', value: m[2] ?? '', line: i });
    }
  }
  flush();
  return out;
}

function unquote(v: string): string {
  const t = v.replace(/\s+#.*$/, '').trim();
  return /^(["']).*\1$/.test(t) ? t.slice(1, -1) : t;
}

/** True when a JSON text nests deeper than a recursive parser can safely follow. */
export function tooDeep(text: string): boolean {
  return nestingBeyond(text) >= 0;
}

