// Checks the dependencies an AI edit adds: whenever the review store records an AI edit to a
// manifest or a source file (or the file under review changes again), recomputes the supply-chain
// findings against the file's baseline and shows them as diagnostics and in the Review view.
import * as vscode from 'vscode';
import type { RedlineSettings } from '../../core/config';
import { languageIdForPath } from '../../core/guardrails';
import type { Finding } from '../../core/model';
import { LruCache, type OnlineResult } from '../../core/supply-chain';
import { createFetchJson } from '../../cli/registry-client';
import { DIAGNOSTIC_SOURCE } from '../findingsPresenter';
import { ruleDocUri, toRange, toSeverity } from '../findingView';
import { relativePath } from '../paths';
import type { FileReview } from '../reviewStore';
import type { RedlineServices } from '../services';
import { checkDependencies, isDependencyFile, type AddedPackage, type OnlineAccess } from './dependencyCheck';
import { readText } from './workspaceFacts';

const FAMILY = 'supply-chain';
const DEBOUNCE_MS = 250;
const ONLINE_TIMEOUT_MS = 5000;
const CACHE_ENTRIES = 1000;
const CACHE_TTL_MS = 6 * 60 * 60 * 1000;

/** The supply-chain result for one file: its findings, and the added packages they are about. */
export interface FileDependencies {
  readonly findings: readonly Finding[];
  readonly packages: readonly AddedPackage[];
}

/** What a computation was for: the newest AI edit, the baseline, and the open document's version. */
interface Trigger {
  readonly edit: FileReview['edits'][number] | undefined;
  readonly baseline: FileReview['baseline'];
  readonly version: number | undefined;
}

function triggerOf(review: FileReview): Trigger {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === review.uri.toString());
  return { edit: review.edits[review.edits.length - 1], baseline: review.baseline, version: doc?.version };
}

function sameTrigger(a: Trigger | undefined, b: Trigger): boolean {
  return a !== undefined && a.edit === b.edit && a.version === b.version && a.baseline === b.baseline;
}

/** Applies `redline.rules` levels: `off` drops a finding, a level replaces its severity. */
function applyRuleLevels(findings: readonly Finding[], levels: Readonly<Record<string, string>>): Finding[] {
  return findings.flatMap((f) => {
    const level = levels[f.ruleId];
    if (level === 'off') return [];
    return [level === 'error' || level === 'warning' || level === 'info' ? { ...f, severity: level } : f];
  });
}

/** Keeps supply-chain findings of files with AI edits up to date; owns its diagnostics. */
export class DependencyMonitor implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('redline-supply-chain');
  private readonly results = new Map<string, FileDependencies>();
  private readonly triggers = new Map<string, Trigger>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly generation = new Map<string, number>();
  private readonly cache = new LruCache<string, OnlineResult>(CACHE_ENTRIES, CACHE_TTL_MS);
  private readonly fetchJson = createFetchJson({ timeoutMs: ONLINE_TIMEOUT_MS, userAgent: 'redline-vscode' });
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when a file's supply-chain result changes. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly services: RedlineServices) {
    this.disposables.push(
      this.diagnostics, this.changed,
      services.store.onDidChange((uris) => uris.forEach((uri) => this.onReviewChanged(uri))),
      services.config.onDidChange(() => this.recheckAll()),
    );
    for (const review of services.store.all()) this.onReviewChanged(review.uri);
  }

  /** The current result for a file, if it has supply-chain findings. */
  resultFor(uri: vscode.Uri): FileDependencies | undefined {
    return this.results.get(uri.toString());
  }

  /** Checks `uri` now (tests, commands); resolves when its result is up to date. */
  async checkNow(uri: vscode.Uri): Promise<void> {
    await this.run(uri, this.nextGeneration(uri.toString()));
  }

  private onReviewChanged(uri: vscode.Uri): void {
    const key = uri.toString();
    const review = this.services.store.get(uri);
    if (!review) {
      this.triggers.delete(key);
      this.cancel(key);
      this.clear(uri);
      return;
    }
    if (!isDependencyFile(uri, this.languageIdOf(uri))) return;
    const trigger = triggerOf(review);
    if (sameTrigger(this.triggers.get(key), trigger)) return;  // e.g. our own update of extraFindings
    this.triggers.set(key, trigger);
    this.schedule(uri);
  }

  private recheckAll(): void {
    for (const key of this.triggers.keys()) this.schedule(vscode.Uri.parse(key));
  }

  private schedule(uri: vscode.Uri): void {
    const key = uri.toString();
    this.cancel(key);
    const gen = this.nextGeneration(key);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.run(uri, gen);
    }, DEBOUNCE_MS));
  }

  private cancel(key: string): void {
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
    this.nextGeneration(key);
  }

  private nextGeneration(key: string): number {
    const gen = (this.generation.get(key) ?? 0) + 1;
    this.generation.set(key, gen);
    return gen;
  }

  private languageIdOf(uri: vscode.Uri): string {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    return doc?.languageId ?? languageIdForPath(uri.path) ?? 'plaintext';
  }

  private async currentText(uri: vscode.Uri, maxKb: number): Promise<string | undefined> {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (doc) return doc.getText();
    const text = await readText(uri);
    return text !== undefined && text.length <= maxKb * 1024 ? text : undefined;
  }

  private onlineAccess(settings: RedlineSettings): OnlineAccess | undefined {
    if (!settings['supplyChain.onlineChecks']) return undefined;
    return { options: { fetchJson: this.fetchJson, registries: settings['supplyChain.registries'], now: new Date() }, cache: this.cache };
  }

  private async run(uri: vscode.Uri, gen: number): Promise<void> {
    const key = uri.toString();
    const review = this.services.store.get(uri);
    const settings = this.services.config.get(uri);
    if (!review || !settings.enabled) {
      this.clear(uri);
      return;
    }
    try {
      const after = await this.currentText(uri, settings['analysis.maxFileSizeKb']);
      if (after === undefined) return;
      const check = await checkDependencies({ uri, languageId: this.languageIdOf(uri), before: review.baseline.text, after }, this.onlineAccess(settings));
      if (this.generation.get(key) !== gen) return;  // superseded by a newer edit
      for (const problem of check.unverified) this.services.log.info(`Online dependency check failed (${problem}); shown as not verified.`);
      const findings = applyRuleLevels(check.findings, settings.rules).filter((f) => !this.services.acknowledgements.covers(uri, f));
      this.publish(uri, { findings, packages: check.packages.filter((p) => findings.some((f) => f.range.start.line === p.range.start.line)) });
    } catch (err) {
      if (err instanceof vscode.FileSystemError) return;  // deleted meanwhile
      this.services.log.error(`Dependency check of ${relativePath(uri)} failed`, err);
    }
  }

  private publish(uri: vscode.Uri, result: FileDependencies): void {
    const key = uri.toString();
    if (result.findings.length === 0) this.results.delete(key);
    else this.results.set(key, result);
    this.diagnostics.set(uri, result.findings.map((f) => this.toDiagnostic(f)));
    const review = this.services.store.get(uri);
    const had = review?.extraFindings?.[FAMILY] ?? [];
    if (review && (had.length > 0 || result.findings.length > 0)) {
      this.services.store.set({ ...review, extraFindings: { ...review.extraFindings, [FAMILY]: result.findings } });
    }
    this.changed.fire(uri);
  }

  private clear(uri: vscode.Uri): void {
    if (!this.results.delete(uri.toString()) && this.diagnostics.get(uri) === undefined) return;
    this.diagnostics.delete(uri);
    this.changed.fire(uri);
  }

  private toDiagnostic(f: Finding): vscode.Diagnostic {
    const d = new vscode.Diagnostic(toRange(f.range), f.message, toSeverity(f.severity));
    d.source = DIAGNOSTIC_SOURCE;
    d.code = { value: f.ruleId, target: ruleDocUri(this.services.context.extensionUri, f.ruleId) };
    return d;
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.disposables.forEach((d) => d.dispose());
  }
}
