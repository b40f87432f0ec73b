// "Redline: Run Check on Changes": runs the same check as `redline check` in-process on each workspace
// folder and shows the result in the Problems view.
import * as vscode from 'vscode';
import { GuardrailEngine } from '../../core/guardrails';
import { runCheck, type CheckResult } from '../../cli/check/run';
import { UsageError } from '../../cli/io';
import { grammarLoader } from '../grammars';
import type { RedlineServices } from '../services';
import { checkDiagnostics } from './diagnostics';

/** What the command returns (for tests and other extensions). */
export interface CheckSummary {
  readonly folders: number;
  readonly findings: number;
  readonly checkpoints: number;
  readonly errors: readonly string[];
}

/** Registers the command and its diagnostic collection. */
export function activateCheck(services: RedlineServices): void {
  const { context, log } = services;
  const collection = vscode.languages.createDiagnosticCollection('redline-check');
  let engine: GuardrailEngine | undefined;
  let running: Promise<CheckSummary> | undefined;
  const run = async (): Promise<CheckSummary> => {
    engine ??= new GuardrailEngine(grammarLoader(context.extensionUri));
    const current = engine;
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Redline: checking changes…') }, () => checkFolders(current, collection, log));
  };
  context.subscriptions.push(collection, vscode.commands.registerCommand('redline.runCheck', async () => {
    running ??= run().finally(() => { running = undefined; });
    return running;
  }));
}

async function checkFolders(engine: GuardrailEngine, collection: vscode.DiagnosticCollection, log: RedlineServices['log']): Promise<CheckSummary> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  if (folders.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Redline check needs a folder in a git repository.'));
    return { folders: 0, findings: 0, checkpoints: 0, errors: [] };
  }
  const results: CheckResult[] = [];
  const errors: string[] = [];
  for (const folder of folders) {
    try {
      results.push(await runCheck({ cwd: folder.uri.fsPath, engine }));
    } catch (err) {
      const message = err instanceof UsageError ? err.message : `${err instanceof Error ? err.message : String(err)}`;
      if (!(err instanceof UsageError)) log.error(`redline check failed in ${folder.name}: ${message}`);
      errors.push(`${folder.name}: ${message}`);
    }
  }
  collection.clear();
  for (const result of results) {
    for (const { uri, diagnostics } of checkDiagnostics(result).values()) collection.set(uri, [...(collection.get(uri) ?? []), ...diagnostics]);
  }
  const summary = {
    folders: results.length,
    findings: results.reduce((n, r) => n + r.findings.length, 0),
    checkpoints: results.reduce((n, r) => n + r.checkpoints.length, 0),
    errors,
  };
  void report(summary, results);
  return summary;
}

async function report(summary: CheckSummary, results: readonly CheckResult[]): Promise<void> {
  for (const e of summary.errors) void vscode.window.showErrorMessage(vscode.l10n.t('Redline check: {0}', e));
  if (results.length === 0) return;
  const base = results.length === 1 ? results[0]?.base.ref ?? '' : vscode.l10n.t('each folder\'s base');
  const unsaved = vscode.workspace.textDocuments.some((d) => d.isDirty && d.uri.scheme === 'file') ? vscode.l10n.t(' Unsaved changes are not included.') : '';
  const text = summary.findings === 0 && summary.checkpoints === 0
    ? vscode.l10n.t('Redline check: no findings in the changes since {0}.{1}', base, unsaved)
    : vscode.l10n.t('Redline check: {0} finding(s) and {1} review checkpoint(s) in the changes since {2}.{3}', summary.findings, summary.checkpoints, base, unsaved);
  if (summary.findings === 0 && summary.checkpoints === 0) {
    void vscode.window.showInformationMessage(text);
    return;
  }
  const show = vscode.l10n.t('Show Problems');
  const choice = await vscode.window.showWarningMessage(text, show);
  if (choice === show) await vscode.commands.executeCommand('workbench.actions.view.problems');
}
