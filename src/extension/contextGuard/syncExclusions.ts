// `Redline: Sync AI exclusions`: writes the sensitive and excluded globs into every assistant's own
// exclusion file, after a preview (each file with its summary and a diff), as one undoable edit.
import * as vscode from 'vscode';
import { defaultNotSensitive, defaultSensitiveGlobs, defaultSyncTargets, planExclusionSync, sensitiveGlobs, type ExclusionSyncPlan, type FileChange, type ManualStep, type SyncProblem } from '../../core/context';
import type { RedlineSettings } from '../../core/config';
import type { RedlineServices } from '../services';
import { readDisk } from './exposureModel';

/** Scheme of the read-only documents that show a file before and after the sync. */
export const SYNC_PREVIEW_SCHEME = 'redline-exclusions';

/** Arguments of `redline.syncAiExclusions` (all optional; tests pass `confirm: true`). */
export interface SyncArgs {
  /** Apply every change without the preview. */
  readonly confirm?: boolean;
  /** The workspace folder to sync (default: the only one, or the one picked). */
  readonly folder?: vscode.Uri;
}

/** What a run of the command did. */
export interface SyncResult {
  /** Files written, workspace-relative. */
  readonly written: readonly string[];
  /** True when nothing needed writing. */
  readonly inSync: boolean;
  readonly manual: readonly ManualStep[];
  readonly errors: readonly SyncProblem[];
  readonly cancelled?: boolean;
}

/** The globs Sync writes: the sensitive globs in force plus `excludeFromAI`, and the `!` exceptions. */
export function exclusionGlobs(settings: RedlineSettings): { globs: string[]; exceptions: string[] } {
  const globs = [...new Set([...sensitiveGlobs({ add: settings['sensitiveFiles.add'], remove: settings['sensitiveFiles.remove'] }), ...settings.excludeFromAI])];
  const extra = settings['sensitiveFiles.remove'].filter((r) => !defaultSensitiveGlobs.includes(r));
  return { globs, exceptions: [...new Set([...defaultNotSensitive, ...extra])] };
}

/** Read-only documents with the current and proposed text of each file in the last preview. */
export class SyncPreviewDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private generation = 0;

  /** Registers the texts of a plan; returns the (current, proposed) URIs of each change. */
  register(changes: readonly FileChange[]): Map<FileChange, { current: vscode.Uri; proposed: vscode.Uri }> {
    this.texts.clear();
    const gen = ++this.generation;
    const out = new Map<FileChange, { current: vscode.Uri; proposed: vscode.Uri }>();
    for (const change of changes) {
      const current = vscode.Uri.from({ scheme: SYNC_PREVIEW_SCHEME, path: `/${change.path}`, query: `${gen}-current` });
      const proposed = vscode.Uri.from({ scheme: SYNC_PREVIEW_SCHEME, path: `/${change.path}`, query: `${gen}-proposed` });
      this.texts.set(current.toString(), change.before ?? '');
      this.texts.set(proposed.toString(), change.after);
      out.set(change, { current, proposed });
    }
    return out;
  }

  /** Shows a Markdown text as a read-only document. */
  async showText(name: string, text: string): Promise<void> {
    const uri = vscode.Uri.from({ scheme: SYNC_PREVIEW_SCHEME, path: `/${name}`, query: String(++this.generation) });
    this.texts.set(uri.toString(), text);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
    await vscode.window.showTextDocument(doc, { preview: true });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}

interface ChangeItem extends vscode.QuickPickItem {
  readonly change: FileChange;
}

/** Runs the sync for one folder. */
export class ExclusionSync {
  constructor(private readonly services: RedlineServices, private readonly previews: SyncPreviewDocuments) {}

  async run(args: SyncArgs = {}): Promise<SyncResult> {
    const folder = await pickFolder(args.folder);
    if (!folder) {
      if (!vscode.workspace.workspaceFolders?.length) void vscode.window.showInformationMessage(vscode.l10n.t('Redline: open a folder to sync AI exclusions.'));
      return { written: [], inSync: false, manual: [], errors: [], cancelled: true };
    }
    const { globs, exceptions } = exclusionGlobs(this.services.config.get(folder.uri));
    const plan = planExclusionSync(globs, await this.readTargets(folder), { exceptions });
    if (plan.errors.length > 0) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Redline: left untouched: {0}', plan.errors.map((e) => e.error).join(' ')));
    }
    if (plan.changes.length === 0) {
      if (plan.errors.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Redline: every AI exclusion file is in sync ({0} files, {1} patterns).', defaultSyncTargets().length, globs.length));
      }
      return { written: [], inSync: plan.errors.length === 0, manual: plan.manual, errors: plan.errors };
    }
    const chosen = args.confirm ? plan.changes : await this.preview(plan, globs.length);
    if (!chosen || chosen.length === 0) return { written: [], inSync: false, manual: plan.manual, errors: plan.errors, cancelled: true };
    const written = await this.apply(folder, chosen);
    if (written === undefined) return { written: [], inSync: false, manual: plan.manual, errors: plan.errors, cancelled: true };
    void this.services.audit.record({ type: 'exclusion-sync', file: '', data: { files: written, patterns: globs.length } });
    this.services.log.info(`Synced AI exclusions into ${written.join(', ')}`);
    void this.report(written, plan.manual);
    return { written, inSync: false, manual: plan.manual, errors: plan.errors };
  }

  /** Current text of every target: a document with unsaved changes (the edit applies to it), else the file on disk. */
  private async readTargets(folder: vscode.WorkspaceFolder): Promise<Map<string, string | undefined>> {
    const out = new Map<string, string | undefined>();
    for (const path of defaultSyncTargets()) {
      const uri = vscode.Uri.joinPath(folder.uri, path);
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      out.set(path, doc?.isDirty ? doc.getText() : await readDisk(uri));
    }
    return out;
  }

  /** Multi-select list of the changes (all picked), each with a "Show diff" button. */
  private preview(plan: ExclusionSyncPlan, globCount: number): Promise<readonly FileChange[] | undefined> {
    const uris = this.previews.register(plan.changes);
    const diffButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('diff'), tooltip: vscode.l10n.t('Show diff') };
    const pick = vscode.window.createQuickPick<ChangeItem>();
    pick.title = vscode.l10n.t('Redline: Sync AI exclusions ({0} patterns)', globCount);
    pick.placeholder = vscode.l10n.t('Files to write (Enter applies all checked files as one undoable edit; the diff button previews a file)');
    pick.canSelectMany = true;
    pick.ignoreFocusOut = true;
    pick.items = plan.changes.map((change) => ({ label: change.path, description: change.summary, change, buttons: [diffButton] }));
    pick.selectedItems = pick.items;
    return new Promise((resolve) => {
      let done = false;
      const finish = (value: readonly FileChange[] | undefined): void => {
        if (done) return;
        done = true;
        resolve(value);
        pick.dispose();
      };
      pick.onDidTriggerItemButton(({ item }) => {
        const pair = uris.get(item.change);
        if (!pair) return;
        const title = vscode.l10n.t('{0}: now ↔ after sync', item.change.path);
        void vscode.commands.executeCommand('vscode.diff', pair.current, pair.proposed, title, { preview: true, preserveFocus: true });
      });
      pick.onDidAccept(() => finish(pick.selectedItems.map((i) => i.change)));
      pick.onDidHide(() => finish(undefined));
      pick.show();
    });
  }

  /** Applies the changes as one WorkspaceEdit and saves the files; returns the paths written. */
  private async apply(folder: vscode.WorkspaceFolder, changes: readonly FileChange[]): Promise<string[] | undefined> {
    const edit = new vscode.WorkspaceEdit();
    const docs: vscode.TextDocument[] = [];
    for (const change of changes) {
      const uri = vscode.Uri.joinPath(folder.uri, change.path);
      if (change.before === undefined) {
        edit.createFile(uri, { overwrite: false, contents: new TextEncoder().encode(change.after) });
        continue;
      }
      const doc = await documentWithText(uri, change.before);
      if (doc.getText() !== change.before) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Redline: {0} changed since the preview. Run Sync AI exclusions again.', change.path));
        return undefined;
      }
      edit.replace(uri, new vscode.Range(new vscode.Position(0, 0), doc.positionAt(doc.getText().length)), change.after);
      docs.push(doc);
    }
    const uris = changes.map((c) => vscode.Uri.joinPath(folder.uri, c.path));
    const applied = await asOwnEdits(this.services, uris, () => vscode.workspace.applyEdit(edit));
    if (!applied) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Redline: the exclusion files could not be written (a file may have been created meanwhile). Run Sync AI exclusions again.'));
      return undefined;
    }
    await Promise.all(docs.map((d) => d.save()));
    const unsaved: string[] = [];
    for (const change of changes) {
      if (await readDisk(vscode.Uri.joinPath(folder.uri, change.path)) !== change.after) unsaved.push(change.path);
    }
    if (unsaved.length > 0) {
      this.services.log.error(`Sync AI exclusions: ${unsaved.join(', ')} not saved`, new Error('the saved text differs from the synced text'));
      void vscode.window.showWarningMessage(vscode.l10n.t('Redline: {0} changed but not saved. Save the file(s) to apply the exclusions.', unsaved.join(', ')));
    }
    return changes.map((c) => c.path);
  }

  /** Says what was written and which assistants need a step outside the repository. */
  private async report(written: readonly string[], manual: readonly ManualStep[]): Promise<void> {
    const wrote = vscode.l10n.t('Redline: wrote the AI exclusions into {0}.', shortList(written));
    if (manual.length === 0) {
      void vscode.window.showInformationMessage(wrote);
      return;
    }
    const details = vscode.l10n.t('Show what to do');
    const names = shortList(manual.map((m) => m.assistant));
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('{0} No repository file can keep files from {1}: see what to do instead.', wrote, names), details);
    if (choice === details) await this.previews.showText('AI exclusions - manual steps.md', manualStepsText(manual));
  }
}

/** "a, b and 3 more" for a list that may be long. */
function shortList(items: readonly string[]): string {
  if (items.length <= 3) return items.join(', ');
  return vscode.l10n.t('{0} and {1} more', items.slice(0, 2).join(', '), items.length - 2);
}

/** Markdown listing each assistant without a repository exclusion file and what to do instead. */
export function manualStepsText(manual: readonly ManualStep[]): string {
  const lines = ['# AI exclusions Redline cannot write', '', 'These assistants have no exclusion file in the repository. Do this instead:', ''];
  for (const m of manual) lines.push(`- **${m.assistant}**: ${m.instruction}`);
  lines.push('', 'Keep keys and `.env` files out of the workspace where you can, and close sensitive files before you chat.', '');
  return lines.join('\n');
}

/**
 * Opens `uri` and waits briefly until it shows `text`: a document kept in memory since an earlier
 * version of the file reloads from disk a moment after the file changes.
 */
async function documentWithText(uri: vscode.Uri, text: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  for (let waited = 0; doc.getText() !== text && !doc.isDirty && waited < 2000; waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
  }
  return doc;
}

/** Runs `apply` with every URI marked as Redline's own edit, so the edit watcher does not count it as an AI edit. */
function asOwnEdits<T>(services: RedlineServices, uris: readonly vscode.Uri[], apply: () => Thenable<T>): Promise<T> {
  const [first, ...rest] = uris;
  if (!first) return Promise.resolve(apply());
  return services.watcher.asOwnEdit(first, () => asOwnEdits(services, rest, apply));
}

async function pickFolder(requested: vscode.Uri | undefined): Promise<vscode.WorkspaceFolder | undefined> {
  if (requested) return vscode.workspace.getWorkspaceFolder(requested);
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  const active = vscode.window.activeTextEditor?.document.uri;
  const hint = active ? vscode.workspace.getWorkspaceFolder(active) : undefined;
  return hint ?? vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Sync AI exclusions in which folder?') });
}
