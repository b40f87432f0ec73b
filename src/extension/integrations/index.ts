// The AI Integrations feature: builds each folder's inventory, shows it in the Redline container,
// marks changes since the last review ("needs review"), logs them, and refreshes on config changes.
import * as vscode from 'vscode';
import { compareInventories, inventoryToJson, mayLoadModels, modelLanguageOf, snapshotOf, type InventoryChange, type InventoryJson, type InventorySnapshot } from '../../core/inventory';
import { sensitiveMatcher } from '../../core/context/sensitive';
import type { RedlineServices } from '../services';
import { IntegrationsTreeProvider, fileUri, type FolderState, type IntegrationNode } from './integrationsView';
import { folderInventory, inventoryHost, INVENTORY_WATCH_GLOB } from './workspaceInventory';

const VIEW_ID = 'redline.integrations';
const REVIEWED_KEY = 'redline.integrations.reviewed';
const DEBOUNCE_MS = 500;

/** One folder's changes since its last review. */
export interface IntegrationChanges {
  readonly folder: vscode.WorkspaceFolder;
  readonly changes: readonly InventoryChange[];
}

/** What `redline.refreshIntegrations` returns (for tests and other features). */
export interface IntegrationsSnapshot {
  readonly folders: readonly { readonly name: string; readonly inventory: InventoryJson; readonly needsReview: readonly InventoryChange[] }[];
}

/** The handle `activateIntegrations` returns: connect the audit log to its events. */
export interface IntegrationsFeature {
  /** Fires when a refresh finds changes not seen before (new server, widened permission, new config). */
  readonly onDidChangeInventory: vscode.Event<IntegrationChanges>;
  /** Fires when the user marks the inventory reviewed, with what was acknowledged. */
  readonly onDidReviewInventory: vscode.Event<IntegrationChanges>;
  /** Rebuilds every folder's inventory now. */
  refresh(): Promise<IntegrationsSnapshot>;
}

class IntegrationsController implements vscode.Disposable {
  readonly tree = new IntegrationsTreeProvider();
  private readonly changedEmitter = new vscode.EventEmitter<IntegrationChanges>();
  private readonly reviewedEmitter = new vscode.EventEmitter<IntegrationChanges>();
  readonly onDidChangeInventory = this.changedEmitter.event;
  readonly onDidReviewInventory = this.reviewedEmitter.event;
  private states: FolderState[] = [];
  /** Changes already logged, per folder, so a refresh does not log them again. */
  private readonly logged = new Map<string, Set<string>>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: vscode.CancellationTokenSource | undefined;
  private pending: Promise<IntegrationsSnapshot> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private view: vscode.TreeView<IntegrationNode> | undefined;

  constructor(private readonly services: RedlineServices) {}

  attach(view: vscode.TreeView<IntegrationNode>): void {
    this.view = view;
  }

  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), DEBOUNCE_MS);
  }

  /**
   * Rebuilds the inventory. Refreshes run one at a time: a request made while one runs is served by
   * the next run (shared by every request made meanwhile), so no caller gets a stale result.
   */
  refresh(): Promise<IntegrationsSnapshot> {
    if (this.pending) return this.pending;
    const next = this.queue.then(() => {
      this.pending = undefined;
      return this.build();
    });
    this.pending = next;
    this.queue = next.catch(() => this.snapshot());
    return next;
  }

  private async build(): Promise<IntegrationsSnapshot> {
    const cts = new vscode.CancellationTokenSource();
    this.running = cts;
    try {
      const states: FolderState[] = [];
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        const inventory = await folderInventory(folder, this.services.config, cts.token);
        if (!inventory || cts.token.isCancellationRequested) return this.snapshot();
        const current = snapshotOf(inventory);
        const reviewed = this.reviewedSnapshot(folder) ?? (await this.storeReviewed(folder, current));
        const changes = compareInventories(reviewed, current);
        states.push({ folder, inventory, needsReview: new Map(changes.map((c) => [c.integration, c.message])) });
        this.logNew(folder, changes);
      }
      this.states = states;
      this.tree.show(inventoryHost(), states);
      this.render();
      return this.snapshot();
    } catch (err) {
      this.services.log.error('Could not build the AI integrations inventory', err);
      return this.snapshot();
    } finally {
      if (this.running === cts) this.running = undefined;
      cts.dispose();
    }
  }

  /** True when the last inventory lists a model load in `uri`. */
  hasModelsIn(uri: vscode.Uri): boolean {
    return this.states.some((s) => s.inventory.integrations.some((i) => i.kind === 'model' && fileUri(s.folder, i.source.file)?.toString() === uri.toString()));
  }

  /** Marks every folder's current inventory as reviewed (after reading it afresh). */
  async review(): Promise<void> {
    await this.refresh();
    for (const state of this.states) {
      const changes = compareInventories(this.reviewedSnapshot(state.folder) ?? { version: 1, entries: {} }, snapshotOf(state.inventory));
      await this.storeReviewed(state.folder, snapshotOf(state.inventory));
      this.logged.delete(state.folder.uri.toString());
      if (changes.length > 0) {
        this.services.log.info(`AI integrations reviewed in ${state.folder.name}: ${changes.map((c) => c.message).join(' ')}`);
        this.reviewedEmitter.fire({ folder: state.folder, changes });
      }
    }
    this.states = this.states.map((s) => ({ ...s, needsReview: new Map() }));
    this.tree.show(inventoryHost(), this.states);
    this.render();
  }

  snapshot(): IntegrationsSnapshot {
    return { folders: this.states.map((s) => ({
      name: s.folder.name, inventory: inventoryToJson(s.inventory),
      needsReview: compareInventories(this.reviewedSnapshot(s.folder) ?? { version: 1, entries: {} }, snapshotOf(s.inventory)),
    })) };
  }

  /** Quick pick of the sensitive files an assistant can still read. */
  async showVisible(node: IntegrationNode | undefined): Promise<void> {
    if (node?.kind !== 'integration' || node.integration.kind !== 'assistant') return;
    const files = node.integration.details['visible sensitive files'];
    const list = Array.isArray(files) ? (files as readonly string[]) : [];
    if (list.length === 0) {
      void vscode.window.showInformationMessage(`${node.integration.name} can read no sensitive file Redline knows of in ${node.state.folder.name}.`);
      return;
    }
    const total = Number(node.integration.details['sensitive files visible'] ?? list.length);
    const settings = this.services.config.get(node.state.folder.uri);
    const matcher = sensitiveMatcher({ add: settings['sensitiveFiles.add'], remove: settings['sensitiveFiles.remove'] });
    const pick = await vscode.window.showQuickPick(list.map((path) => ({ label: path, description: matcher(path).glob ? `matches ${matcher(path).glob}` : '' })), {
      title: `${node.integration.name} can read ${total} sensitive file${total === 1 ? '' : 's'}${total > list.length ? ` (first ${list.length} shown)` : ''}`,
      placeHolder: 'Open a file, or run "Redline: Sync AI exclusions" to keep them out',
    });
    if (pick) await vscode.window.showTextDocument(vscode.Uri.joinPath(node.state.folder.uri, pick.label));
  }

  async openConfig(node: IntegrationNode | undefined): Promise<void> {
    if (node?.kind !== 'integration') return;
    const uri = fileUri(node.state.folder, node.integration.source.file);
    if (!uri) {
      void vscode.window.showInformationMessage(`${node.integration.name} is not configured by a workspace file (${node.integration.source.file}).`);
      return;
    }
    const line = Math.max(0, (node.integration.source.line ?? 1) - 1);
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(line, 0, line, 0) });
  }

  async explain(node: IntegrationNode | undefined): Promise<void> {
    if (node?.kind !== 'finding') return;
    const uri = fileUri(node.state.folder, node.item.file) ?? node.state.folder.uri;
    await vscode.commands.executeCommand('redline.explainFinding', { uri: uri.toString(), ruleId: node.item.finding.ruleId });
  }

  private reviewedSnapshot(folder: vscode.WorkspaceFolder): InventorySnapshot | undefined {
    const all = this.services.context.workspaceState.get<Record<string, InventorySnapshot>>(REVIEWED_KEY) ?? {};
    return all[folder.uri.toString()];
  }

  private async storeReviewed(folder: vscode.WorkspaceFolder, snap: InventorySnapshot): Promise<InventorySnapshot> {
    const all = { ...(this.services.context.workspaceState.get<Record<string, InventorySnapshot>>(REVIEWED_KEY) ?? {}) };
    all[folder.uri.toString()] = snap;
    await this.services.context.workspaceState.update(REVIEWED_KEY, all);
    return snap;
  }

  private logNew(folder: vscode.WorkspaceFolder, changes: readonly InventoryChange[]): void {
    const key = folder.uri.toString();
    const seen = this.logged.get(key) ?? new Set<string>();
    const fresh = changes.filter((c) => !seen.has(c.message));
    for (const c of fresh) {
      seen.add(c.message);
      this.services.log.warn(`AI integrations changed in ${folder.name}: ${c.message} Review it in the AI Integrations view.`);
    }
    this.logged.set(key, seen);
    if (fresh.length > 0) this.changedEmitter.fire({ folder, changes: fresh });
  }

  private render(): void {
    const review = this.states.reduce((n, s) => n + s.needsReview.size, 0);
    const errors = this.states.reduce((n, s) => n + s.inventory.findings.filter((f) => f.finding.severity === 'error').length, 0);
    void vscode.commands.executeCommand('setContext', 'redline.integrationsNeedReview', review > 0);
    if (this.view) {
      this.view.badge = review > 0 ? { value: review, tooltip: `${review} AI integration change(s) to review` } : undefined;
      this.view.message = review > 0 ? `${review} change(s) since the last review. Run "Redline: Review AI Integrations" once checked.` : undefined;
      this.view.description = errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : undefined;
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.running?.cancel();
    this.changedEmitter.dispose();
    this.reviewedEmitter.dispose();
    this.tree.dispose();
  }
}

/** Registers the AI Integrations view, its commands and watchers; returns the hooks for the audit log. */
export function activateIntegrations(services: RedlineServices): IntegrationsFeature {
  const controller = new IntegrationsController(services);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: controller.tree, showCollapseAll: true });
  controller.attach(view);
  const watchers = (vscode.workspace.workspaceFolders ?? []).map((folder) => vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, INVENTORY_WATCH_GLOB)));
  services.context.subscriptions.push(controller, view, ...watchers,
    ...watchers.flatMap((w) => [w.onDidCreate(() => controller.schedule()), w.onDidChange(() => controller.schedule()), w.onDidDelete(() => controller.schedule())]),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      // A saved source matters only when it may load a model now, or did before.
      if (modelLanguageOf(doc.uri.path) && (mayLoadModels(doc.getText()) || controller.hasModelsIn(doc.uri))) controller.schedule();
    }),
    vscode.extensions.onDidChange(() => controller.schedule()),
    vscode.workspace.onDidChangeWorkspaceFolders(() => controller.schedule()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('chat.tools') || e.affectsConfiguration('mcp') || e.affectsConfiguration('redline')) controller.schedule();
    }),
    services.config.onDidChange(() => controller.schedule()),
    vscode.commands.registerCommand('redline.refreshIntegrations', () => controller.refresh()),
    vscode.commands.registerCommand('redline.reviewIntegrations', () => controller.review()),
    vscode.commands.registerCommand('redline.openIntegrationConfig', (node?: IntegrationNode) => controller.openConfig(node)),
    vscode.commands.registerCommand('redline.showIntegrationExposure', (node?: IntegrationNode) => controller.showVisible(node)),
    vscode.commands.registerCommand('redline.explainIntegrationFinding', (node?: IntegrationNode) => controller.explain(node)),
  );
  void controller.refresh();
  return { onDidChangeInventory: controller.onDidChangeInventory, onDidReviewInventory: controller.onDidReviewInventory, refresh: () => controller.refresh() };
}
