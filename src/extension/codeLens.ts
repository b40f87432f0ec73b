// CodeLens above each function or route that lost guardrails in an AI edit.
import * as vscode from 'vscode';
import type { Finding } from '../core/model';
import { anchorLine } from './findingView';
import type { ReviewStore } from './reviewStore';

export class FindingCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: ReviewStore) {
    this.subscription = store.onDidChange(() => this.changed.fire());
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const review = this.store.get(doc.uri);
    if (!review || review.findings.length === 0) return [];
    const groups = new Map<string, Finding[]>();
    for (const f of review.findings) {
      const key = f.context ?? `line ${anchorLine(f, doc.lineCount)}`;
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    const lenses: vscode.CodeLens[] = [];
    for (const findings of groups.values()) {
      const line = Math.min(...findings.map((f) => anchorLine(f, doc.lineCount)));
      const n = findings.length;
      const range = new vscode.Range(line, 0, line, 0);
      lenses.push(new vscode.CodeLens(range, {
        title: `$(shield) Redline: ${n} guardrail${n === 1 ? '' : 's'} removed by an AI edit · Review`,
        command: 'redline.showRemovedCode',
        arguments: [doc.uri.toString(), line],
        tooltip: findings.map((f) => f.message).join('\n'),
      }));
    }
    return lenses;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
