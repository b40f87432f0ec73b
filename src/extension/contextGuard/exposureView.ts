// The "AI Context Exposure" tree view: sensitive files, why each is sensitive, which assistants can
// read it, which exclusion files cover it and what they leave open; and each assistant's files.
import * as vscode from 'vscode';
import { assistantById } from '../../core/assistants';
import type { AssistantExposure, ExposureEntry, ExposureReason } from '../../core/context';
import type { ExposureModel } from './exposureModel';
import { assistantNames } from './warner';
import { scanFolder, type FolderExposure } from './workspaceScan';

export const EXPOSURE_VIEW_ID = 'redline.exposure';
const RESCAN_DEBOUNCE_MS = 1000;

type Node =
  | { readonly kind: 'folder'; readonly fe: FolderExposure }
  | { readonly kind: 'assistants'; readonly fe: FolderExposure }
  | { readonly kind: 'assistant'; readonly fe: FolderExposure; readonly assistant: AssistantExposure }
  | { readonly kind: 'file'; readonly fe: FolderExposure; readonly entry: ExposureEntry }
  | { readonly kind: 'detail'; readonly label: string; readonly icon: string; readonly tooltip?: string; readonly color?: string };

const detail = (label: string, icon: string, tooltip?: string, color?: string): Node => ({ kind: 'detail', label, icon, ...(tooltip ? { tooltip } : {}), ...(color ? { color } : {}) });

function reasonLabel(r: ExposureReason): string {
  return r.kind === 'glob'
    ? vscode.l10n.t('matches {0}', r.glob)
    : vscode.l10n.t('{0} {1} on line {2}', r.title, r.masked, r.line);
}

/** Tree of the last exposure scan; scans on first show and on refresh. */
export class ExposureTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private results: FolderExposure[] | undefined;
  private running: Promise<FolderExposure[]> | undefined;
  private cancel: vscode.CancellationTokenSource | undefined;
  private rescanTimer: ReturnType<typeof setTimeout> | undefined;
  private view: vscode.TreeView<Node> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly model: ExposureModel) {
    this.disposables.push(this.changed, model.onDidChange((uris) => {
      if (uris === undefined && this.results) this.onStale();  // settings, exclusion files or assistants changed
    }));
  }

  /** Attaches the view (for its summary message, progress and visibility). */
  attach(view: vscode.TreeView<Node>): void {
    this.view = view;
    this.disposables.push(view.onDidChangeVisibility((e) => {
      if (e.visible && this.results === undefined && !this.running) this.changed.fire(undefined);
    }));
  }

  /** Rescans soon while the view is visible; otherwise drops the results so the next look rescans. */
  private onStale(): void {
    if (this.view?.visible) {
      this.scheduleRescan();
      return;
    }
    this.cancel?.cancel();
    this.running = undefined;
    this.results = undefined;
  }

  /** The last results (scanning first if there are none). */
  async report(): Promise<readonly FolderExposure[]> {
    return this.results ?? this.refresh();
  }

  /** Rescans every folder and redraws the tree. */
  refresh(): Promise<FolderExposure[]> {
    this.cancel?.cancel();
    const cts = new vscode.CancellationTokenSource();
    this.cancel = cts;
    const run = Promise.resolve(vscode.window.withProgress({ location: { viewId: EXPOSURE_VIEW_ID } }, async () => {
      const out: FolderExposure[] = [];
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        const fe = await scanFolder(folder, this.model, cts.token);
        if (fe) out.push(fe);
      }
      return out;
    })).then((out) => {
      if (cts.token.isCancellationRequested) return this.running ?? Promise.resolve(out);
      this.results = out;
      this.running = undefined;
      this.updateMessage(out);
      this.changed.fire(undefined);
      return out;
    });
    this.running = run;
    return run;
  }

  private scheduleRescan(): void {
    if (this.rescanTimer) clearTimeout(this.rescanTimer);
    this.rescanTimer = setTimeout(() => {
      this.rescanTimer = undefined;
      void this.refresh();
    }, RESCAN_DEBOUNCE_MS);
  }

  private updateMessage(results: readonly FolderExposure[]): void {
    if (!this.view) return;
    const entries = results.flatMap((r) => r.report.entries);
    const exposed = entries.filter((e) => e.exposedTo.length > 0).length;
    const parts = [vscode.l10n.t('{0} sensitive file(s), {1} readable by an AI assistant.', entries.length, exposed)];
    if (results.some((r) => r.assumed)) parts.push(vscode.l10n.t('No assistant found: showing every assistant Redline knows.'));
    const notScanned = results.reduce((n, r) => n + r.notScanned, 0);
    if (notScanned > 0) parts.push(vscode.l10n.t('{0} file(s) judged by name only (large, binary or past the scan limit).', notScanned));
    this.view.message = entries.length === 0 ? undefined : parts.join(' ');
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'folder': {
        const item = new vscode.TreeItem(node.fe.folder.name, vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = vscode.ThemeIcon.Folder;
        return item;
      }
      case 'assistants': {
        const item = new vscode.TreeItem(vscode.l10n.t('Assistants'), vscode.TreeItemCollapsibleState.Collapsed);
        item.description = node.fe.assumed ? vscode.l10n.t('none found: all assumed') : vscode.l10n.t('{0} found', node.fe.report.assistants.length);
        item.tooltip = node.fe.report.assistants.map((a) => a.name).join('\n');
        item.iconPath = new vscode.ThemeIcon('hubot');
        return item;
      }
      case 'assistant': {
        const a = node.assistant;
        const item = new vscode.TreeItem(a.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = vscode.l10n.t('{0} exposed · {1} covered', a.exposed.length, a.covered);
        item.iconPath = new vscode.ThemeIcon(a.exposed.length > 0 ? 'eye' : 'shield');
        if (a.note) item.tooltip = a.note;
        return item;
      }
      case 'file': {
        const { entry } = node;
        const item = new vscode.TreeItem(vscode.Uri.joinPath(node.fe.folder.uri, entry.path), vscode.TreeItemCollapsibleState.Collapsed);
        item.label = entry.path;
        item.description = entry.exposedTo.length > 0
          ? vscode.l10n.t('readable by {0}', assistantNames(entry.exposedTo))
          : vscode.l10n.t('covered');
        item.contextValue = entry.exposedTo.length > 0 ? 'redline.sensitiveFile.exposed' : 'redline.sensitiveFile.covered';
        item.tooltip = `${entry.path}\n${entry.reasons.map(reasonLabel).join('\n')}`;
        return item;
      }
      case 'detail': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon(node.icon, node.color ? new vscode.ThemeColor(node.color) : undefined);
        item.tooltip = node.tooltip ?? node.label;
        return item;
      }
    }
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const results = this.results ?? await (this.running ?? this.refresh());
      if (results.every((r) => r.report.entries.length === 0)) return [];
      if (results.length === 1 && results[0]) return this.folderChildren(results[0]);
      return results.map((fe) => ({ kind: 'folder', fe }));
    }
    switch (node.kind) {
      case 'folder': return this.folderChildren(node.fe);
      case 'assistants': return node.fe.report.assistants.map((assistant) => ({ kind: 'assistant', fe: node.fe, assistant }));
      case 'assistant': return assistantDetails(node.assistant);
      case 'file': return fileDetails(node.entry);
      case 'detail': return [];
    }
  }

  private folderChildren(fe: FolderExposure): Node[] {
    const files = [...fe.report.entries].sort((a, b) => Number(b.exposedTo.length > 0) - Number(a.exposedTo.length > 0) || a.path.localeCompare(b.path));
    return [{ kind: 'assistants', fe }, ...files.map((entry): Node => ({ kind: 'file', fe, entry }))];
  }

  dispose(): void {
    this.cancel?.cancel();
    if (this.rescanTimer) clearTimeout(this.rescanTimer);
    this.disposables.forEach((d) => d.dispose());
  }
}

function fileDetails(entry: ExposureEntry): Node[] {
  const out: Node[] = entry.reasons.map((r) => detail(reasonLabel(r), r.kind === 'glob' ? 'key' : 'lock'));
  if (entry.exposedTo.length > 0) {
    out.push(detail(vscode.l10n.t('readable by {0}', entry.exposedTo.map((id) => assistantById(id)?.name ?? id).join(', ')), 'eye', undefined, 'redline.sensitiveFileForeground'));
  }
  for (const c of entry.coveredBy) {
    out.push(detail(vscode.l10n.t('covered for {0} by {1} ({2})', assistantById(c.assistant)?.name ?? c.assistant, c.file, c.pattern), 'shield'));
  }
  for (const gap of entry.gaps) out.push(detail(vscode.l10n.t('gap: {0}', gap), 'warning', gap));
  return out;
}

function assistantDetails(a: AssistantExposure): Node[] {
  const out: Node[] = a.ignoreFiles.map((f) => {
    const state = f.present ? vscode.l10n.t('present') : vscode.l10n.t('missing');
    return f.protectsNothing
      ? detail(vscode.l10n.t('{0}: {1}, indexing only: protects nothing', f.file, state), 'warning')
      : detail(`${f.file}: ${state}`, f.present ? 'file' : 'circle-slash');
  });
  if (a.note) out.push(detail(a.note, 'info', a.note));
  return out;
}
