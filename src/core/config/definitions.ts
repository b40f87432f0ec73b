// The one table of Redline's settings: VS Code settings, policy keys, schemas and strictness all come from it.
import type { Severity } from '../model';

/** A rule level in settings and policy: a severity, or `off`. */
export type RuleLevel = 'off' | Severity;

/** Rule levels from loosest to tightest. */
export const RULE_LEVELS: readonly RuleLevel[] = ['off', 'info', 'warning', 'error'];

/** Registry URLs used by the online supply-chain checks. */
export interface RegistryUrls {
  readonly npm: string;
  readonly pypi: string;
  readonly osv: string;
}

/** Every Redline setting and policy-only key, by key (without the `redline.` prefix), with its value type. */
export interface RedlineSettings {
  readonly enabled: boolean;
  readonly 'aiEdit.minLines': number;
  readonly 'aiEdit.minChars': number;
  readonly 'analysis.debounceMs': number;
  readonly 'analysis.maxFileSizeKb': number;
  readonly baseline: 'gitHead' | 'firstOpen';
  readonly reviewRequired: readonly string[];
  readonly 'sensitiveFiles.add': readonly string[];
  readonly 'sensitiveFiles.remove': readonly string[];
  readonly excludeFromAI: readonly string[];
  readonly 'contextGuard.warn': 'whenAssistantPresent' | 'always' | 'never';
  /** Rule id → level; a rule not listed keeps its default severity. */
  readonly rules: Readonly<Record<string, RuleLevel>>;
  readonly requireAcknowledgementReason: boolean;
  readonly learningMode: boolean;
  readonly 'audit.enabled': boolean;
  /** Empty: the extension's workspace storage. Otherwise a path relative to the workspace root. */
  readonly 'audit.path': string;
  readonly 'supplyChain.onlineChecks': boolean;
  readonly 'supplyChain.registries': RegistryUrls;
  /** Policy only. `null`: no allow-list; otherwise assistant names/ids, MCP server names, packages or URLs allowed. */
  readonly 'integrations.allowed': readonly string[] | null;
  /** Policy only. Acknowledgements kept in `.redline/acknowledgements.json` so CI agrees. */
  readonly 'acknowledgements.inRepository': boolean;
  readonly 'instructions.trustInRepository': boolean;
}

/** A key of {@link RedlineSettings}. */
export type SettingKey = keyof RedlineSettings;

/** Shape of a value, which drives validation, schema generation and merging. */
export type SettingKind = 'boolean' | 'integer' | 'string' | 'enum' | 'globs' | 'ruleLevels' | 'registries' | 'allowList';

/**
 * Which way is stricter, for enforcement and Restricted Mode:
 * `true`/`false`: that boolean value is the strict one; `lower`/`higher`: numbers;
 * `order`: later entries of `enum` are stricter; `grow`: a list may only gain entries (union);
 * `shrink`: a list may only lose entries (intersection, `null` = unlimited); `ruleLevels`: per rule, `off` < `info` < `warning` < `error`;
 * `none`: no safe direction, so an untrusted workspace cannot change it at all.
 */
export type Tighter = 'true' | 'false' | 'lower' | 'higher' | 'order' | 'grow' | 'shrink' | 'ruleLevels' | 'none';

/** VS Code configuration scopes Redline uses. */
export type SettingScope = 'application' | 'machine' | 'machine-overridable' | 'window' | 'resource';

/** One row of the table. */
export interface SettingDefinition<K extends SettingKey = SettingKey> {
  readonly key: K;
  readonly kind: SettingKind;
  readonly default: RedlineSettings[K];
  readonly markdownDescription: string;
  readonly enum?: readonly string[];
  readonly enumDescriptions?: readonly string[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly scope: SettingScope;
  /** `false`: a policy-only key, not a VS Code setting. */
  readonly setting: boolean;
  /** Where the value sits in `.redline/policy.jsonc`, or `undefined` when a policy may not set it. */
  readonly policyPath?: readonly string[];
  /** Name used in the policy's `enforced` list (defaults to `policyPath` joined by dots). */
  readonly enforceAs?: string;
  /** Across layers: `replace` (a later layer replaces) or `union` (lists accumulate). */
  readonly merge: 'replace' | 'union';
  readonly tighter: Tighter;
}

const GLOBS_NOTE = 'Glob patterns (minimatch) relative to the workspace root.';

/** Every setting and policy key, in the order the Settings UI shows them. */
export const SETTING_DEFINITIONS: readonly SettingDefinition[] = [
  def({ key: 'enabled', kind: 'boolean', default: true, scope: 'window', tighter: 'true',
    markdownDescription: 'Turn Redline on or off for this window. A workspace policy cannot switch it off.' }),
  def({ key: 'aiEdit.minLines', kind: 'integer', default: 3, minimum: 1, maximum: 1000, scope: 'resource', tighter: 'lower', policyPath: ['aiEdit', 'minLines'],
    markdownDescription: 'A single change that inserts or replaces at least this many lines counts as an AI-like bulk edit (not typing).' }),
  def({ key: 'aiEdit.minChars', kind: 'integer', default: 120, minimum: 1, maximum: 100000, scope: 'resource', tighter: 'lower', policyPath: ['aiEdit', 'minChars'],
    markdownDescription: 'A single change that inserts or replaces at least this many characters counts as an AI-like bulk edit (not typing).' }),
  def({ key: 'analysis.debounceMs', kind: 'integer', default: 300, minimum: 50, maximum: 5000, scope: 'window', tighter: 'none',
    markdownDescription: 'Wait this long after the last change to a document before analysing it.' }),
  def({ key: 'analysis.maxFileSizeKb', kind: 'integer', default: 2048, minimum: 16, maximum: 16384, scope: 'window', tighter: 'higher',
    markdownDescription: 'Files larger than this (in KiB) are not analysed.' }),
  def({ key: 'baseline', kind: 'enum', default: 'gitHead', enum: ['firstOpen', 'gitHead'], scope: 'resource', tighter: 'order', policyPath: ['baseline'],
    enumDescriptions: ['Compare AI edits with the file as it was when first opened in this session.', 'Compare AI edits with the file at git `HEAD` (the last reviewed version), else when first opened.'],
    markdownDescription: 'What an AI edit is compared with to find dropped guardrails.' }),
  def({ key: 'reviewRequired', kind: 'globs', scope: 'resource', tighter: 'grow', policyPath: ['reviewRequired'],
    default: ['**/auth/**', '**/security/**', '**/middleware/**', '**/*.tf', '**/Dockerfile', '.github/workflows/**', '**/k8s/**/*.y*ml', '**/migrations/**'],
    markdownDescription: `Files that join the Review view after any AI-like edit, even with no finding. ${GLOBS_NOTE}` }),
  def({ key: 'sensitiveFiles.add', kind: 'globs', default: [], scope: 'resource', tighter: 'grow', merge: 'union', policyPath: ['sensitive'], enforceAs: 'sensitive',
    markdownDescription: `Extra sensitive files (besides the built-in list such as \`.env*\`, \`*.pem\`, \`id_rsa*\`) that should not reach an AI assistant. ${GLOBS_NOTE}` }),
  def({ key: 'sensitiveFiles.remove', kind: 'globs', default: [], scope: 'resource', tighter: 'shrink', enforceAs: 'sensitive',
    markdownDescription: 'Built-in sensitive patterns to drop (exact pattern text). Ignored when the workspace policy enforces `sensitive`, and in Restricted Mode.' }),
  def({ key: 'excludeFromAI', kind: 'globs', default: [], scope: 'resource', tighter: 'grow', merge: 'union', policyPath: ['excludeFromAI'],
    markdownDescription: `Extra patterns written into every assistant's ignore file by **Redline: Sync AI exclusions**, besides the sensitive files. ${GLOBS_NOTE}` }),
  def({ key: 'contextGuard.warn', kind: 'enum', default: 'whenAssistantPresent', enum: ['never', 'whenAssistantPresent', 'always'], scope: 'resource', tighter: 'order', policyPath: ['contextGuard', 'warn'],
    enumDescriptions: ['Never warn when a sensitive file is opened.', 'Warn when an AI assistant is installed or configured in the workspace.', 'Always warn when a sensitive file is opened.'],
    markdownDescription: 'When to warn that a sensitive file open in an editor may reach an AI assistant.' }),
  def({ key: 'rules', kind: 'ruleLevels', default: {}, scope: 'resource', tighter: 'ruleLevels', policyPath: ['rules'],
    markdownDescription: 'Level per rule id: `off`, `info`, `warning` or `error`. Rules not listed keep their default severity. Example: `{ "auth-check-removed": "error" }`.' }),
  def({ key: 'requireAcknowledgementReason', kind: 'boolean', default: true, scope: 'resource', tighter: 'true', policyPath: ['requireAcknowledgementReason'],
    markdownDescription: 'Require a non-empty reason to acknowledge a finding.' }),
  def({ key: 'learningMode', kind: 'boolean', default: false, scope: 'window', tighter: 'true', policyPath: ['learningMode'],
    markdownDescription: 'Longer explanations in hovers, a "Why?" link, and a one-time note the first time each rule fires.' }),
  def({ key: 'audit.enabled', kind: 'boolean', default: true, scope: 'resource', tighter: 'true', policyPath: ['audit', 'enabled'],
    markdownDescription: 'Keep a tamper-evident audit log of AI edits, findings, restores, acknowledgements and policy changes.' }),
  def({ key: 'audit.path', kind: 'string', default: '', scope: 'resource', tighter: 'none', policyPath: ['audit', 'path'],
    markdownDescription: 'Folder for the audit log, relative to the workspace root. Empty: the extension\'s workspace storage, so nothing is written into the repository.' }),
  def({ key: 'supplyChain.onlineChecks', kind: 'boolean', default: false, scope: 'resource', tighter: 'none', policyPath: ['supplyChain', 'onlineChecks'],
    markdownDescription: 'Ask package registries and OSV about new dependencies (sends package names over the network).' }),
  def({ key: 'supplyChain.registries', kind: 'registries', scope: 'machine-overridable', tighter: 'none', policyPath: ['supplyChain', 'registries'],
    default: { npm: 'https://registry.npmjs.org', pypi: 'https://pypi.org', osv: 'https://api.osv.dev' },
    markdownDescription: 'Registry URLs for the online checks (a company mirror, for instance).' }),
  def({ key: 'integrations.allowed', kind: 'allowList', default: null, scope: 'resource', tighter: 'shrink', setting: false, policyPath: ['integrations', 'allowed'],
    markdownDescription: 'Assistants and MCP servers the team allows, by name, extension id, package or URL. Anything else is a finding. Absent: no allow-list.' }),
  def({ key: 'acknowledgements.inRepository', kind: 'boolean', default: false, scope: 'resource', tighter: 'false', setting: false, policyPath: ['acknowledgements', 'inRepository'],
    markdownDescription: 'Keep acknowledgements in `.redline/acknowledgements.json` so CI and every editor agree. Ignored in Restricted Mode (a repository cannot acknowledge its own findings).' }),
  def({ key: 'instructions.trustInRepository', kind: 'boolean', default: false, scope: 'resource', tighter: 'false', setting: false, policyPath: ['instructions', 'trustInRepository'],
    markdownDescription: 'Keep the hashes of reviewed instruction and agent-config files in `.redline/trusted-instructions.json`, so a trust decision is shared through the repository. Ignored in Restricted Mode (a repository cannot trust its own instructions).' }),
];

type DefInput<K extends SettingKey> = Omit<SettingDefinition<K>, 'setting' | 'merge'> & { setting?: boolean; merge?: 'replace' | 'union' };

function def<K extends SettingKey>(d: DefInput<K>): SettingDefinition {
  return { setting: true, merge: 'replace', ...d } as SettingDefinition;
}

/** The definition of a key. */
export function definitionOf<K extends SettingKey>(key: K): SettingDefinition<K> {
  const found = SETTING_DEFINITIONS.find((d) => d.key === key);
  if (!found) throw new Error(`unknown setting ${key}`);
  return found as unknown as SettingDefinition<K>;
}

/** The built-in defaults of every key. */
export function defaultSettings(): RedlineSettings {
  const out: Record<string, unknown> = {};
  for (const d of SETTING_DEFINITIONS) out[d.key] = structuredClone(d.default);
  return out as unknown as RedlineSettings;
}

/** The name a key goes by in the policy's `enforced` list, or `undefined`. */
export function enforceNameOf(d: SettingDefinition): string | undefined {
  return d.enforceAs ?? d.policyPath?.join('.');
}

/** Every name the policy's `enforced` list accepts (besides `rules.<id>`). */
export function enforceableNames(): string[] {
  const names = new Set<string>();
  for (const d of SETTING_DEFINITIONS) {
    const n = enforceNameOf(d);
    if (n) names.add(n);
    if (d.policyPath && d.policyPath.length > 1) names.add(d.policyPath[0] ?? '');
  }
  return [...names].filter(Boolean).sort();
}
