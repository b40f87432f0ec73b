// Renders the review store into diagnostics (Problems view, squiggles) and editor decorations
// (gutter mark and an end-of-line note on each line that lost a guardrail).
import * as vscode from 'vscode';
import type { Finding } from '../core/model';
import { baselineUri } from './baselineDocuments';
import { anchorLine, ruleDocUri, toRange, toSeverity } from './findingView';
import type { FileReview, ReviewStore } from './reviewStore';

export const DIAGNOSTIC_SOURCE = 'Redline';

/** Keeps diagnostics and decorations in step with the review store. */
export class FindingsPresenter implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('redline');
  private readonly decoration: vscode.TextEditorDecorationType;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly store: ReviewStore, private readonly extensionUri: vscode.Uri) {
    this.decoration = vscode.window.createTextEditorDecorationType({
      gutterIconPath: vscode.Uri.joinPath(extensionUri, 'media', 'gutter-removed.svg'),
      gutterIconSize: 'contain',
      backgroundColor: new vscode.ThemeColor('redline.guardrailRemovedBackground'),
      isWholeLine: true,
      overviewRulerColor: new vscode.ThemeColor('redline.guardrailRemovedForeground'),
      overviewRulerLane: vscode.OverviewRulerLane.Left,
      after: { color: new vscode.ThemeColor('redline.guardrailRemovedForeground'), margin: '0 0 0 2em', fontStyle: 'italic' },
    });
    this.disposables.push(
      this.diagnostics, this.decoration,
      store.onDidChange((uris) => uris.forEach((u) => this.render(u))),
      vscode.window.onDidChangeVisibleTextEditors(() => this.decorateVisible()),
    );
    for (const r of store.all()) this.render(r.uri);
  }

  private render(uri: vscode.Uri): void {
    const review = this.store.get(uri);
    this.diagnostics.set(uri, review ? review.findings.map((f) => this.toDiagnostic(uri, f)) : []);
    this.decorateVisible();
  }

  private toDiagnostic(uri: vscode.Uri, f: Finding): vscode.Diagnostic {
    const d = new vscode.Diagnostic(toRange(f.range), f.message, toSeverity(f.severity));
    d.source = DIAGNOSTIC_SOURCE;
    d.code = { value: f.ruleId, target: ruleDocUri(this.extensionUri, f.ruleId) };
    if (f.relatedRange) {
      d.relatedInformation = [new vscode.DiagnosticRelatedInformation(new vscode.Location(baselineUri(uri), toRange(f.relatedRange)),
        f.removedSnippet ? `was here in the last reviewed version: ${firstLine(f.removedSnippet)}` : 'was here in the last reviewed version')];
    }
    return d;
  }

  private decorateVisible(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      const review = this.store.get(editor.document.uri);
      editor.setDecorations(this.decoration, review ? decorationsFor(review, editor.document.lineCount) : []);
    }
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

function decorationsFor(review: FileReview, lineCount: number): vscode.DecorationOptions[] {
  const byLine = new Map<number, Finding[]>();
  for (const f of review.findings) {
    const line = anchorLine(f, lineCount);
    byLine.set(line, [...(byLine.get(line) ?? []), f]);
  }
  return [...byLine.entries()].map(([line, findings]) => ({
    range: new vscode.Range(line, 0, line, 0),
    renderOptions: { after: { contentText: findings.length === 1 ? `← ${noteFor(findings[0]!)}` : `← ${findings.length} guardrails removed` } },
  }));
}

function noteFor(f: Finding): string {
  switch (f.change) {
    case 'weakened': return 'guardrail weakened';
    case 'downgraded': return 'guardrail downgraded';
    default: return 'guardrail removed';
  }
}

function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim().length > 0)?.trim() ?? '';
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
