// Watches every edit: classifies it (typing, undo/redo, formatting, paste, bulk, external write),
// keeps each document's baseline, and hands AI-like edits to the analyzer.
import * as vscode from 'vscode';
import { assistantForHost, assistantsForExtensions, assistantsFromMarkers, type Assistant } from '../core/assistants';
import { AI_LIKE, classifyChange, differsOnlyInWhitespace, type ContentChange, type EditClass } from '../core/edits/classify';
import { likelySource } from '../core/edits/attribution';
import type { Analyzer } from './analyzer';
import type { GitBaselines } from './git';
import type { RedlineLog } from './log';
import type { Baseline, EditRecord, ReviewStore } from './reviewStore';
import { relativePath } from './paths';
import type { RedlineConfig } from './settings';
import type { Capabilities } from './capabilities';

const PASTE_WINDOW_MS = 1500;
const EXTERNAL_WINDOW_MS = 5000;
const MAX_TRACKED_BYTES = 2 * 1024 * 1024;

/** What the watcher saw last, for tests and the output channel. */
export interface EditEventLog {
  readonly uri: string;
  readonly editClass: EditClass;
  readonly source?: string;
}

/** Classifies edits and keeps baselines; owns the listeners it registers. */
/** An AI-like edit as recorded: the file, the edit and the baseline it is compared with. */
export interface AiEditEvent {
  readonly uri: vscode.Uri;
  readonly edit: EditRecord;
  readonly baseline: Baseline;
}

export class EditWatcher implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  /** Text of each open document as last seen: the "before" of the next change. */
  private readonly lastText = new Map<string, string>();
  /** Content when first opened: the fallback baseline. */
  private readonly firstOpen = new Map<string, string>();
  /** Content at git HEAD (undefined = not tracked), loaded when a document opens. */
  private readonly headText = new Map<string, Promise<string | undefined>>();
  private readonly pendingPaste = new Map<string, { text: string; time: number }>();
  private readonly pendingExternal = new Map<string, { text: string; time: number }>();
  /** Documents Redline itself is editing (restore): those edits are not AI edits. */
  private readonly ownEdits = new Set<string>();
  private readonly events: EditEventLog[] = [];
  private readonly recorded = new vscode.EventEmitter<AiEditEvent>();
  /** Fires for every AI-like edit handed to the analyzer (audit log, supply-chain checks). */
  readonly onDidRecordAiEdit = this.recorded.event;
  private presence: { activeExtensions: Assistant[]; host?: Assistant; configured: Assistant[] } = { activeExtensions: [], configured: [] };

  constructor(
    private readonly store: ReviewStore,
    private readonly analyzer: Analyzer,
    private readonly git: GitBaselines,
    private readonly log: RedlineLog,
    private readonly config: RedlineConfig,
    private readonly capabilities: Capabilities,
  ) {}

  start(): void {
    for (const doc of vscode.workspace.textDocuments) this.track(doc);
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((doc) => this.track(doc)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.untrack(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => this.onChange(e)),
      vscode.extensions.onDidChange(() => void this.refreshPresence()),
    );
    if (this.capabilities.pasteEditProvider) this.watchPastes();
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(watcher, watcher.onDidChange((uri) => void this.onDiskChange(uri)), watcher.onDidCreate((uri) => void this.onDiskChange(uri)));
    void this.refreshPresence();
  }

  /** Notes pastes through a paste provider that returns no edit, so the normal paste proceeds. */
  private watchPastes(): void {
    this.disposables.push(
      vscode.languages.registerDocumentPasteEditProvider({ pattern: '**' }, {
        // Only notes that a paste is happening; returns no edit so the normal paste proceeds.
        provideDocumentPasteEdits: async (doc, _ranges, dataTransfer) => {
          const text = await dataTransfer.get('text/plain')?.asString();
          if (text) this.pendingPaste.set(doc.uri.toString(), { text, time: Date.now() });
          return undefined;
        },
      }, { providedPasteEditKinds: [], pasteMimeTypes: ['text/plain'] }),
    );
  }

  /** Redline's own edit (a restore) is about to touch `uri`: don't count it as an AI edit. */
  async asOwnEdit<T>(uri: vscode.Uri, apply: () => Thenable<T>): Promise<T> {
    const key = uri.toString();
    this.ownEdits.add(key);
    try {
      return await apply();
    } finally {
      this.ownEdits.delete(key);
    }
  }

  /** The baseline an AI edit to `uri` is compared with: reviewed > git HEAD > first open. */
  async baselineFor(uri: vscode.Uri): Promise<Baseline | undefined> {
    const review = this.store.get(uri);
    if (review) return review.baseline;
    const reviewed = this.store.reviewedBaseline(uri);
    if (reviewed !== undefined) return { text: reviewed, source: 'reviewed' };
    const key = uri.toString();
    if (this.config.get(uri).baseline === 'gitHead') {
      const head = await (this.headText.get(key) ?? this.git.contentAtHead(uri));
      if (head !== undefined) return { text: head, source: 'git-head' };
    }
    const first = this.firstOpen.get(key);
    return first === undefined ? undefined : { text: first, source: 'first-open' };
  }

  /** A commit moved HEAD under `root`: git's version becomes the baseline of every file there. */
  async onHeadChanged(root: vscode.Uri): Promise<void> {
    this.store.forgetReviewedUnder(root);
    for (const key of [...this.headText.keys()]) if (key.startsWith(root.toString())) this.headText.delete(key);
    for (const review of this.store.all()) {
      if (!review.uri.toString().startsWith(root.toString())) continue;
      const head = await this.git.contentAtHead(review.uri);
      if (head === undefined) continue;
      this.store.set({ ...review, baseline: { text: head, source: 'git-head' } });
      this.analyzer.schedule(review.uri, 0);
    }
  }

  /** Recent classified events, newest last (tests, output channel). */
  recentEvents(): readonly EditEventLog[] {
    return this.events;
  }

  private isWatched(doc: vscode.TextDocument): boolean {
    return (doc.uri.scheme === 'file' || doc.uri.scheme === 'vscode-remote' || doc.uri.scheme === 'untitled')
      && doc.getText().length <= MAX_TRACKED_BYTES;
  }

  private track(doc: vscode.TextDocument): void {
    if (!this.isWatched(doc)) return;
    const key = doc.uri.toString();
    const text = doc.getText();
    this.lastText.set(key, text);
    if (!this.firstOpen.has(key)) this.firstOpen.set(key, text);
    if (!this.headText.has(key) && doc.uri.scheme === 'file') this.headText.set(key, this.git.contentAtHead(doc.uri));
  }

  private untrack(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    this.lastText.delete(key);
    this.pendingPaste.delete(key);
  }

  private onChange(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0 || !this.isWatched(e.document) || !this.config.get(e.document.uri).enabled) return;
    const key = e.document.uri.toString();
    const before = this.lastText.get(key);
    const after = e.document.getText();
    this.lastText.set(key, after);
    if (this.ownEdits.has(key)) {
      this.rescheduleIfReviewed(e.document.uri);
      return;
    }
    const editClass = this.classify(e, before, after);
    const source = AI_LIKE.has(editClass) ? likelySource(editClass, this.presence) : undefined;
    this.note({ uri: key, editClass, ...(source ? { source } : {}) });
    if (AI_LIKE.has(editClass)) {
      void this.onAiEdit(e.document.uri, before, { editClass, ...(source ? { source } : {}), time: Date.now() });
    } else {
      this.rescheduleIfReviewed(e.document.uri);
    }
  }

  private classify(e: vscode.TextDocumentChangeEvent, before: string | undefined, after: string): EditClass {
    const key = e.document.uri.toString();
    const reason = !this.capabilities.changeReason ? undefined
      : e.reason === vscode.TextDocumentChangeReason.Undo ? 'undo' : e.reason === vscode.TextDocumentChangeReason.Redo ? 'redo' : undefined;
    const external = this.pendingExternal.get(key);
    if (!reason && external && Date.now() - external.time < EXTERNAL_WINDOW_MS && external.text === after) {
      this.pendingExternal.delete(key);
      return 'external';
    }
    const paste = this.pendingPaste.get(key);
    const pastedText = paste && Date.now() - paste.time < PASTE_WINDOW_MS ? paste.text : undefined;
    if (pastedText !== undefined) this.pendingPaste.delete(key);
    const changes: ContentChange[] = e.contentChanges.map((c) => ({ startLine: c.range.start.line, endLine: c.range.end.line, rangeLength: c.rangeLength, text: c.text }));
    const formatting = before !== undefined && before.length + after.length < 4 * 1024 * 1024 && differsOnlyInWhitespace(before, after);
    const settings = this.config.get(e.document.uri);
    return classifyChange(changes, { ...(reason ? { reason } : {}), ...(pastedText !== undefined ? { pastedText } : {}), formatting },
      { minLines: settings['aiEdit.minLines'], minChars: settings['aiEdit.minChars'] });
  }

  private rescheduleIfReviewed(uri: vscode.Uri): void {
    if (this.store.get(uri)) this.analyzer.schedule(uri);
  }

  private async onAiEdit(uri: vscode.Uri, before: string | undefined, edit: { editClass: EditClass; source?: string; time: number }): Promise<void> {
    let baseline = await this.baselineFor(uri);
    if (!baseline && before !== undefined) baseline = { text: before, source: 'first-open' };
    if (!baseline) return;  // a new file: no guardrail can have been dropped from it
    this.analyzer.recordEdit(uri, baseline, edit);
    this.recorded.fire({ uri, edit, baseline });
    this.log.info(`AI-like ${edit.editClass} in ${relativePath(uri)}${edit.source ? ` (likely ${edit.source})` : ''}`);
  }

  /** A file changed on disk: another process (an agent) unless it matches what the editor holds. */
  private async onDiskChange(uri: vscode.Uri): Promise<void> {
    if (uri.path.includes('/.git/') || uri.path.includes('/node_modules/') || !this.config.get(uri).enabled) return;
    const key = uri.toString();
    let text: string;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type !== vscode.FileType.File || stat.size > MAX_TRACKED_BYTES) return;
      text = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
    } catch {
      return;
    }
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (doc) {
      if (doc.getText() === text) return;  // our own save, or the editor already reloaded it
      this.pendingExternal.set(key, { text, time: Date.now() });
      return;  // VS Code reloads the document; onChange classifies it as external
    }
    const baseline = await this.baselineFor(uri);
    if (!baseline || baseline.text === text) return;
    const source = likelySource('external', this.presence);
    this.note({ uri: key, editClass: 'external', ...(source ? { source } : {}) });
    const edit: EditRecord = { editClass: 'external', ...(source ? { source } : {}), time: Date.now() };
    this.analyzer.recordEdit(uri, baseline, edit);
    this.recorded.fire({ uri, edit, baseline });
    this.log.info(`External write to ${relativePath(uri)}${source ? ` (likely ${source})` : ''}`);
  }

  private note(event: EditEventLog): void {
    this.events.push(event);
    if (this.events.length > 200) this.events.splice(0, this.events.length - 200);
  }

  private async refreshPresence(): Promise<void> {
    const installed = vscode.extensions.all.map((e) => e.id);
    const markers: string[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      try {
        for (const [name, type] of await vscode.workspace.fs.readDirectory(folder.uri)) markers.push(type === vscode.FileType.Directory ? `${name}/` : name);
      } catch {
        // unreadable folder: no markers from it
      }
    }
    const host = assistantForHost(vscode.env.appName);
    this.presence = { activeExtensions: assistantsForExtensions(installed), ...(host ? { host } : {}), configured: assistantsFromMarkers(markers) };
  }

  dispose(): void {
    this.recorded.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}
