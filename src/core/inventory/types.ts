// The shapes of the AI integrations inventory: assistants, MCP servers and model loads, with findings.
import type { Finding, Severity } from '../model';
import type { SensitiveOptions } from '../context/sensitive';

/** What an integration can do, in the three parts of the "lethal trifecta". */
export type Capability = 'untrusted-input' | 'private-data' | 'acts-outside';

/** Every capability, in display order. */
export const capabilityOrder: readonly Capability[] = ['untrusted-input', 'private-data', 'acts-outside'];

/** Short labels for badges and reports. */
export const capabilityLabels: Readonly<Record<Capability, string>> = {
  'untrusted-input': 'reads untrusted input',
  'private-data': 'reads private data',
  'acts-outside': 'acts outside',
};

/** The three kinds of integration the inventory lists. */
export type IntegrationKind = 'assistant' | 'mcp-server' | 'model';

/** Where an integration is declared: a workspace file and 1-based line, or the editor (extension, host). */
export interface IntegrationSource {
  /** Workspace-relative path, or `extension:<id>` / `host:<app name>` when no file declares it. */
  readonly file: string;
  /** 1-based line in `file`; absent for extensions and hosts. */
  readonly line?: number;
}

/** One value in an integration's details: shown as `key: value` in tooltips and reports. Never a secret. */
export type DetailValue = string | number | boolean | readonly string[];

/** One assistant, MCP server or model load. */
export interface Integration {
  /** Stable identity across refreshes: `assistant:claude-code`, `mcp:.vscode/mcp.json#slack`, `model:ml/app.py:12`. */
  readonly id: string;
  readonly kind: IntegrationKind;
  readonly name: string;
  readonly source: IntegrationSource;
  readonly capabilities: readonly Capability[];
  /** Display details (transport, launcher, pinned, env var names, instruction files...). Secrets masked. */
  readonly details: Readonly<Record<string, DetailValue>>;
  /** Ids of the assistants that use this MCP server, or of the MCP servers an assistant uses. */
  readonly related: readonly string[];
}

/** A finding of the inventory, with the file it is in and the integrations it is about. */
export interface InventoryFinding {
  /** Workspace-relative path (or the integration's `source.file` when it has no file). */
  readonly file: string;
  readonly finding: Finding;
  /** Ids of the integrations the finding is about. */
  readonly integrations: readonly string[];
}

/** The editor Redline runs in, as `vscode.env` describes it. */
export interface InventoryHost {
  readonly appName: string;
  readonly uriScheme?: string;
  readonly appHost?: string;
  readonly remoteName?: string;
}

/** The policy's say on integrations. */
export interface InventoryPolicy {
  /** Allowed assistants and MCP servers: names, assistant or extension ids, packages, image names or URLs. Absent: no allow-list. */
  readonly allowed?: readonly string[] | null;
  /** Severity of `integration-not-allowed` (the policy's level for the rule); default the rule's. */
  readonly severity?: Severity;
}

/** Everything `buildInventory` reads; no I/O. */
export interface InventoryInput {
  /**
   * Text of the files the adapter read, by workspace-relative `/`-separated path: MCP configs, agent
   * settings, instruction files, ignore files (see `isInventoryConfigFile`) and source files that may
   * load models (see `mayLoadModels`). Other files are ignored.
   */
  readonly files: ReadonlyMap<string, string>;
  /** Every workspace-relative path (for assistant markers and the sensitive files an assistant can see). */
  readonly allPaths: readonly string[];
  /** Installed extension ids (`publisher.name`). */
  readonly installedExtensionIds?: readonly string[];
  readonly host?: InventoryHost;
  /** Workspace settings as an object (when `.vscode/settings.json` is not among `files`), for `mcp` and `chat.tools.*`. */
  readonly workspaceSettings?: Readonly<Record<string, unknown>>;
  readonly policy?: InventoryPolicy;
  /** Changes to the sensitive-file globs (settings and policy). */
  readonly sensitive?: SensitiveOptions;
}

/** The inventory of one workspace. */
export interface Inventory {
  readonly host?: InventoryHost;
  readonly integrations: readonly Integration[];
  readonly findings: readonly InventoryFinding[];
}
