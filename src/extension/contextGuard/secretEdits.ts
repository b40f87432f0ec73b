// Secrets an AI edit wrote into a file: present now, absent from the file's baseline. Shown as
// `secret-in-code` diagnostics (masked) and listed with the file in the Review view.
import * as vscode from 'vscode';
import type { Finding } from '../../core/model';
import { detectAdded, meta as secretInCode } from '../../core/rules/secret-in-code';
import { DIAGNOSTIC_SOURCE } from '../findingsPresenter';
import { ruleDocUri, toRange, toSeverity } from '../findingView';
import { relativePath } from '../paths';
import type { RedlineServices } from '../services';
import { MAX_SCAN_CHARS, readDisk } from './exposureModel';

const FAMILY = 'integration';
const DEBOUNCE_MS = 300;

/** Keeps `secret-in-code` findings of files with AI edits up to date. */
export class SecretEditMonitor implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('redline-secrets');
  /** Baseline text of each file an AI edit touched, by URI string. */
  private readonly baselines = new Map<string, string>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly services: RedlineServices) {
    this.disposables.push(this.diagnostics,
      services.watcher.onDidRecordAiEdit(({ uri, baseline }) => {
        this.baselines.set(uri.toString(), services.store.get(uri)?.baseline.text ?? baseline.text);
        this.schedule(uri);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.baselines.has(e.document.uri.toString())) this.schedule(e.document.uri);
      }),
      services.store.onDidChange((uris) => uris.forEach((uri) => this.onReviewChanged(uri))),
      services.config.onDidChange(() => [...this.baselines.keys()].forEach((k) => this.schedule(vscode.Uri.parse(k)))),
    );
  }

  /** `secret-in-code` findings now shown for `uri`. */
  findingsFor(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.diagnostics.get(uri) ?? [];
  }

  private onReviewChanged(uri: vscode.Uri): void {
    const key = uri.toString();
    if (!this.baselines.has(key)) return;
    const review = this.services.store.get(uri);
    if (!review) {
      // Reviewed, restored or undone: the current text is the new baseline.
      this.baselines.delete(key);
      this.diagnostics.delete(uri);
      return;
    }
    if (review.baseline.text !== this.baselines.get(key)) {
      this.baselines.set(key, review.baseline.text);
      this.schedule(uri);
    }
  }

  private schedule(uri: vscode.Uri): void {
    const key = uri.toString();
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.check(uri);
    }, DEBOUNCE_MS));
  }

  private async check(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    const baseline = this.baselines.get(key);
    if (baseline === undefined) return;
    const settings = this.services.config.get(uri);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    const after = doc ? doc.getText() : await readDisk(uri);
    if (after === undefined || !settings.enabled || after.length > MAX_SCAN_CHARS || baseline.length > MAX_SCAN_CHARS) {
      this.publish(uri, []);
      return;
    }
    const level = settings.rules[secretInCode.id];
    const findings = detectAdded(baseline, after, { path: relativePath(uri) })
      .filter((f) => level !== 'off' && !this.services.acknowledgements.covers(uri, f))
      .map((f) => (level === 'error' || level === 'warning' || level === 'info' ? { ...f, severity: level } : f));
    if (this.baselines.get(key) === baseline) this.publish(uri, findings);
  }

  private publish(uri: vscode.Uri, findings: readonly Finding[]): void {
    this.diagnostics.set(uri, findings.map((f) => {
      const d = new vscode.Diagnostic(toRange(f.range), f.message, toSeverity(f.severity));
      d.source = DIAGNOSTIC_SOURCE;
      d.code = { value: f.ruleId, target: ruleDocUri(this.services.context.extensionUri, f.ruleId) };
      return d;
    }));
    const review = this.services.store.get(uri);
    if (!review) return;
    const had = review.extraFindings?.[FAMILY] ?? [];
    const others = had.filter((f) => f.ruleId !== secretInCode.id);
    const mine = had.filter((f) => f.ruleId === secretInCode.id);
    const same = mine.length === findings.length && mine.every((f, i) => f.fingerprint === findings[i]?.fingerprint && f.range.start.line === findings[i]?.range.start.line);
    if (same) return;
    this.services.store.set({ ...review, extraFindings: { ...review.extraFindings, [FAMILY]: [...others, ...findings] } });
    if (findings.length > 0) this.services.log.info(`${findings.length} secret(s) written by an AI edit into ${relativePath(uri)}`);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.disposables.forEach((d) => d.dispose());
  }
}
