// Extension entry point: wires the adapter's parts together. No detection logic lives here.
import * as vscode from 'vscode';
import { RedlineLog } from './log';
import { describeHost, detectHost, type HostInfo } from './host';
import { RedlineStatusBar } from './statusBar';

/** What the integration tests (and other extensions) can reach through `exports`. */
export interface RedlineApi {
  readonly host: HostInfo;
  /** The status bar item's text and tooltip. */
  status(): { text: string; tooltip: string };
  /** Errors logged since activation. */
  errors(): readonly string[];
}

export function activate(context: vscode.ExtensionContext): RedlineApi {
  const log = new RedlineLog();
  context.subscriptions.push(log);
  const host = detectHost();
  log.info(`Redline ${String(context.extension.packageJSON.version)} activating in ${describeHost(host)}`);
  const folders = vscode.workspace.workspaceFolders ?? [];
  log.info(folders.length === 0 ? 'No folder open: watching open editors only.' : `Workspace folders: ${folders.map((f) => f.name).join(', ')}`);
  if (!vscode.workspace.isTrusted) log.info('Restricted Mode: repository settings may only tighten Redline.');

  const statusBar = new RedlineStatusBar();
  context.subscriptions.push(statusBar);
  context.subscriptions.push(vscode.commands.registerCommand('redline.showOutput', () => log.show()));
  return {
    host,
    status: () => statusBar.snapshot(),
    errors: () => log.errors(),
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
