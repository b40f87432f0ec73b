// Risky settings in agent configs: auto-approval, shell hooks, unpinned or secret-carrying MCP servers.
import { parseTree, printParseErrorCode, findNodeAtLocation, getNodeValue, type Node, type ParseError } from 'jsonc-parser';
import { maskSecret } from '../text';
import { MAX_JSON_DEPTH, nestingBeyond } from '../json';

/** One agent-config hit in offsets of the original text. */
export interface ConfigHit {
  readonly start: number;
  readonly end: number;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

const TEXT_FLAGS: readonly { re: RegExp; message: string }[] = [
  { re: /--dangerously-skip-permissions\b/g, message: '`--dangerously-skip-permissions` lets Claude Code run every tool, shell included, without asking.' },
  { re: /--dangerously-bypass-approvals-and-sandbox\b/g, message: '`--dangerously-bypass-approvals-and-sandbox` runs Codex commands without approval or sandbox.' },
  { re: /(?:^|[\s`"'])--yolo\b/g, message: '`--yolo` makes the agent accept every tool call without asking.' },
  { re: /\bbypassPermissions\b/g, message: '`bypassPermissions` mode lets Claude Code run every tool without asking.' },
];

/** Flags in any instruction or config text that switch off approvals (command lines, prose, JSON strings). */
export function findApprovalFlags(text: string, json = false): ConfigHit[] {
  const hits: ConfigHit[] = [];
  for (const flag of TEXT_FLAGS) {
    if (json && flag.re.source.startsWith('\\bbypass')) continue;
    for (const m of text.matchAll(flag.re)) {
      const start = (m.index ?? 0) + (m[0].startsWith('-') || m[0].startsWith('b') ? 0 : 1);
      hits.push({ start, end: (m.index ?? 0) + m[0].length, severity: 'error', message: flag.message });
    }
  }
  return hits;
}

/** Parses a JSON(C) agent config and reports risky settings; a malformed file is one hit at the error. */
export function findConfigRisks(text: string, vscodeSettings = false): ConfigHit[] {
  const errors: ParseError[] = [];
  const deep = nestingBeyond(text);
  if (deep >= 0) {
    return [{ start: deep, end: deep + 1, severity: 'warning', message: `The config nests deeper than ${MAX_JSON_DEPTH} levels; Redline did not check it. No real agent config looks like this.` }];
  }
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const hits: ConfigHit[] = [];
  const first = errors[0];
  if (first) {
    hits.push({
      start: first.offset, end: first.offset + Math.max(1, first.length), severity: 'warning',
      message: `The config is not valid JSON (${printParseErrorCode(first.error)}); an assistant may read it differently than you expect. Fix it so Redline can check it.`,
    });
  }
  if (!root || root.type !== 'object') return hits;
  if (vscodeSettings) {
    // A `.code-workspace` file keeps its settings under "settings".
    const nested = findNodeAtLocation(root, ['settings']);
    return [...hits, ...vscodeAutoApprove(root), ...(nested?.type === 'object' ? vscodeAutoApprove(nested) : [])];
  }
  hits.push(...claudePermissions(root), ...autoApproveKeys(root), ...hooks(root), ...vscodeAutoApprove(root));
  for (const key of ['mcpServers', 'servers']) {
    const servers = findNodeAtLocation(root, [key]);
    if (servers?.type === 'object') for (const prop of servers.children ?? []) hits.push(...mcpServer(prop));
  }
  const env = findNodeAtLocation(root, ['env']);
  if (env) hits.push(...inlineSecrets(env, 'The agent\'s `env`'));
  return hits;
}

function claudePermissions(root: Node): ConfigHit[] {
  const hits: ConfigHit[] = [];
  const allow = findNodeAtLocation(root, ['permissions', 'allow']);
  for (const item of allow?.children ?? []) {
    const v = getNodeValue(item) as unknown;
    if (typeof v === 'string' && /^Bash(?:\(\s*\*?\s*(?::\s*\*)?\s*\))?$/.test(v.trim())) {
      hits.push(at(item, 'error', `\`permissions.allow\` contains \`${v}\`: Claude Code may run any shell command without asking. Allow specific commands instead, e.g. \`Bash(npm test:*)\`.`));
    }
  }
  const mode = findNodeAtLocation(root, ['permissions', 'defaultMode']);
  if (mode && getNodeValue(mode) === 'bypassPermissions') {
    hits.push(at(mode, 'error', '`permissions.defaultMode` is `bypassPermissions`: every tool runs without asking.'));
  }
  const all = findNodeAtLocation(root, ['enableAllProjectMcpServers']);
  if (all && getNodeValue(all) === true) {
    hits.push(at(all, 'warning', '`enableAllProjectMcpServers` starts every MCP server a pull request adds to `.mcp.json` without asking.'));
  }
  return hits;
}

const AUTO_KEYS = /^(?:yolo|yoloMode|autoApprove|auto_approve|autoAccept|alwaysAllow|dangerouslySkipPermissions|skipPermissions|trust)$/;

/** Generic auto-approval keys anywhere in the config (`"autoApprove": true`, Cline/Roo `alwaysAllow: [...]`). */
function autoApproveKeys(root: Node): ConfigHit[] {
  const hits: ConfigHit[] = [];
  walk(root, (prop) => {
    const key = prop.children?.[0];
    const value = prop.children?.[1];
    if (!key || !value || typeof key.value !== 'string' || !AUTO_KEYS.test(key.value)) return;
    if (value.type === 'boolean' && value.value === true) {
      hits.push(at(value, 'error', `\`${key.value}: true\` lets the agent act without asking you first.`));
    } else if (value.type === 'array' && (value.children?.length ?? 0) > 0) {
      const tools = (value.children ?? []).map((c) => String(getNodeValue(c))).slice(0, 5).join(', ');
      hits.push(at(value, 'warning', `\`${key.value}\` runs these tools without asking: ${tools}.`));
    }
  });
  return hits;
}

function vscodeAutoApprove(root: Node): ConfigHit[] {
  const hits: ConfigHit[] = [];
  for (const key of ['chat.tools.autoApprove', 'chat.tools.global.autoApprove']) {
    const node = findNodeAtLocation(root, [key]);
    if (node && getNodeValue(node) === true) {
      hits.push(at(node, 'error', `\`${key}\` is on: agent mode runs every tool, terminal commands included, without asking ("YOLO mode").`));
    }
  }
  const terminal = findNodeAtLocation(root, ['chat.tools.terminal.autoApprove']);
  for (const prop of terminal?.type === 'object' ? terminal.children ?? [] : []) {
    const [k, v] = prop.children ?? [];
    if (k && v && v.value === true && /^\/\.\*\/|^\*$|^\/\^?\.\+?\$?\/$/.test(String(k.value))) {
      hits.push(at(v, 'error', `\`chat.tools.terminal.autoApprove\` approves \`${String(k.value)}\`: every terminal command runs without asking.`));
    }
  }
  return hits;
}

/** Claude Code (`hooks.<Event>[].hooks[].command`) and Cursor (`hooks.<event>[].command`) shell hooks. */
function hooks(root: Node): ConfigHit[] {
  const hits: ConfigHit[] = [];
  const node = findNodeAtLocation(root, ['hooks']);
  if (node?.type !== 'object') return hits;
  for (const event of node.children ?? []) {
    const name = String(event.children?.[0]?.value ?? '');
    walk(event, (prop) => {
      const [k, v] = prop.children ?? [];
      if (k?.value === 'command' && v?.type === 'string') {
        const command = String(v.value);
        hits.push(at(v, 'warning', `Hook \`${name}\` runs the shell command \`${shorten(command)}\` automatically whenever the agent triggers it. Make sure you know what it does.`));
      }
    });
  }
  return hits;
}

function mcpServer(prop: Node): ConfigHit[] {
  const name = String(prop.children?.[0]?.value ?? '');
  const server = prop.children?.[1];
  if (server?.type !== 'object') return [];
  const hits: ConfigHit[] = [];
  const command = findNodeAtLocation(server, ['command']);
  const args = findNodeAtLocation(server, ['args']);
  if (command?.type === 'string') {
    const argv = [...String(command.value).trim().split(/\s+/), ...(args?.children ?? []).map((a) => String(getNodeValue(a)))];
    const unpinned = unpinnedPackage(argv);
    if (unpinned) hits.push(at(command, 'warning', `MCP server \`${name}\` starts \`${unpinned.launcher} ${unpinned.pkg}\` without a pinned version: whatever is published next runs with your permissions. Pin it, e.g. \`${unpinned.example}\`.`));
    for (const a of args?.children ?? []) {
      const v = getNodeValue(a) as unknown;
      const m = typeof v === 'string' ? /^--?(?:token|api[-_]?key|secret|password|access[-_]?token)=(.{8,})$/i.exec(v) : null;
      if (m && !isReference(m[1] ?? '')) hits.push(at(a, 'error', `MCP server \`${name}\` is handed a secret on its command line (\`${maskSecret(m[1] ?? '')}\`). Pass it through an input or environment variable reference.`));
    }
  }
  const env = findNodeAtLocation(server, ['env']);
  if (env) hits.push(...inlineSecrets(env, `MCP server \`${name}\``));
  const headers = findNodeAtLocation(server, ['headers']);
  if (headers) hits.push(...inlineSecrets(headers, `MCP server \`${name}\``));
  const url = findNodeAtLocation(server, ['url']) ?? findNodeAtLocation(server, ['serverUrl']) ?? findNodeAtLocation(server, ['httpUrl']);
  if (url?.type === 'string' && /^http:\/\/(?!(?:localhost|127\.0\.0\.1|\[::1\])[:/])/i.test(String(url.value))) {
    hits.push(at(url, 'warning', `MCP server \`${name}\` is reached over plain HTTP: its traffic (and any token) can be read or changed on the way.`));
  }
  return hits;
}

const SECRET_NAME = /(?:TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?|AUTH|(?:^|_)PAT(?:$|_)|Authorization)/i;
const TOKEN_SHAPE = /^(?:Bearer\s+)?(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_\w{20,}|sk-[A-Za-z0-9_-]{16,}|xox[abprs]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16}|glpat-[A-Za-z0-9_-]{16,}|AIza[0-9A-Za-z_-]{30,}|npm_[A-Za-z0-9]{30,})/;

function isReference(value: string): boolean {
  return value === '' || /\$\{|\$[A-Z_]|^<.*>$|^(?:your|changeme|xxx|\.\.\.|replace|todo)/i.test(value) || /^(?:Bearer\s+)?\$\{/.test(value);
}

function inlineSecrets(obj: Node, owner: string): ConfigHit[] {
  const hits: ConfigHit[] = [];
  for (const prop of obj.type === 'object' ? obj.children ?? [] : []) {
    const [k, v] = prop.children ?? [];
    if (!k || v?.type !== 'string') continue;
    const key = String(k.value);
    const value = String(v.value);
    if (isReference(value)) continue;
    if (TOKEN_SHAPE.test(value) || (SECRET_NAME.test(key) && value.length >= 8)) {
      const shown = maskSecret(value.replace(/^Bearer\s+/i, ''));
      hits.push(at(v, 'error', `${owner} gets \`${key}\` as an inline secret (\`${shown}\`), committed with the config. Reference it instead (\`\${input:…}\` or \`\${env:NAME}\`) and keep the value out of the repository.`));
    }
  }
  return hits;
}

interface Unpinned { launcher: string; pkg: string; example: string }

/** The package an `npx`/`bunx`/`pnpm dlx`/`uvx`/`pipx run`/`docker run` command starts, when it is not pinned to an exact version. */
export function unpinnedPackage(argv: readonly string[]): Unpinned | undefined {
  const exe = (argv[0] ?? '').replace(/^.*[\\/]/, '').replace(/\.(?:cmd|exe)$/i, '');
  let rest = argv.slice(1);
  let launcher = exe;
  if ((exe === 'pnpm' || exe === 'yarn') && rest[0] === 'dlx') { launcher = `${exe} dlx`; rest = rest.slice(1); }
  if (exe === 'uv' && rest[0] === 'tool' && rest[1] === 'run') { launcher = 'uv tool run'; rest = rest.slice(2); }
  if (exe === 'pipx' && rest[0] === 'run') { launcher = 'pipx run'; rest = rest.slice(1); }
  if (exe === 'docker' || exe === 'podman') return unpinnedImage(exe, rest);
  const npmStyle = ['npx', 'bunx', 'pnpx', 'pnpm dlx', 'yarn dlx'].includes(launcher);
  const pyStyle = ['uvx', 'uv tool run', 'pipx run'].includes(launcher);
  if (!npmStyle && !pyStyle) return undefined;
  const pkg = packageArg(rest, npmStyle ? ['-p', '--package'] : ['--from', '--spec']);
  if (pkg === undefined || /^[.~/]|^[A-Za-z]:\\/.test(pkg)) return undefined;
  if (npmStyle) {
    if (/^(?:@[^/@\s]+\/)?[^@\s]+@\d+\.\d+\.\d+(?:[-+][\w.-]+)?$/.test(pkg)) return undefined;
    const bare = pkg.replace(/^((?:@[^/@\s]+\/)?[^@\s]+)@.*$/, '$1');
    return { launcher, pkg, example: `${launcher} ${bare}@1.2.3` };
  }
  if (/(?:==|@)\d+(?:\.\d+)*(?:[-+.\w]*)$/.test(pkg)) return undefined;
  const bare = pkg.replace(/[@=<>~!].*$/, '');
  return { launcher, pkg, example: `${launcher} ${bare}==1.2.3` };
}

function packageArg(args: readonly string[], fromFlags: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (fromFlags.includes(a)) return args[i + 1];
    const eq = fromFlags.map((f) => `${f}=`).find((f) => a.startsWith(f));
    if (eq) return a.slice(eq.length);
    if (!a.startsWith('-')) return a;
  }
  return undefined;
}

const DOCKER_VALUE_FLAGS = new Set(['-e', '--env', '-v', '--volume', '-p', '--publish', '--name', '--network', '-w', '--workdir', '--mount', '--env-file', '-u', '--user', '--entrypoint', '-l', '--label', '--platform', '--add-host', '-h', '--hostname', '--cpus', '-m', '--memory']);

function unpinnedImage(exe: string, args: readonly string[]): Unpinned | undefined {
  if (args[0] !== 'run') return undefined;
  for (let i = 1; i < args.length; i++) {
    const a = args[i] ?? '';
    if (DOCKER_VALUE_FLAGS.has(a)) { i++; continue; }
    if (a.startsWith('-')) continue;
    if (a.includes('@sha256:')) return undefined;
    const tag = /:([^/:]+)$/.exec(a)?.[1];
    if (tag !== undefined && tag !== 'latest') return undefined;
    const bare = a.replace(/:latest$/, '');
    return { launcher: `${exe} run`, pkg: a, example: `${exe} run ${bare}@sha256:…` };
  }
  return undefined;
}


function walk(node: Node, visit: (prop: Node) => void): void {
  if (node.type === 'property') visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

function at(node: Node, severity: 'error' | 'warning', message: string): ConfigHit {
  return { start: node.offset, end: node.offset + node.length, severity, message };
}

function shorten(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}
