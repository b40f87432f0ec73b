// Explorer badges on sensitive files (coloured when an assistant can read them) and a status bar
// note while the active editor shows a sensitive, exposed file.
import * as vscode from 'vscode';
import type { ExposureModel, FileExposure } from './exposureModel';
import { assistantNames, whySensitive } from './warner';

/** The Explorer badge of a sensitive file. */
export const SENSITIVE_BADGE = 'S';

/** One line on who can read the file, or why nobody can. */
function audience(exposure: FileExposure): string {
  const { entry } = exposure;
  if (exposure.assistants.length === 0) return vscode.l10n.t('No AI assistant found in this workspace.');
  if (entry.exposedTo.length === 0) {
    return vscode.l10n.t('Covered by {0}.', [...new Set(entry.coveredBy.map((c) => c.file))].join(', '));
  }
  return vscode.l10n.t('Readable by {0}: no exclusion covers it.', assistantNames(entry.exposedTo));
}

/** Tooltip text: why the file is sensitive and which assistants can see it. */
export function describeExposure(exposure: FileExposure): string {
  return vscode.l10n.t('Sensitive: {0}. {1}', whySensitive(exposure.entry), audience(exposure));
}

/** `FileDecorationProvider` for sensitive files. */
export class SensitiveFileDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri | vscode.Uri[] | undefined>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly model: ExposureModel) {
    this.subscription = model.onDidChange((uris) => this.changed.fire(uris));
  }

  async provideFileDecoration(uri: vscode.Uri): Promise<vscode.FileDecoration | undefined> {
    if (uri.scheme !== 'file' && uri.scheme !== 'vscode-remote') return undefined;
    const exposure = await this.model.exposureOf(uri, 'none');
    if (!exposure) return undefined;
    const exposed = exposure.entry.exposedTo.length > 0;
    const decoration = new vscode.FileDecoration(SENSITIVE_BADGE, describeExposure(exposure),
      exposed ? new vscode.ThemeColor('redline.sensitiveFileForeground') : undefined);
    decoration.propagate = false;
    return decoration;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** What the status note shows (for tests). */
export interface StatusNoteState {
  readonly visible: boolean;
  readonly text: string;
  readonly tooltip: string;
}

/** A small status bar item, shown only while the active editor holds a sensitive file an assistant can read. */
export class ExposureStatusNote implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('redline.contextGuard', vscode.StatusBarAlignment.Left, 9);
  private readonly disposables: vscode.Disposable[] = [];
  private state: StatusNoteState = { visible: false, text: '', tooltip: '' };
  private generation = 0;

  constructor(private readonly model: ExposureModel) {
    this.item.name = vscode.l10n.t('Redline: sensitive file');
    this.item.command = 'redline.showExposure';
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    this.disposables.push(this.item,
      vscode.window.onDidChangeActiveTextEditor(() => void this.update()),
      model.onDidChange(() => void this.update()),
    );
    void this.update();
  }

  snapshot(): StatusNoteState {
    return this.state;
  }

  /** Recomputes the note for the active editor. */
  async update(): Promise<void> {
    const gen = ++this.generation;
    const doc = vscode.window.activeTextEditor?.document;
    if (doc) this.model.noteDocument(doc);
    const exposure = doc ? await this.model.exposureOf(doc.uri, 'none') : undefined;
    if (gen !== this.generation) return;  // superseded by a newer editor change
    if (!exposure || exposure.entry.exposedTo.length === 0) {
      this.item.hide();
      this.state = { visible: false, text: '', tooltip: '' };
      return;
    }
    const text = vscode.l10n.t('$(key) AI can read this file');
    const tooltip = `${exposure.path}: ${describeExposure(exposure)} ${vscode.l10n.t('Click to show the AI context exposure.')}`;
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: vscode.l10n.t('Sensitive file: an AI assistant can read it'), role: 'button' };
    this.item.show();
    this.state = { visible: true, text, tooltip };
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
