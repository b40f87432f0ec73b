// Runs the engine on files with AI edits: debounced per document, cancelled when superseded,
// bounded per file. The engine decides; this class only schedules and stores.
import * as vscode from 'vscode';
import { GuardrailEngine, languageIdForPath } from '../core/guardrails';
import type { Finding } from '../core/model';
import type { RedlineLog } from './log';
import type { Baseline, EditRecord, ReviewStore } from './reviewStore';
import type { Acknowledgements } from './acknowledgements';
import { matchesAny, relativePath } from './paths';
import type { RedlineConfig } from './settings';

/** Per-file analysis counters (the "bounded number of runs" integration test reads them). */
export interface AnalysisStats {
  runs: number;
  lastMs: number;
}

/** Schedules and runs guardrail analysis for files with unreviewed AI edits. */
export class Analyzer implements vscode.Disposable {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly generation = new Map<string, number>();
  private readonly stats = new Map<string, AnalysisStats>();

  constructor(
    private readonly engine: GuardrailEngine,
    private readonly store: ReviewStore,
    private readonly acks: Acknowledgements,
    private readonly log: RedlineLog,
    private readonly config: RedlineConfig,
  ) {}

  /** Notes an AI edit on `uri` against `baseline` and schedules analysis. */
  recordEdit(uri: vscode.Uri, baseline: Baseline, edit: EditRecord): void {
    const existing = this.store.get(uri);
    const settings = this.config.get(uri);
    this.store.set({
      uri,
      baseline: existing?.baseline ?? baseline,
      edits: [...(existing?.edits ?? []), edit].slice(-20),
      findings: existing?.findings ?? [],
      version: existing?.version,
      reviewRequired: matchesAny(relativePath(uri), settings.reviewRequired),
    });
    this.schedule(uri);
  }

  /** Debounces analysis of `uri` (~300 ms by default); a newer request supersedes an older one. */
  schedule(uri: vscode.Uri, delayMs?: number): void {
    const key = uri.toString();
    const existing = this.timers.get(key);
    if (existing) clearTimeout(existing);
    const gen = (this.generation.get(key) ?? 0) + 1;
    this.generation.set(key, gen);
    const delay = delayMs ?? this.config.get(uri)['analysis.debounceMs'];
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.run(uri, gen);
    }, delay));
  }

  /** Analyses now (tests and commands); resolves when the store is updated. */
  async analyzeNow(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    const gen = (this.generation.get(key) ?? 0) + 1;
    this.generation.set(key, gen);
    await this.run(uri, gen);
  }

  statsFor(uri: vscode.Uri): AnalysisStats {
    return this.stats.get(uri.toString()) ?? { runs: 0, lastMs: 0 };
  }

  private superseded(key: string, gen: number): boolean {
    return this.generation.get(key) !== gen;
  }

  private async run(uri: vscode.Uri, gen: number): Promise<void> {
    const key = uri.toString();
    const review = this.store.get(uri);
    if (!review) return;
    try {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      const languageId = doc?.languageId ?? languageIdForPath(uri.path) ?? 'plaintext';
      const settings = this.config.get(uri);
      if (!settings.enabled) {
        this.store.set({ ...review, findings: [] });  // switched off: nothing shown until it is on again
        return;
      }
      let text: string;
      if (doc) {
        text = doc.getText();
      } else {
        const stat = await vscode.workspace.fs.stat(uri);
        if (stat.size > settings['analysis.maxFileSizeKb'] * 1024) {
          this.store.set({ ...review, findings: [], skipped: `larger than ${settings['analysis.maxFileSizeKb']} KB` });
          return;
        }
        text = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
      }
      await this.engine.ensureLanguage(languageId);
      if (this.superseded(key, gen)) return;
      const version = doc?.version;
      if (text === review.baseline.text) {
        // Undone or put back by hand: nothing left to review.
        this.store.delete(uri);
        return;
      }
      const started = Date.now();
      const analysis = this.engine.analyzeEdit({ before: review.baseline.text, after: text, languageId, path: relativePath(uri) });
      const stats = this.stats.get(key) ?? { runs: 0, lastMs: 0 };
      stats.runs++;
      stats.lastMs = Date.now() - started;
      this.stats.set(key, stats);
      const current = this.store.get(uri);
      if (!current || this.superseded(key, gen)) return;
      const findings = applyRuleLevels(analysis.findings.filter((f) => !this.acks.covers(uri, f)), settings.rules);
      this.store.set({ ...current, findings, version, ...(analysis.skipped ? { skipped: analysis.skipped } : {}) });
      if (analysis.skipped) this.log.info(`Skipped ${relativePath(uri)}: ${analysis.skipped}`);
    } catch (err) {
      if (err instanceof vscode.FileSystemError) return;  // deleted meanwhile
      this.log.error(`Analysis of ${relativePath(uri)} failed`, err);
    }
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}

/** Applies `redline.rules` levels: `off` drops the finding, a level replaces its severity. */
function applyRuleLevels(findings: readonly Finding[], levels: Readonly<Record<string, string>>): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const level = levels[f.ruleId];
    if (level === 'off') continue;
    out.push(level === 'error' || level === 'warning' || level === 'info' ? { ...f, severity: level } : f);
  }
  return out;
}
