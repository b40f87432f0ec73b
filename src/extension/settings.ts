// Redline's effective configuration: defaults < user settings < workspace settings < workspace
// policy, with enforced values and Restricted Mode applied by the core. Read through `get(uri)`,
// never through ad hoc `getConfiguration` calls.
import * as vscode from 'vscode';
import { settingLayers, type RedlineSettings } from '../core/config';
import { effectiveConfig, settingsOf, type EffectiveConfig, type Policy } from '../core/policy';
import { allRuleMetas } from '../core/rules';
import type { Severity } from '../core/model';

/** The policy in force for one workspace folder (the last good one). */
export interface FolderPolicy {
  readonly policy: Policy;
  readonly hash?: string;
}

/** Computes and caches the effective configuration per workspace folder. */
export class RedlineConfig implements vscode.Disposable {
  private readonly cache = new Map<string, EffectiveConfig>();
  private readonly policies = new Map<string, FolderPolicy>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private ruleDefaults: Record<string, Severity> | undefined;

  constructor() {
    this.disposables.push(
      this.changed,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('redline')) this.invalidate();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.invalidate()),
    );
  }

  /** Settings for a resource (or the window). */
  get(scope?: vscode.Uri): RedlineSettings {
    return settingsOf(this.effective(scope));
  }

  /** The full effective configuration with each value's source. */
  effective(scope?: vscode.Uri): EffectiveConfig {
    const folder = scope ? vscode.workspace.getWorkspaceFolder(scope) : vscode.workspace.workspaceFolders?.[0];
    const key = folder?.uri.toString() ?? '';
    let config = this.cache.get(key);
    if (!config) {
      const section = vscode.workspace.getConfiguration('redline', folder?.uri);
      const layers = settingLayers((k) => section.inspect(k));
      const policy = this.policies.get(key);
      this.ruleDefaults ??= Object.fromEntries(allRuleMetas().map((m) => [m.id, m.defaultSeverity]));
      config = effectiveConfig({ ...layers, ...(policy ? { policy: policy.policy, ...(policy.hash ? { policyHash: policy.hash } : {}) } : {}),
        trusted: vscode.workspace.isTrusted, ruleDefaults: this.ruleDefaults });
      this.cache.set(key, config);
    }
    return config;
  }

  /** Puts a (validated) policy in force for a folder, or removes it. */
  setPolicy(folder: vscode.WorkspaceFolder, policy: FolderPolicy | undefined): void {
    if (policy) this.policies.set(folder.uri.toString(), policy);
    else this.policies.delete(folder.uri.toString());
    this.invalidate();
  }

  private invalidate(): void {
    this.cache.clear();
    this.changed.fire();
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
