// "Exclude from AI context": puts one file into `redline.excludeFromAI` (workspace settings) unless a
// sensitive glob already lists it, then offers to sync every assistant's exclusion file.
import * as vscode from 'vscode';
import type { FileExposure } from './exposureModel';

/** The pattern that names exactly this file: anchored at the root for a top-level file. */
export function patternFor(path: string): string {
  return path.includes('/') ? path : `/${path}`;
}

/** Adds the file to the exclusion list when needed and offers Sync; returns the pattern added, if any. */
export async function excludeFromAI(exposure: FileExposure): Promise<string | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(exposure.uri);
  if (!folder) return undefined;
  const byGlob = exposure.entry.reasons.some((r) => r.kind === 'glob');
  let added: string | undefined;
  if (!byGlob) {
    added = patternFor(exposure.path);
    const section = vscode.workspace.getConfiguration('redline', folder.uri);
    const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
    const inspected = section.inspect<string[]>('excludeFromAI');
    const current = (multiRoot ? inspected?.workspaceFolderValue : inspected?.workspaceValue) ?? [];
    if (!current.includes(added)) {
      await section.update('excludeFromAI', [...current, added], multiRoot ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Workspace);
    }
  }
  const sync = vscode.l10n.t('Sync AI exclusions');
  const message = added
    ? vscode.l10n.t('Redline: added {0} to redline.excludeFromAI. Write it into every assistant\'s exclusion file now?', added)
    : vscode.l10n.t('Redline: {0} is already on the sensitive list. Write the list into every assistant\'s exclusion file now?', exposure.path);
  const choice = await vscode.window.showInformationMessage(message, sync);
  if (choice === sync) await vscode.commands.executeCommand('redline.syncAiExclusions', { folder: folder.uri });
  return added;
}
