// Builds the inventory of a workspace: the assistants present, the MCP servers each one starts, the
// models the code loads, what each can see and do, and the findings about them. Pure and synchronous.
import { assistantById, assistantForHost, assistants as allAssistants, assistantsForExtensions, assistantsFromMarkers, type Assistant } from '../assistants';
import { computeExposure, type AssistantExposure } from '../context/exposure';
import { sensitiveMatcher } from '../context/sensitive';
import { classifyInstructionFile, normalizeRelativePath } from '../instructions/table';
import type { Finding } from '../model';
import { detect as shellUnapproved } from '../rules/agent-shell-unapproved';
import { detect as lethalTrifecta, type Contributor } from '../rules/integration-lethal-trifecta';
import { detect as notAllowed, type AllowIdentity } from '../rules/integration-not-allowed';
import { detect as configInvalid } from '../rules/mcp-config-invalid';
import { detect as filesystemRoot } from '../rules/mcp-filesystem-root';
import { detect as inlineSecret } from '../rules/mcp-inline-secret';
import { detect as remoteInsecure } from '../rules/mcp-remote-insecure';
import { detect as serverUnpinned } from '../rules/mcp-server-unpinned';
import { meta as modelLoadUnpinned } from '../rules/model-load-unpinned';
import { meta as modelRemoteCode } from '../rules/model-remote-code';
import { meta as modelUnsafeDeserialization } from '../rules/model-unsafe-deserialization';
import { order } from './catalogue';
import { lineFinding } from './finding';
import { isMcpConfigFile, readMcpConfig, tooDeep, type ConfigProblem, type ServerSpec } from './mcp-config';
import { analyzeServer, type McpServerInfo } from './mcp-server';
import { modelLanguageOf, scanModelLoads, type ModelLoad } from './model-loads';
import { readPermissions, settingsOwner, vscodeSettingsObject, type Permission } from './permissions';
import type { Capability, DetailValue, Integration, Inventory, InventoryFinding, InventoryInput } from './types';

/** The assistant that reads an MCP config file. */
export function mcpConfigOwner(path: string): string | undefined {
  if (path === '.vscode/mcp.json' || path === '.vscode/settings.json' || /\.code-workspace$/.test(path)) return 'github-copilot';
  if (path === '.mcp.json' || path.startsWith('.claude/')) return 'claude-code';
  if (path === '.cursor/mcp.json') return 'cursor';
  if (path === '.roo/mcp.json') return 'roo-code';
  if (path === '.gemini/settings.json') return 'gemini';
  if (path.startsWith('.continue/')) return 'continue';
  if (path === '.codex/config.toml') return 'openai-codex';
  return undefined;
}

/** Base names of every exclusion file an assistant reads (gitignore format). */
const IGNORE_NAMES = new Set(allAssistants.flatMap((a) => a.ignore.filter((i) => i.format === 'gitignore').map((i) => i.file.slice(i.file.lastIndexOf('/') + 1))));

/**
 * Cheap superset of the instruction-file table: every pattern there has a dot-folder or dot-file
 * segment, or is AGENTS.md / CLAUDE.md / GEMINI.md. Saves a glob match per path on large trees.
 */
function mayBeInstructionFile(path: string): boolean {
  return /(?:^|\/)\./.test(path) || /(?:^|\/)(?:AGENTS|CLAUDE|GEMINI)\.md$/.test(path);
}

/** The instruction-table entry of a path, after the cheap test. */
function instructionKind(path: string): ReturnType<typeof classifyInstructionFile> {
  return mayBeInstructionFile(path) ? classifyInstructionFile(path) : undefined;
}

/** True for the config files `buildInventory` reads: MCP configs, agent settings, instruction and ignore files. */
export function isInventoryConfigFile(relativePath: string): boolean {
  const path = normalizeRelativePath(relativePath);
  return isMcpConfigFile(path) || settingsOwner(path) !== undefined || IGNORE_NAMES.has(path.slice(path.lastIndexOf('/') + 1))
    || instructionKind(path) !== undefined;
}

/** Instruction-table assistant names → assistant ids. */
const INSTRUCTION_OWNERS: Readonly<Record<string, readonly string[]>> = {
  'GitHub Copilot': ['github-copilot'], 'VS Code agent mode': ['github-copilot'], 'Claude Code': ['claude-code'], Gemini: ['gemini'],
  Cursor: ['cursor'], Windsurf: ['windsurf'], Cline: ['cline'], 'Roo Code': ['roo-code'], Continue: ['continue'], Junie: ['jetbrains-ai'],
};

/** Built-in tools through which an agent reads the web (untrusted input) without any MCP server. */
const BUILT_IN_WEB: Readonly<Record<string, string>> = {
  'claude-code': 'the built-in WebFetch tool', 'github-copilot': 'the built-in fetch tool', gemini: 'the built-in web_fetch tool',
  cursor: 'built-in web search', windsurf: 'built-in web search', cline: 'the built-in browser tool', 'roo-code': 'the built-in browser tool',
};

const SENSITIVE_LISTED = 50;

interface Server {
  readonly id: string;
  readonly info: McpServerInfo;
  readonly owner?: string;
}

/** Builds the inventory. Never throws on malformed files: they become `mcp-config-invalid` findings. */
export function buildInventory(input: InventoryInput): Inventory {
  const files = new Map<string, string>();
  for (const [p, text] of input.files) files.set(normalizeRelativePath(p), text);
  const allPaths = input.allPaths.map(normalizeRelativePath);
  const findings: InventoryFinding[] = [];
  const add = (file: string, finding: Finding | undefined, integrations: readonly string[]): void => {
    if (finding) findings.push({ file, finding, integrations });
  };

  // MCP servers and permissions from every config file.
  const problems = new Map<string, ConfigProblem>();
  const servers: Server[] = [];
  const permissions: Permission[] = [];
  const specs: ServerSpec[] = [];
  for (const [path, text] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    if (isMcpConfigFile(path)) {
      const config = readMcpConfig(path, text);
      specs.push(...config.servers);
      for (const p of config.problems) problems.set(path, p);
    }
    if (settingsOwner(path)) {
      const read = readPermissions(path, text);
      permissions.push(...read.permissions);
      for (const p of read.problems) problems.set(path, p);
    }
  }
  if (input.workspaceSettings && !files.has('.vscode/settings.json')) {
    const fromObject = readMcpConfig('.vscode/settings.json', JSON.stringify({ mcp: input.workspaceSettings.mcp ?? {} }));
    specs.push(...fromObject.servers.map((s) => ({ ...s, line: 0, args: s.args.map((a) => ({ ...a, line: 0 })), env: s.env.map((e) => ({ ...e, line: 0 })), headers: s.headers.map((h) => ({ ...h, line: 0 })) })));
    permissions.push(...vscodeSettingsObject(input.workspaceSettings, '.vscode/settings.json'));
  }
  for (const p of problems.values()) add(p.file, configInvalid(p), []);
  for (const spec of specs) {
    const info = analyzeServer(spec);
    const owner = mcpConfigOwner(spec.file);
    servers.push({ id: `mcp:${spec.file}#${spec.name}`, info, ...(owner ? { owner } : {}) });
  }
  // Shell servers whose tools are approved up front count as unapproved shell for their assistant.
  for (const s of servers) {
    const auto = s.info.spec.autoApprove;
    if (s.owner && s.info.profile.shell && (auto === true || (auto?.length ?? 0) > 0)) {
      permissions.push({ assistantId: s.owner, file: s.info.spec.file, line: s.info.spec.line, setting: `${auto === true ? 'trust: true' : 'alwaysAllow'} on MCP server ${s.info.spec.name}`, shell: true, all: auto === true });
    }
  }

  // Assistants present: installed, the host's built-in agent, marker files, and owners of configs.
  const present = presentAssistants(input, allPaths, servers, permissions);
  const exposure = computeExposure({
    files: allPaths,
    // Claude settings too deep for a recursive JSON parser are left out (they are an `mcp-config-invalid` finding).
    ignoreFiles: new Map([...files].filter(([p, text]) => IGNORE_NAMES.has(p.slice(p.lastIndexOf('/') + 1)) || (/^\.claude\/settings(?:\.local)?\.json$/.test(p) && !tooDeep(text)))),
    assistants: present.map((p) => p.assistant),
    isSensitive: sensitiveMatcher(input.sensitive ?? {}),
  });

  const classified: Classified[] = [];
  for (const path of allPaths) {
    const kind = instructionKind(path);
    if (kind) classified.push({ path, kind });
  }
  const integrations: Integration[] = [];
  for (const p of present) {
    const a = p.assistant;
    const mine = servers.filter((s) => s.owner === a.id && !s.info.spec.disabled);
    const perms = permissions.filter((x) => x.assistantId === a.id);
    const id = `assistant:${a.id}`;
    const caps = order([...mine.flatMap((s) => s.info.profile.capabilities), ...(perms.some((x) => x.shell) ? ['private-data', 'acts-outside'] as Capability[] : [])]);
    const source = assistantSource(a, p.origins, allPaths, perms, mine);
    integrations.push({
      id, kind: 'assistant', name: a.name, source, capabilities: caps,
      details: assistantDetails(a, p.origins, classified, exposure.assistants.find((x) => x.id === a.id), perms, mine),
      related: mine.map((s) => s.id),
    });
    // Findings about the assistant: unapproved shell, the trifecta, the allow-list.
    const feeders = [...mine.filter((s) => s.info.profile.capabilities.includes('untrusted-input')).map((s) => `\`${s.info.spec.name}\` (MCP)`), ...(BUILT_IN_WEB[a.id] ? [BUILT_IN_WEB[a.id] as string] : [])];
    for (const perm of perms) add(perm.file, shellUnapproved(perm, a.name, feeders), [id]);
    const contributors: Contributor[] = [
      ...mine.map((s) => ({ id: s.id, label: `\`${s.info.spec.name}\``, capabilities: s.info.profile.capabilities })),
      ...perms.filter((x) => x.shell).map((x) => ({ id: `permission:${x.file}:${x.setting}`, label: `\`${x.setting}\``, capabilities: ['private-data', 'acts-outside'] as Capability[] })),
    ];
    const anchor = mine.find((s) => s.info.profile.capabilities.includes('untrusted-input')) ?? mine[0];
    if (anchor) add(anchor.info.spec.file, lethalTrifecta(a, contributors, anchor.info.spec.file, anchor.info.spec.line), [id, ...contributors.map((c) => c.id).filter((c) => c.startsWith('mcp:'))]);
    const allow: AllowIdentity = { id, kind: 'assistant', name: a.name, identities: [a.name, a.extensionIds[0] ?? a.id, a.id, ...a.extensionIds, ...a.hostAppNames] };
    add(source.file, notAllowed(allow, input.policy?.allowed, source.file, (source.line ?? 1) - 1, input.policy?.severity), [id]);
  }

  for (const s of servers) {
    const info = s.info;
    const owners = s.owner ? [`assistant:${s.owner}`] : [];
    integrations.push({
      id: s.id, kind: 'mcp-server', name: info.spec.name, source: { file: info.spec.file, line: info.spec.line + 1 },
      capabilities: info.profile.capabilities, details: serverDetails(info, s.owner), related: owners,
    });
    const ids = [s.id, ...owners];
    add(info.spec.file, serverUnpinned(info), ids);
    for (const f of inlineSecret(info)) add(info.spec.file, f, ids);
    for (const f of filesystemRoot(info)) add(info.spec.file, f, ids);
    add(info.spec.file, remoteInsecure(info), ids);
    const allow: AllowIdentity = {
      id: s.id, kind: 'mcp-server', name: info.spec.name,
      identities: [info.spec.name, info.launch?.packageName ?? info.url ?? info.spec.name, ...(info.launch?.spec ? [info.launch.spec] : []), ...(info.host ? [info.host] : []), ...(info.profile.entry ? [info.profile.entry.id] : [])],
      ...(info.url ? { url: info.url } : {}),
    };
    add(info.spec.file, notAllowed(allow, input.policy?.allowed, info.spec.file, info.spec.line, input.policy?.severity), ids);
  }

  for (const [path, text] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const lang = modelLanguageOf(path);
    if (!lang) continue;
    for (const load of scanModelLoads(text, lang)) {
      const id = `model:${path}:${load.line}`;
      integrations.push({ id, kind: 'model', name: load.model ?? load.loader, source: { file: path, line: load.line }, capabilities: load.remote ? ['untrusted-input'] : [], details: modelDetails(load), related: [] });
      for (const issue of load.issues) {
        const meta = issue.ruleId === 'model-load-unpinned' ? modelLoadUnpinned : issue.ruleId === 'model-remote-code' ? modelRemoteCode : modelUnsafeDeserialization;
        add(path, lineFinding(meta, load.line - 1, issue.message, { context: load.model ?? load.loader, fingerprint: `${meta.id}:${path}:${load.callee}:${load.model ?? ''}` }), [id]);
      }
    }
  }

  findings.sort((a, b) => a.file.localeCompare(b.file) || a.finding.range.start.line - b.finding.range.start.line || a.finding.ruleId.localeCompare(b.finding.ruleId));
  return { ...(input.host ? { host: input.host } : {}), integrations, findings };
}

interface Present {
  readonly assistant: Assistant;
  /** How Redline knows it is here: `extension <id>`, `host <app>`, `workspace`. */
  readonly origins: string[];
}

function presentAssistants(input: InventoryInput, paths: readonly string[], servers: readonly Server[], permissions: readonly Permission[]): Present[] {
  const byId = new Map<string, Present>();
  const note = (a: Assistant | undefined, origin: string): void => {
    if (!a) return;
    const p = byId.get(a.id) ?? { assistant: a, origins: [] };
    if (!p.origins.includes(origin)) p.origins.push(origin);
    byId.set(a.id, p);
  };
  const installed = new Set((input.installedExtensionIds ?? []).map((e) => e.toLowerCase()));
  for (const a of assistantsForExtensions(installed)) note(a, `installed extension ${a.extensionIds.filter((e) => installed.has(e)).join(', ')}`);
  if (input.host?.appName) note(assistantForHost(input.host.appName), `built-in agent of ${input.host.appName}`);
  // Markers sit at the workspace root, and all but AGENTS.md, CLAUDE.md and GEMINI.md start with a dot.
  const rootish = paths.filter((p) => p.startsWith('.') || !p.includes('/'));
  const dirs = new Set<string>();
  for (const p of rootish) {
    const i = p.indexOf('/');
    if (i > 0) dirs.add(`${p.slice(0, i)}/`);
  }
  for (const a of assistantsFromMarkers([...rootish, ...dirs])) note(a, 'configured in the workspace');
  for (const s of servers) if (s.owner) note(assistantById(s.owner), 'configured in the workspace');
  for (const p of permissions) note(assistantById(p.assistantId), 'configured in the workspace');
  return [...byId.values()].sort((a, b) => allAssistants.indexOf(a.assistant) - allAssistants.indexOf(b.assistant));
}

function assistantSource(a: Assistant, origins: readonly string[], paths: readonly string[], perms: readonly Permission[], servers: readonly Server[]): { file: string; line?: number } {
  const first = perms[0] ?? undefined;
  if (first) return { file: first.file, line: first.line + 1 };
  const server = servers[0];
  if (server) return { file: server.info.spec.file, line: 1 };
  const marker = paths.find((p) => a.workspaceMarkers.some((m) => (m.endsWith('/') ? p.startsWith(m) : p === m)));
  if (marker) return { file: marker, line: 1 };
  const ext = origins.find((o) => o.startsWith('installed extension '));
  if (ext) return { file: `extension:${ext.slice('installed extension '.length).split(',')[0]}` };
  const host = origins.find((o) => o.startsWith('built-in agent of '));
  return { file: `host:${host ? host.slice('built-in agent of '.length) : a.name}` };
}

function instructionFilesOf(a: Assistant, classified: readonly Classified[], configs: boolean): string[] {
  const out: string[] = [];
  for (const { path: p, kind } of classified) {
    if ((kind.kind === 'instructions') === configs) continue;
    const owners = INSTRUCTION_OWNERS[kind.assistant] ?? (kind.assistant.startsWith('AGENTS.md') ? ['openai-codex', 'github-copilot', 'cursor', 'windsurf', 'gemini'] : []);
    if (owners.includes(a.id)) out.push(p);
  }
  return out.sort();
}

interface Classified { readonly path: string; readonly kind: NonNullable<ReturnType<typeof classifyInstructionFile>> }

function assistantDetails(a: Assistant, origins: readonly string[], classified: readonly Classified[], exposure: AssistantExposure | undefined, perms: readonly Permission[], servers: readonly Server[]): Record<string, DetailValue> {
  const d: Record<string, DetailValue> = { origin: [...origins] };
  const instructions = instructionFilesOf(a, classified, false);
  if (instructions.length > 0) d['instruction files'] = instructions;
  const configs = instructionFilesOf(a, classified, true);
  if (configs.length > 0) d['config files'] = configs;
  const ignoreFiles = exposure?.ignoreFiles ?? [];
  d['ignore files'] = ignoreFiles.length > 0
    ? ignoreFiles.map((f) => `${f.file} (${f.present ? 'present' : 'missing'}${f.protectsNothing ? ', indexing only' : ''})`)
    : [a.ignore[0]?.file ?? 'none documented'];
  if (a.ignore.length > 0) d['ignore gaps'] = a.ignore.map((i) => `${i.file}: ${i.gaps}`);
  const exposed = exposure?.exposed ?? [];
  d['sensitive files visible'] = exposed.length;
  if (exposed.length > 0) d['visible sensitive files'] = exposed.slice(0, SENSITIVE_LISTED);
  d['sensitive files covered'] = exposure?.covered ?? 0;
  if (perms.length > 0) d.permissions = perms.map((p) => `${p.setting} (${p.file})`);
  if (servers.length > 0) d['MCP servers'] = servers.map((s) => s.info.spec.name);
  d['edits arrive'] = a.editsArrive === 'both' ? 'workspace edits and writes to disk' : a.editsArrive === 'disk-write' ? 'writes to disk' : 'workspace edits';
  if (a.logs) d.logs = a.logs;
  return d;
}

function serverDetails(info: McpServerInfo, owner: string | undefined): Record<string, DetailValue> {
  const d: Record<string, DetailValue> = { transport: info.transport };
  if (owner) d.assistant = assistantById(owner)?.name ?? owner;
  if (info.launch) {
    d.launcher = info.launch.launcher;
    if (info.launch.spec) d.package = info.launch.spec;
    d.pinned = info.launch.pin === 'exact' ? 'yes (exact version)' : info.launch.pin === 'digest' ? 'yes (image digest)' : info.launch.pin === 'tag' ? 'by tag (mutable)' : info.launch.pin === 'local' ? 'local command' : 'no';
  } else if (info.spec.command) d.command = info.spec.command.value;
  if (info.displayArgs.length > 0) d.args = [...info.displayArgs];
  if (info.url) {
    d.url = info.url;
    d.host = info.host ?? '';
    d.scheme = info.scheme ?? '';
  }
  if (info.envNames.length > 0) d['env vars'] = [...info.envNames];
  if (info.secrets.length > 0) d['inline secrets'] = info.secrets.map((s) => `${s.key} = ${s.masked}`);
  if (info.roots.length > 0) d.roots = info.roots.map((r) => r.path);
  if (info.spec.autoApprove) d['approved without asking'] = info.spec.autoApprove === true ? 'all tools' : [...info.spec.autoApprove];
  if (info.spec.disabled) d.disabled = true;
  d.catalogue = info.profile.entry?.title ?? 'not in the catalogue (guessed from its name)';
  if (info.profile.reasons.length > 0) d['why these capabilities'] = [...info.profile.reasons];
  return d;
}

function modelDetails(load: ModelLoad): Record<string, DetailValue> {
  return {
    loader: load.callee,
    source: load.remote ? 'downloaded (hub or URL)' : 'local file',
    pinned: load.pinned ? 'yes (revision)' : load.remote ? 'no' : 'n/a',
    ...(load.issues.length > 0 ? { problems: load.issues.map((i) => i.label) } : {}),
  };
}
