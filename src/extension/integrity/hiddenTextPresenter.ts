// Renders document scans: diagnostics (Problems view) and ghost text that makes each invisible
// character visible (`⟨U+202E⟩`; tag-character runs shown as the text they spell, masked).
import * as vscode from 'vscode';
import type { Finding } from '../../core/model';
import { codePointCode, displayHiddenText, hiddenCharacters, type HiddenCharFinding } from '../../core/unicode';
import { DIAGNOSTIC_SOURCE } from '../findingsPresenter';
import { ruleDocUri, toRange, toSeverity } from '../findingView';
import type { DocumentScan, DocumentScanner } from './documentScanner';

/** Runs longer than this get one summary label instead of one per character. */
const MAX_LABELS_PER_RUN = 16;
/** At most this many ghost labels per document (a file of nothing but hidden characters stays responsive). */
const MAX_LABELS_PER_DOCUMENT = 2000;
/** Decoded hidden text longer than this is cut in the ghost label (the hover shows it all). */
const MAX_GHOST_TEXT = 80;

/** Keeps the integrity diagnostics and ghost-text decorations in step with the scanner. */
export class HiddenTextPresenter implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('redline-integrity');
  private readonly ghost = vscode.window.createTextEditorDecorationType({
    before: {
      color: new vscode.ThemeColor('redline.hiddenCharacterForeground'),
      backgroundColor: new vscode.ThemeColor('redline.hiddenCharacterBackground'),
      fontStyle: 'italic',
      margin: '0 1px',
    },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly disposables: vscode.Disposable[] = [this.diagnostics, this.ghost];

  constructor(private readonly scanner: DocumentScanner, private readonly extensionUri: vscode.Uri) {
    this.disposables.push(
      scanner.onDidChange((uri) => this.render(uri)),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.decorate(e))),
    );
  }

  private render(uri: vscode.Uri): void {
    const editors = vscode.window.visibleTextEditors.filter((e) => e.document.uri.toString() === uri.toString());
    const doc = editors[0]?.document ?? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const scan = doc ? this.scanner.current(doc) : undefined;
    this.diagnostics.set(uri, scan ? scan.findings.map((f) => this.toDiagnostic(f)) : []);
    editors.forEach((e) => this.decorate(e));
  }

  private decorate(editor: vscode.TextEditor): void {
    const scan = this.scanner.current(editor.document);
    editor.setDecorations(this.ghost, scan ? ghostDecorations(scan, editor.document) : []);
  }

  private toDiagnostic(f: Finding): vscode.Diagnostic {
    const d = new vscode.Diagnostic(toRange(f.range), f.message, toSeverity(f.severity));
    d.source = DIAGNOSTIC_SOURCE;
    d.code = { value: f.ruleId, target: ruleDocUri(this.extensionUri, f.ruleId) };
    return d;
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

/** The ghost labels of a scan: one per hidden character, one per long run, the decoded text of tag runs. */
export function ghostDecorations(scan: DocumentScan, doc: vscode.TextDocument): vscode.DecorationOptions[] {
  const out: vscode.DecorationOptions[] = [];
  const add = (start: number, end: number, contentText: string): void => {
    out.push({ range: new vscode.Range(doc.positionAt(start), doc.positionAt(end)), renderOptions: { before: { contentText } } });
  };
  for (const h of scan.hidden) {
    if (out.length >= MAX_LABELS_PER_DOCUMENT) break;
    if (h.kind === 'tag' && h.decoded) {
      add(h.start, h.end, `⟨hidden text: "${shorten(displayHiddenText(h.decoded))}"⟩`);
      continue;
    }
    const chars = hiddenCharacters(h);
    if (chars.length > MAX_LABELS_PER_RUN) {
      add(h.start, h.end, runSummary(h));
      continue;
    }
    for (const c of chars) add(c.start, c.end, c.label);
  }
  return out;
}

/** `⟨U+200B ×40⟩` or `⟨U+200B ×20 U+200C ×20⟩` for a long run (at most three distinct characters named). */
export function runSummary(h: HiddenCharFinding): string {
  const counts = new Map<number, number>();
  for (const cp of h.codePoints) counts.set(cp, (counts.get(cp) ?? 0) + 1);
  const parts = [...counts].slice(0, 3).map(([cp, n]) => `${codePointCode(cp)} ×${n}`);
  return `⟨${parts.join(' ')}${counts.size > 3 ? ' …' : ''}⟩`;
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_GHOST_TEXT ? `${oneLine.slice(0, MAX_GHOST_TEXT - 1)}…` : oneLine;
}
