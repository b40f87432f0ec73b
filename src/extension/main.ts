// Extension entry point: wires the adapter's parts together. No detection logic lives here.
import * as vscode from 'vscode';
import { createLog } from './log';
import { describeHost, detectHost } from './host';
import { RedlineStatusBar } from './statusBar';

/** What other parts (and the integration tests) can reach through the extension's exports. */
export interface RedlineApi {
  readonly host: ReturnType<typeof detectHost>;
}

export function activate(context: vscode.ExtensionContext): RedlineApi {
  const log = createLog();
  context.subscriptions.push(log);
  const host = detectHost();
  log.info(`Redline ${String(context.extension.packageJSON.version)} activating in ${describeHost(host)}`);
  const folders = vscode.workspace.workspaceFolders ?? [];
  log.info(folders.length === 0 ? 'No folder open: watching open editors only.' : `Workspace folders: ${folders.map((f) => f.name).join(', ')}`);
  if (!vscode.workspace.isTrusted) log.info('Restricted Mode: repository settings may only tighten Redline.');

  const statusBar = new RedlineStatusBar();
  context.subscriptions.push(statusBar);
  context.subscriptions.push(vscode.commands.registerCommand('redline.showOutput', () => log.show(true)));
  return { host };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
