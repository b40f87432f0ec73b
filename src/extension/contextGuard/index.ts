// Context guard in the editor (issue 6): warns before sensitive files reach an AI assistant, badges
// them in the Explorer, copies text with secrets masked, syncs one exclusion list into every
// assistant's own file, shows the exposure, and flags secrets an AI edit writes.
import * as vscode from 'vscode';
import type { RedlineServices } from '../services';
import { copyRedacted } from './copyRedacted';
import { ExposureStatusNote, SensitiveFileDecorations, type StatusNoteState } from './decorations';
import { excludeFromAI } from './excludeFile';
import { ExposureModel } from './exposureModel';
import { EXPOSURE_VIEW_ID, ExposureTreeProvider } from './exposureView';
import { SecretEditMonitor } from './secretEdits';
import { ExclusionSync, SYNC_PREVIEW_SCHEME, SyncPreviewDocuments, type SyncArgs } from './syncExclusions';
import { ContextWarner, type ShownWarning } from './warner';

const NOTE_DEBOUNCE_MS = 400;

/** What tests (through `RedlineApi`) can observe of the context guard. */
export interface ContextGuardProbe {
  /** Sensitive-file warnings shown this session, oldest first. */
  warnings(): readonly ShownWarning[];
  /** The status bar note for the active editor. */
  statusNote(): StatusNoteState;
  /** The Explorer decoration of a file (badge and tooltip), if it is sensitive. */
  decoration(uri: vscode.Uri): Promise<{ badge?: string; tooltip?: string; colored: boolean } | undefined>;
  /** Re-reads assistants and exclusion files now instead of after the file watcher's delay. */
  refresh(): void;
}

/** Registers the context guard's providers, views and commands. */
export function activateContextGuard(services: RedlineServices): ContextGuardProbe {
  const { context, config } = services;
  const model = new ExposureModel(config);
  const warner = new ContextWarner(model, config, context.workspaceState, { excludeFromAI: (uri) => excludeFromAI(uri, model, config) });
  const decorations = new SensitiveFileDecorations(model);
  const note = new ExposureStatusNote(model);
  const previews = new SyncPreviewDocuments();
  const sync = new ExclusionSync(services, previews);
  const tree = new ExposureTreeProvider(model);
  const view = vscode.window.createTreeView(EXPOSURE_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  tree.attach(view);
  const noteTimers = new Map<string, ReturnType<typeof setTimeout>>();

  context.subscriptions.push(model, warner, decorations, note, tree, view, new SecretEditMonitor(services),
    vscode.window.registerFileDecorationProvider(decorations),
    vscode.workspace.registerTextDocumentContentProvider(SYNC_PREVIEW_SCHEME, previews),
    // Content can make a file sensitive: rescan visible documents shortly after they change.
    vscode.workspace.onDidChangeTextDocument((e) => {
      const key = e.document.uri.toString();
      if (!vscode.window.visibleTextEditors.some((ed) => ed.document.uri.toString() === key)) return;
      clearTimeout(noteTimers.get(key));
      noteTimers.set(key, setTimeout(() => {
        noteTimers.delete(key);
        model.noteDocument(e.document);
      }, NOTE_DEBOUNCE_MS));
    }),
    vscode.workspace.onDidOpenTextDocument((doc) => {
      model.noteDocument(doc);
    }),
    { dispose: () => noteTimers.forEach((t) => clearTimeout(t)) },
    vscode.commands.registerCommand('redline.copyRedacted', () => copyRedacted()),
    vscode.commands.registerCommand('redline.excludeFromAI', (uri?: vscode.Uri) => {
      const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
      return target ? excludeFromAI(target, model, config) : undefined;
    }),
    vscode.commands.registerCommand('redline.syncAiExclusions', (args?: SyncArgs) => sync.run(args)),
    vscode.commands.registerCommand('redline.showExposure', async () => {
      await vscode.commands.executeCommand(`${EXPOSURE_VIEW_ID}.focus`);
      return tree.refresh();
    }),
    vscode.commands.registerCommand('redline.refreshExposure', () => tree.refresh()),
  );
  for (const doc of vscode.workspace.textDocuments) model.noteDocument(doc);

  return {
    warnings: () => warner.warnings(),
    statusNote: () => note.snapshot(),
    decoration: async (uri) => {
      const d = await decorations.provideFileDecoration(uri);
      return d ? { ...(d.badge ? { badge: d.badge } : {}), ...(d.tooltip ? { tooltip: d.tooltip } : {}), colored: d.color !== undefined } : undefined;
    },
    refresh: () => model.refresh(),
  };
}
