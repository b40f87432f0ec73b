// Warns, once per file per session, when a sensitive file that an AI assistant can read becomes
// visible in an editor. Warnings are queued and spaced out so that opening many files never floods.
import * as vscode from 'vscode';
import { assistantById } from '../../core/assistants';
import type { ExposureEntry } from '../../core/context';
import type { RedlineConfig } from '../settings';
import type { ExposureModel, FileExposure } from './exposureModel';

/** At most one warning in this many milliseconds. */
const WARNING_INTERVAL_MS = 3000;
/** Lets a flurry of editor changes settle before deciding. */
const SETTLE_MS = 150;
const DISMISSED_KEY = 'redline.contextGuard.dismissed';

/** A warning that was shown (for tests and the output channel). */
export interface ShownWarning {
  readonly path: string;
  readonly message: string;
  /** When it was shown (ms since the epoch). */
  readonly time: number;
}

/** What the user can do from a warning. */
export interface WarningActions {
  excludeFromAI(uri: vscode.Uri): Promise<unknown>;
}

/** Why a file is sensitive, in a few words: "matches .env*" or "holds an OpenAI API key (sk-p…)". */
export function whySensitive(entry: ExposureEntry): string {
  const secret = entry.reasons.find((r) => r.kind === 'secret');
  const glob = entry.reasons.find((r) => r.kind === 'glob');
  if (secret?.kind === 'secret') return vscode.l10n.t('holds a secret ({0} {1})', secret.title, secret.masked);
  return glob?.kind === 'glob' ? vscode.l10n.t('matches {0}', glob.glob) : vscode.l10n.t('is sensitive');
}

/** Names of assistants by id, joined for a sentence. */
export function assistantNames(ids: readonly string[]): string {
  const names = ids.map((id) => assistantById(id)?.name ?? id);
  return names.length <= 3 ? names.join(', ') : vscode.l10n.t('{0} and {1} more', names.slice(0, 2).join(', '), names.length - 2);
}

/** Decides and shows the warnings; owns its queue and listeners. */
export class ContextWarner implements vscode.Disposable {
  /** Files warned about (or being decided) this session, by URI string. */
  private readonly handled = new Set<string>();
  private readonly queue: FileExposure[] = [];
  private readonly shown: ShownWarning[] = [];
  private lastShown = 0;
  private drainTimer: ReturnType<typeof setTimeout> | undefined;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly model: ExposureModel,
    private readonly config: RedlineConfig,
    private readonly state: vscode.Memento,
    private readonly actions: WarningActions,
  ) {
    this.disposables.push(
      vscode.window.onDidChangeVisibleTextEditors(() => this.settle()),
      model.onDidChange(() => this.settle()),
    );
    this.settle();
  }

  /** Warnings shown this session, oldest first. */
  warnings(): readonly ShownWarning[] {
    return this.shown;
  }

  private settle(): void {
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.settleTimer = undefined;
      void this.checkVisible();
    }, SETTLE_MS);
  }

  private async checkVisible(): Promise<void> {
    for (const editor of vscode.window.visibleTextEditors) {
      const doc = editor.document;
      const key = doc.uri.toString();
      if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'vscode-remote') continue;
      if (this.handled.has(key) || this.dismissed().includes(key)) continue;
      const mode = this.config.get(doc.uri)['contextGuard.warn'];
      if (mode === 'never' || !this.config.get(doc.uri).enabled) continue;
      this.handled.add(key);  // decided once per session; released below when nothing is shown
      const exposure = await this.decide(doc, mode === 'always');
      if (!exposure) {
        this.handled.delete(key);  // silent: sensitive-and-exposed may still become true later
        continue;
      }
      this.queue.push(exposure);
    }
    this.drain();
  }

  /** The file's exposure when it is sensitive and an assistant can read it; otherwise undefined. */
  private async decide(doc: vscode.TextDocument, always: boolean): Promise<FileExposure | undefined> {
    try {
      this.model.noteDocument(doc);
      const exposure = await this.model.exposureOf(doc.uri, always ? 'synced' : 'none');
      return exposure && exposure.entry.exposedTo.length > 0 ? exposure : undefined;
    } catch {
      return undefined;  // e.g. the folder went away meanwhile: decide again next time
    }
  }

  private drain(): void {
    if (this.drainTimer || this.queue.length === 0) return;
    const wait = Math.max(0, this.lastShown + WARNING_INTERVAL_MS - Date.now());
    this.drainTimer = setTimeout(() => {
      this.drainTimer = undefined;
      const next = this.queue.shift();
      if (next) this.show(next);
      this.drain();
    }, wait);
  }

  private isVisible(uri: vscode.Uri): boolean {
    return vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === uri.toString());
  }

  private show(exposure: FileExposure): void {
    const key = exposure.uri.toString();
    if (!this.isVisible(exposure.uri)) {
      this.handled.delete(key);  // closed before its turn: warn when it shows up again
      return;
    }
    const who = assistantNames(exposure.entry.exposedTo);
    const message = exposure.assumed
      ? vscode.l10n.t('Redline: {0} {1}. An AI assistant may read it and send it to a model: no AI exclusion covers it.', exposure.path, whySensitive(exposure.entry))
      : vscode.l10n.t('Redline: {0} {1} and {2} can read it: no AI exclusion covers it.', exposure.path, whySensitive(exposure.entry), who);
    this.lastShown = Date.now();
    this.shown.push({ path: exposure.path, message, time: this.lastShown });
    const exclude = vscode.l10n.t('Exclude from AI context');
    const close = vscode.l10n.t('Close editor');
    const dismiss = vscode.l10n.t("Don't warn for this file");
    void vscode.window.showWarningMessage(message, exclude, close, dismiss).then(async (choice) => {
      if (choice === exclude) await this.actions.excludeFromAI(exposure.uri);
      else if (choice === close) await closeTabsOf(exposure.uri);
      else if (choice === dismiss) await this.state.update(DISMISSED_KEY, [...this.dismissed(), key]);
    });
  }

  private dismissed(): string[] {
    return this.state.get<string[]>(DISMISSED_KEY, []);
  }

  dispose(): void {
    if (this.drainTimer) clearTimeout(this.drainTimer);
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.disposables.forEach((d) => d.dispose());
  }
}

/** Closes every tab that shows `uri`. */
export async function closeTabsOf(uri: vscode.Uri): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
  if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
}
