// The `redline-baseline:` virtual documents: the last reviewed version of a file, for the diff
// editor ("Show removed code") and for diagnostics' related information.
import * as vscode from 'vscode';
import type { ReviewStore } from './reviewStore';

export const BASELINE_SCHEME = 'redline-baseline';

/** The baseline URI for a file: same path, Redline's scheme, the original URI in the query. */
export function baselineUri(uri: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: BASELINE_SCHEME, path: uri.path, query: uri.toString() });
}

/** Serves baseline text from the review store. */
export class BaselineDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: ReviewStore) {
    this.subscription = store.onDidChange((uris) => uris.forEach((u) => this.changed.fire(baselineUri(u))));
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const original = vscode.Uri.parse(uri.query);
    return this.store.get(original)?.baseline.text ?? '';
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** Opens the diff editor between the baseline and the current file. */
export async function showRemovedCode(uri: vscode.Uri, line?: number): Promise<void> {
  const name = uri.path.split('/').pop() ?? uri.path;
  await vscode.commands.executeCommand('vscode.diff', baselineUri(uri), uri, `${name}: last reviewed ↔ now (Redline)`,
    line === undefined ? undefined : { selection: new vscode.Range(line, 0, line, 0) });
}
