// "Exclude from AI context": puts one file into `redline.excludeFromAI` (workspace settings) unless
// the sensitive globs or the list already cover it, then offers to sync every assistant's file.
import * as vscode from 'vscode';
import { globPredicate } from '../../core/context';
import { relativePath } from '../paths';
import type { RedlineConfig } from '../settings';
import type { ExposureModel } from './exposureModel';

/**
 * The pattern that names exactly this file: glob characters escaped (`pages/\[id\].tsx`), anchored
 * at the root for a top-level file.
 */
export function patternFor(path: string): string {
  const escaped = path.replace(/[[\]*?\\]/g, (c) => `\\${c}`);
  return escaped.includes('/') ? escaped.replace(/^([#!])/, '\\$1') : `/${escaped}`;
}

/** Adds `uri` to the exclusion list when nothing lists it yet, and offers Sync; returns the pattern added, if any. */
export async function excludeFromAI(uri: vscode.Uri, model: ExposureModel, config: RedlineConfig): Promise<string | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Redline: only files inside a workspace folder can be excluded.'));
    return undefined;
  }
  const path = relativePath(uri);
  const byGlob = model.matcherFor(folder)(path);
  const listed = byGlob.sensitive ? byGlob.glob : config.get(folder.uri).excludeFromAI.find((g) => globPredicate(g)(path));
  let added: string | undefined;
  if (!listed) {
    added = patternFor(path);
    const section = vscode.workspace.getConfiguration('redline', folder.uri);
    const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
    const inspected = section.inspect<string[]>('excludeFromAI');
    const current = (multiRoot ? inspected?.workspaceFolderValue : inspected?.workspaceValue) ?? [];
    await section.update('excludeFromAI', [...current, added], multiRoot ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Workspace);
  }
  const message = added
    ? vscode.l10n.t('Redline: added {0} to redline.excludeFromAI. Write it into every assistant\'s exclusion file now?', added)
    : vscode.l10n.t('Redline: {0} is already excluded by {1}. Write the list into every assistant\'s exclusion file now?', path, listed ?? '');
  void offerSync(message, folder);
  return added;
}

async function offerSync(message: string, folder: vscode.WorkspaceFolder): Promise<void> {
  const sync = vscode.l10n.t('Sync AI exclusions');
  if (await vscode.window.showInformationMessage(message, sync) === sync) {
    await vscode.commands.executeCommand('redline.syncAiExclusions', { folder: folder.uri });
  }
}
