// Extension entry point: wires the adapter's parts together. No detection logic lives here.
import * as vscode from 'vscode';
import { GuardrailEngine } from '../core/guardrails';
import { Acknowledgements } from './acknowledgements';
import { Analyzer } from './analyzer';
import { BASELINE_SCHEME, BaselineDocuments, showRemovedCode } from './baselineDocuments';
import { FindingCodeActions } from './codeActions';
import { FindingCodeLensProvider } from './codeLens';
import { EditCommands } from './commands';
import { runDemoAiEdit } from './demo';
import { EditWatcher, type EditEventLog } from './editWatcher';
import { FindingsPresenter } from './findingsPresenter';
import { GitBaselines } from './git';
import { grammarLoader } from './grammars';
import { describeHost, detectHost, type HostInfo } from './host';
import { FindingHoverProvider } from './hover';
import { RedlineLog } from './log';
import { relativePath } from './paths';
import { needsReview, ReviewTreeProvider } from './reviewView';
import { allFindings, ReviewStore, type FileReview } from './reviewStore';
import { RedlineStatusBar } from './statusBar';
import { RedlineConfig } from './settings';
import { describeCapabilities, detectCapabilities, type Capabilities } from './capabilities';
import type { RedlineServices } from './services';
import { activateSupplyChain } from './supplyChain';
import { AuditLog } from './audit/auditLog';
import { activatePolicy } from './policy';
import { activateMentor } from './mentor';
import { activateCheck } from './check';
import { activateContextGuard, type ContextGuardProbe } from './contextGuard';
import { activateIntegrity } from './integrity';
import { activateIntegrations } from './integrations';

/** What the integration tests (and other extensions) can reach through `exports`. */
export interface RedlineApi {
  readonly host: HostInfo;
  /** Optional editor APIs found on this host. */
  readonly capabilities: Capabilities;
  /** The status bar item's text and tooltip. */
  status(): { text: string; tooltip: string };
  /** Errors logged since activation. */
  errors(): readonly string[];
  /** Files with unreviewed AI edits and their findings. */
  reviews(): readonly FileReview[];
  /** How often the engine ran on a file, and how long the last run took. */
  analysisStats(uri: vscode.Uri): { runs: number; lastMs: number };
  /** Recent classified edit events, newest last. */
  recentEdits(): readonly EditEventLog[];
  /** Runs pending analysis of `uri` now. */
  analyzeNow(uri: vscode.Uri): Promise<void>;
  /** Resolves once the workspace policy has been read. */
  policyReady(): Promise<void>;
  /** Where the audit log is written. */
  auditDirectory(): string | undefined;
  /** Sensitive-file warnings, status note and Explorer badges of the context guard. */
  readonly contextGuard: ContextGuardProbe;
}

export async function activate(context: vscode.ExtensionContext): Promise<RedlineApi> {
  const log = new RedlineLog();
  context.subscriptions.push(log);
  const host = detectHost();
  log.info(`Redline ${String(context.extension.packageJSON.version)} activating in ${describeHost(host)}`);
  const folders = vscode.workspace.workspaceFolders ?? [];
  log.info(folders.length === 0 ? 'No folder open: watching open editors only.' : `Workspace folders: ${folders.map((f) => f.name).join(', ')}`);
  if (!vscode.workspace.isTrusted) log.info('Restricted Mode: repository settings may only tighten Redline.');

  const capabilities = detectCapabilities(vscode);
  log.info(describeCapabilities(capabilities));
  const config = new RedlineConfig();
  context.subscriptions.push(config);
  const store = new ReviewStore(context.workspaceState, context.storageUri);
  const acks = new Acknowledgements(context.workspaceState);
  for (const folder of folders) await acks.loadFromRepository(folder);
  const engine = new GuardrailEngine(grammarLoader(context.extensionUri));
  const analyzer = new Analyzer(engine, store, acks, log, config);
  const git = new GitBaselines();
  const watcher = new EditWatcher(store, analyzer, git, log, config, capabilities);
  const commands = new EditCommands(store, analyzer, watcher, acks, git, log, context.extensionUri, config);
  const statusBar = new RedlineStatusBar();
  const reviewTree = new ReviewTreeProvider(store);
  const treeView = vscode.window.createTreeView('redline.review', { treeDataProvider: reviewTree, showCollapseAll: true });
  context.subscriptions.push(store, analyzer, git, watcher, statusBar, reviewTree, treeView,
    new FindingsPresenter(store, context.extensionUri),
    vscode.workspace.registerTextDocumentContentProvider(BASELINE_SCHEME, new BaselineDocuments(store)),
    vscode.languages.registerHoverProvider({ scheme: 'file' }, new FindingHoverProvider(store, config)),
    vscode.languages.registerCodeLensProvider({ scheme: 'file' }, new FindingCodeLensProvider(store)),
    vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, new FindingCodeActions(store), { providedCodeActionKinds: FindingCodeActions.kinds }),
    ...commands.register(),
    vscode.commands.registerCommand('redline.showOutput', () => log.show()),
    vscode.commands.registerCommand('redline.runDemoAiEdit', () => runDemoAiEdit()),
    vscode.commands.registerCommand('redline.refreshReview', () => Promise.all(store.all().map((r) => analyzer.analyzeNow(r.uri)))),
  );

  const renderStatus = (): void => {
    const open = store.all().filter(needsReview);
    statusBar.render({ unreviewedFiles: open.length, hasErrors: open.some((r) => allFindings(r).some((f) => f.severity === 'error')), trusted: vscode.workspace.isTrusted,
      enabled: config.get().enabled });
    void vscode.commands.executeCommand('setContext', 'redline.hasUnreviewed', open.length > 0);
    treeView.badge = open.length > 0 ? { value: open.length, tooltip: `${open.length} file(s) to review` } : undefined;
  };
  context.subscriptions.push(store.onDidChange(renderStatus), config.onDidChange(renderStatus));
  context.subscriptions.push(vscode.workspace.onDidSaveTextDocument(async (doc) => {
    const review = store.get(doc.uri);
    if (!review?.reviewRequired) return;
    const choice = await vscode.window.showWarningMessage(
      `${relativePath(doc.uri)} is a review checkpoint and has unreviewed AI edits.`, 'Review now');
    if (choice === 'Review now') await showRemovedCode(doc.uri);
  }));

  const audit = new AuditLog(context.storageUri, config, log);
  const services: RedlineServices = { context, log, config, store, analyzer, watcher, commands, acknowledgements: acks, git, audit };
  // Features: each registers its own providers, views and commands (keep one line each).
  activateSupplyChain(services);
  const policy = activatePolicy(services);
  activateMentor(services);
  activateCheck(services);
  const contextGuard = activateContextGuard(services);
  activateIntegrity(services);
  activateIntegrations(services);

  watcher.start();
  await git.start();
  context.subscriptions.push(git.onDidChangeHead((root) => void watcher.onHeadChanged(root)));
  for (const review of await store.restore()) analyzer.schedule(review.uri, 0);
  renderStatus();
  // Severities and thresholds may change with settings or the policy: recompute open reviews.
  context.subscriptions.push(config.onDidChange(() => store.all().forEach((r) => analyzer.schedule(r.uri, 0))));

  return {
    host,
    capabilities,
    status: () => statusBar.snapshot(),
    errors: () => log.errors(),
    reviews: () => store.all(),
    analysisStats: (uri) => analyzer.statsFor(uri),
    recentEdits: () => watcher.recentEvents(),
    analyzeNow: (uri) => analyzer.analyzeNow(uri),
    policyReady: () => policy.ready(),
    auditDirectory: () => audit.directory(),
    contextGuard,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
