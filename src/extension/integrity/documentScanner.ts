// Scans every open document for hidden Unicode, confusable identifiers and instruction-file risks:
// debounced per document, skipped above the size setting. The core decides; this class schedules and caches.
import * as vscode from 'vscode';
import { detectAgentSettingsRisks, detectInstructionRisks, isInstructionFile } from '../../core/instructions';
import type { Finding } from '../../core/model';
import { toFinding as confusableFinding } from '../../core/rules/confusable-identifier';
import { toFinding as hiddenFinding } from '../../core/rules/hidden-unicode';
import { detectHiddenUnicode, type HiddenCharFinding } from '../../core/unicode';
import { relativePath } from '../paths';
import type { RedlineServices } from '../services';

/** What one scan of a document found; `findings[i]` for `i < hidden.length` is the finding of `hidden[i]` (or `undefined` when its rule is off). */
export interface DocumentScan {
  readonly uri: vscode.Uri;
  readonly version: number;
  readonly instructionFile: boolean;
  /** Hidden-character runs and confusable words whose rule is not off, in text order. */
  readonly hidden: readonly HiddenCharFinding[];
  /** Every finding to show as a diagnostic: those of `hidden` first, then instruction and agent-config risks. */
  readonly findings: readonly Finding[];
}

/** Schemes of documents a person edits (not diff views, output or Redline's own virtual documents). */
const SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-userdata']);

/** Keeps one up-to-date `DocumentScan` per open document and tells listeners when one changes. */
export class DocumentScanner implements vscode.Disposable {
  private readonly scans = new Map<string, DocumentScan>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly services: RedlineServices) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((doc) => this.schedule(doc, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => { if (e.contentChanges.length > 0) this.schedule(e.document); }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri)),
      services.config.onDidChange(() => this.rescanAll()),
    );
    this.rescanAll();
  }

  /** The scan of `doc` if it is current (same version), else undefined. */
  current(doc: vscode.TextDocument): DocumentScan | undefined {
    const scan = this.scans.get(doc.uri.toString());
    return scan && scan.version === doc.version ? scan : undefined;
  }

  /** The scan of `doc` at its current version, computed now when the cached one is stale. */
  scanNow(doc: vscode.TextDocument): DocumentScan | undefined {
    const fresh = this.current(doc) ?? this.compute(doc);
    if (fresh) this.store(fresh);
    return fresh;
  }

  /** Debounces a scan of `doc` (`analysis.debounceMs` unless `delayMs` is given). */
  schedule(doc: vscode.TextDocument, delayMs?: number): void {
    if (!SCHEMES.has(doc.uri.scheme)) return;
    const key = doc.uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    const delay = delayMs ?? this.services.config.get(doc.uri)['analysis.debounceMs'];
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      if (doc.isClosed) return;
      try {
        const scan = this.compute(doc);
        if (scan) this.store(scan);
        else this.forget(doc.uri);
      } catch (err) {
        this.services.log.error(`Hidden-Unicode scan of ${relativePath(doc.uri)} failed`, err);
      }
    }, delay));
  }

  private rescanAll(): void {
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 0);
  }

  private store(scan: DocumentScan): void {
    const key = scan.uri.toString();
    const before = this.scans.get(key);
    this.scans.set(key, scan);
    if (!before || before.version !== scan.version || before.findings.length > 0 || scan.findings.length > 0) this.changed.fire(scan.uri);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.delete(key);
    if (this.scans.delete(key)) this.changed.fire(uri);
  }

  /** Runs the core on the document's text; undefined when Redline is off or the file is too large. */
  private compute(doc: vscode.TextDocument): DocumentScan | undefined {
    const settings = this.services.config.get(doc.uri);
    if (!settings.enabled || !SCHEMES.has(doc.uri.scheme)) return undefined;
    const text = doc.getText();
    if (text.length > settings['analysis.maxFileSizeKb'] * 1024) return undefined;
    const path = relativePath(doc.uri);
    const instructionFile = doc.uri.scheme !== 'untitled' && isInstructionFile(path);
    const level = (f: Finding): Finding | undefined => {
      const set = settings.rules[f.ruleId];
      if (set === 'off' || this.services.acknowledgements.covers(doc.uri, f)) return undefined;
      return set === 'error' || set === 'warning' || set === 'info' ? { ...f, severity: set } : f;
    };
    const hidden: HiddenCharFinding[] = [];
    const findings: Finding[] = [];
    for (const h of detectHiddenUnicode(text, { languageId: doc.languageId, path, isInstructionFile: instructionFile })) {
      const f = level(h.kind === 'confusable' ? confusableFinding(h, instructionFile) : hiddenFinding(h, instructionFile));
      if (!f) continue;
      hidden.push(h);
      findings.push(f);
    }
    const risks = instructionFile ? detectInstructionRisks(path, text, { hiddenUnicode: false }) : detectAgentSettingsRisks(path, text);
    for (const r of risks) {
      const f = level(r);
      if (f) findings.push(f);
    }
    return { uri: doc.uri, version: doc.version, instructionFile, hidden, findings };
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.disposables.forEach((d) => d.dispose());
  }
}
