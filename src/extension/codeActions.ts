// Quick fixes on Redline diagnostics: restore, show removed code, explain, acknowledge, mark reviewed.
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from './findingsPresenter';
import { refOf } from './findingLookup';
import type { ReviewStore } from './reviewStore';
import { ruleTitle } from './findingView';

export class FindingCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly store: ReviewStore) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const review = this.store.get(doc.uri);
    if (!review) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const ruleId = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
      const finding = review.findings.find((f) => f.ruleId === ruleId && f.range.start.line === diagnostic.range.start.line && f.message === diagnostic.message);
      if (!finding) continue;
      const ref = refOf(doc.uri, finding, review.version);
      const title = ruleTitle(ruleId);
      if (finding.restore && finding.restore.length > 0) {
        const restore = new vscode.CodeAction('Restore guardrail', vscode.CodeActionKind.QuickFix);
        restore.command = { title: 'Restore guardrail', command: 'redline.restoreGuardrail', arguments: [ref] };
        restore.diagnostics = [diagnostic];
        restore.isPreferred = true;
        actions.push(restore);
      }
      const show = new vscode.CodeAction('Show removed code', vscode.CodeActionKind.QuickFix);
      show.command = { title: 'Show removed code', command: 'redline.showRemovedCode', arguments: [doc.uri.toString(), finding.range.start.line] };
      show.diagnostics = [diagnostic];
      const explain = new vscode.CodeAction(`Explain: ${title}`, vscode.CodeActionKind.QuickFix);
      explain.command = { title: 'Explain', command: 'redline.explainFinding', arguments: [ref] };
      explain.diagnostics = [diagnostic];
      const ack = new vscode.CodeAction('Acknowledge with reason…', vscode.CodeActionKind.QuickFix);
      ack.command = { title: 'Acknowledge with reason', command: 'redline.acknowledgeFinding', arguments: [ref] };
      ack.diagnostics = [diagnostic];
      const reviewed = new vscode.CodeAction('Mark file reviewed', vscode.CodeActionKind.QuickFix);
      reviewed.command = { title: 'Mark file reviewed', command: 'redline.markFileReviewed', arguments: [doc.uri.toString()] };
      reviewed.diagnostics = [diagnostic];
      actions.push(show, explain, ack, reviewed);
    }
    return actions;
  }
}
