// Analyses one declared MCP server: transport, launcher and pinning, remote host, environment,
// inline secrets, filesystem roots and the capability profile.
import { unpinnedPackage } from '../instructions/agent-config';
import { isPlaceholder, isReference } from '../secrets';
import { detectSecrets } from '../secrets';
import { maskSecret } from '../text';
import { profileServer, type CapabilityProfile } from './catalogue';
import type { Located, LocatedEntry, ServerSpec } from './mcp-config';

/** How a stdio server is started. */
export interface Launch {
  /** `npx`, `uvx`, `docker run`, `node`, `python`... */
  readonly launcher: string;
  /** Package or image as written (`@modelcontextprotocol/server-slack@1.2.3`, `ghcr.io/x/y:1.0`). */
  readonly spec?: string;
  /** Package or image name without version, tag or digest. */
  readonly packageName?: string;
  /** `exact` version, `digest`, mutable `tag`, or `none`; `local` for a local script. */
  readonly pin: 'exact' | 'digest' | 'tag' | 'none' | 'local';
  /** The pinned form to suggest, when not pinned. */
  readonly example?: string;
}

/** An inline secret in a server's config, masked. */
export interface InlineSecret {
  /** `env`, `headers`, `args` or `url`. */
  readonly where: string;
  readonly key: string;
  readonly masked: string;
  /** Zero-based line. */
  readonly line: number;
}

/** One analysed MCP server. */
export interface McpServerInfo {
  readonly spec: ServerSpec;
  readonly transport: 'stdio' | 'http' | 'sse';
  readonly launch?: Launch;
  /** URL with any credentials in it masked. */
  readonly url?: string;
  readonly host?: string;
  readonly scheme?: string;
  readonly envNames: readonly string[];
  readonly secrets: readonly InlineSecret[];
  /** Folders a filesystem server may read, as written; `broad` ones are `/` or a home folder. */
  readonly roots: readonly { readonly path: string; readonly broad: boolean; readonly line: number }[];
  readonly profile: CapabilityProfile;
  /** Arguments for display, with secrets masked. */
  readonly displayArgs: readonly string[];
}

const NPM_LAUNCHERS = new Set(['npx', 'bunx', 'pnpx']);
const PY_LAUNCHERS = new Set(['uvx', 'pipx']);

/** How `argv` starts its server, and whether what it starts is pinned. */
export function launchOf(argv: readonly string[]): Launch | undefined {
  const exe = (argv[0] ?? '').replace(/^.*[\\/]/, '').replace(/\.(?:cmd|exe)$/i, '');
  if (!exe) return undefined;
  const unpinned = unpinnedPackage(argv);
  if (exe === 'docker' || exe === 'podman') {
    const image = imageArg(argv.slice(1));
    if (!image) return { launcher: exe, pin: 'local' };
    const packageName = image.replace(/@sha256:.*$/, '').replace(/:[^/:]+$/, '');
    const pin = image.includes('@sha256:') ? 'digest' : unpinned ? 'none' : 'tag';
    return { launcher: `${exe} run`, spec: image, packageName, pin, ...(unpinned ? { example: unpinned.example } : {}) };
  }
  const isNpm = NPM_LAUNCHERS.has(exe) || ((exe === 'pnpm' || exe === 'yarn') && argv[1] === 'dlx');
  const isPy = PY_LAUNCHERS.has(exe) || (exe === 'uv' && argv[1] === 'tool');
  if (isNpm || isPy) {
    const launcher = exe === 'pnpm' || exe === 'yarn' ? `${exe} dlx` : exe === 'uv' ? 'uv tool run' : exe === 'pipx' ? 'pipx run' : exe;
    const skip = launcher.split(' ').length;
    const spec = firstPackage(argv.slice(skip), isNpm ? ['-p', '--package'] : ['--from', '--spec']);
    if (!spec) return { launcher, pin: 'local' };
    const packageName = isNpm ? spec.replace(/^((?:@[^/@\s]+\/)?[^@\s]+)@.*$/, '$1') : spec.replace(/[@=<>~!].*$/, '');
    if (/^[.~/]|^[A-Za-z]:\\/.test(spec)) return { launcher, spec, packageName: spec, pin: 'local' };
    return { launcher, spec, packageName, pin: unpinned ? 'none' : 'exact', ...(unpinned ? { example: unpinned.example } : {}) };
  }
  const script = argv.slice(1).find((a) => !a.startsWith('-'));
  return { launcher: exe, ...(script ? { spec: script, packageName: script } : {}), pin: 'local' };
}

function firstPackage(args: readonly string[], fromFlags: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (fromFlags.includes(a)) return args[i + 1];
    const eq = fromFlags.find((f) => a.startsWith(`${f}=`));
    if (eq) return a.slice(eq.length + 1);
    if (a === 'run' && i === 0) continue;
    if (!a.startsWith('-')) return a;
  }
  return undefined;
}

const DOCKER_VALUE_FLAGS = new Set(['-e', '--env', '-v', '--volume', '-p', '--publish', '--name', '--network', '-w', '--workdir', '--mount', '--env-file', '-u', '--user', '--entrypoint', '-l', '--label', '--platform', '--add-host', '-h', '--hostname', '--cpus', '-m', '--memory']);

function imageArg(args: readonly string[]): string | undefined {
  if (args[0] !== 'run') return undefined;
  for (let i = 1; i < args.length; i++) {
    const a = args[i] ?? '';
    if (DOCKER_VALUE_FLAGS.has(a)) { i++; continue; }
    if (!a.startsWith('-')) return a;
  }
  return undefined;
}

const SECRET_KEY = /(?:TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?|AUTH|(?:^|_)PAT(?:$|_)|Authorization|Cookie)/i;
const TOKEN_SHAPE = /^(?:Bearer\s+|Basic\s+)?(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_\w{20,}|sk-[A-Za-z0-9_-]{16,}|xox[abprse]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16}|glpat-[A-Za-z0-9_-]{16,}|AIza[0-9A-Za-z_-]{30,}|npm_[A-Za-z0-9]{30,}|lin_api_[A-Za-z0-9]{20,}|sntrys_[A-Za-z0-9_]{20,})/;

/** True when `value`, set for `key`, is a credential written into the config (not a reference or placeholder). */
export function isInlineSecret(key: string, value: string): boolean {
  const v = value.replace(/^(?:Bearer|Basic|token)\s+/i, '').trim();
  if (v.length < 8 || isReference(v) || /\$\{|\{\{/.test(v)) return false;
  if (TOKEN_SHAPE.test(v)) return true;
  if (isPlaceholder(v)) return false;
  if (SECRET_KEY.test(key) && !/^(?:true|false|\d{1,7}|https?:\/\/\S*)$/i.test(v)) return true;
  return detectSecrets(`${key}="${v}"`).some((s) => s.confidence !== 'low');
}

function secretsIn(where: string, list: readonly LocatedEntry[]): InlineSecret[] {
  return list.filter((e) => isInlineSecret(e.key, e.value))
    .map((e) => ({ where, key: e.key, masked: maskSecret(e.value.replace(/^(?:Bearer|Basic|token)\s+/i, '').trim()), line: e.line }));
}

const ARG_SECRET = /^--?([\w-]{0,40}(?:token|api[-_]?key|secret|password|access[-_]?token)[\w-]{0,20})=(.{8,})$/i;

function argSecrets(args: readonly Located[]): InlineSecret[] {
  const out: InlineSecret[] = [];
  for (const a of args) {
    const m = ARG_SECRET.exec(a.value);
    if (m && isInlineSecret(m[1] ?? 'token', m[2] ?? '')) out.push({ where: 'args', key: m[1] ?? 'token', masked: maskSecret(m[2] ?? ''), line: a.line });
  }
  return out;
}

/** `--token=abcd…` for display: secrets in arguments masked. */
function displayArg(a: string): string {
  const m = ARG_SECRET.exec(a);
  if (m && isInlineSecret(m[1] ?? 'token', m[2] ?? '')) return `--${m[1] ?? 'token'}=${maskSecret(m[2] ?? '')}`;
  return TOKEN_SHAPE.test(a) ? maskSecret(a) : a;
}

interface ParsedUrl { readonly display: string; readonly host: string; readonly scheme: string; readonly secret?: InlineSecret }

function parseUrl(url: Located): ParsedUrl | undefined {
  const m = /^([a-zA-Z][\w+.-]{0,20}):\/\/(?:([^/@\s]{1,200})@)?([^/:?#\s]{1,253})/.exec(url.value.trim());
  if (!m) return undefined;
  let display = url.value.trim();
  let secret: InlineSecret | undefined;
  if (m[2]) {
    secret = { where: 'url', key: 'userinfo', masked: maskSecret(m[2]), line: url.line };
    display = display.replace(`${m[2]}@`, `${maskSecret(m[2])}@`);
  }
  const q = /[?&]((?:api[-_]?key|key|token|access[-_]?token|secret|auth)=)([^&#\s]{8,})/i.exec(display);
  if (q?.[2] && !isReference(q[2])) {
    secret ??= { where: 'url', key: (q[1] ?? '').replace(/=$/, ''), masked: maskSecret(q[2]), line: url.line };
    display = display.replace(q[2], maskSecret(q[2]));
  }
  return { display, host: (m[3] ?? '').toLowerCase(), scheme: (m[1] ?? '').toLowerCase(), ...(secret ? { secret } : {}) };
}

const BROAD_ROOT = /^(?:\/|~\/?|\$HOME\/?|\$\{(?:env:)?HOME\}\/?|\$\{userHome\}\/?|%USERPROFILE%\\?|[A-Za-z]:\\?|\/(?:Users|home)\/[^/]+\/?|C:\\Users\\[^\\]+\\?|\/root\/?)$/;

/** True when a filesystem root is `/`, a drive or a home folder. */
export function isBroadRoot(path: string): boolean {
  return BROAD_ROOT.test(path.trim());
}

/** Analyses a declared server. */
export function analyzeServer(spec: ServerSpec): McpServerInfo {
  const argv = spec.command ? [...spec.command.value.trim().split(/\s+/), ...spec.args.map((a) => a.value)] : [];
  const launch = spec.command ? launchOf(argv) : undefined;
  const parsedUrl = spec.url ? parseUrl(spec.url) : undefined;
  const type = (spec.type ?? '').toLowerCase();
  const transport: McpServerInfo['transport'] = spec.url && !spec.command ? (type === 'sse' ? 'sse' : 'http') : 'stdio';
  const identity = launch?.packageName ?? parsedUrl?.host ?? spec.command?.value ?? '';
  const identityFull = `${identity} ${parsedUrl ? (spec.url?.value ?? '').replace(/^[a-z][\w+.-]*:\/\//i, '') : ''}`;
  const profile = profileServer(identityFull, spec.name, spec.args.map((a) => a.value), transport === 'stdio' ? undefined : parsedUrl?.host);
  const secrets = [...secretsIn('env', spec.env), ...secretsIn('headers', spec.headers), ...argSecrets(spec.args), ...(parsedUrl?.secret ? [parsedUrl.secret] : [])];
  const roots = profile.filesystem ? rootsOf(spec, launch) : [];
  return {
    spec, transport,
    ...(launch ? { launch } : {}),
    ...(parsedUrl ? { url: parsedUrl.display, host: parsedUrl.host, scheme: parsedUrl.scheme } : {}),
    envNames: spec.env.map((e) => e.key),
    secrets, roots, profile,
    displayArgs: spec.args.map((a) => displayArg(a.value)),
  };
}

/** The path arguments after the package of a filesystem server. */
function rootsOf(spec: ServerSpec, launch: Launch | undefined): { path: string; broad: boolean; line: number }[] {
  const args = spec.args;
  const at = launch?.spec ? args.findIndex((a) => a.value === launch.spec) : -1;
  const after = at >= 0 ? args.slice(at + 1) : args.filter((a) => !a.value.startsWith('-') && a.value !== launch?.spec);
  return after.filter((a) => !a.value.startsWith('-') && /^(?:[/~.$%]|[A-Za-z]:\\)/.test(a.value))
    .map((a) => ({ path: a.value, broad: isBroadRoot(a.value), line: a.line }));
}
