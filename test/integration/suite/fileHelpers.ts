// Workspace file helpers for the edit-watcher suites: committed files give git-HEAD baselines.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { waitFor, workspaceFolder } from './helpers';
import type { RedlineApi } from '../../../src/extension/main';

/** Writes `rel` with `text` and commits it, so git HEAD holds it; returns its URI. */
export function commitFile(rel: string, text: string): vscode.Uri {
  const root = workspaceFolder().uri.fsPath;
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  execFileSync('git', ['add', rel], { cwd: root });
  execFileSync('git', ['commit', '-q', '-m', `Add ${rel}`], { cwd: root });
  return vscode.Uri.file(file);
}

/** Replaces the whole document in one WorkspaceEdit, as an assistant's "apply" does. */
export async function applyAssistantEdit(uri: vscode.Uri, text: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
  assert(await vscode.workspace.applyEdit(edit), 'applyEdit failed');
  return doc;
}

function assert(ok: boolean, message: string): void {
  if (!ok) throw new Error(message);
}

export function redlineDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Redline');
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Waits until Redline reports a diagnostic with `ruleId` on `uri`. */
export function waitForDiagnostic(uri: vscode.Uri, ruleId: string, timeoutMs = 15000): Promise<vscode.Diagnostic> {
  return waitFor(() => redlineDiagnostics(uri).find((d) => codeOf(d) === ruleId), `${ruleId} on ${path.basename(uri.fsPath)}`, timeoutMs);
}

/** Waits until Redline reports nothing on `uri`. */
export async function waitForNoDiagnostics(uri: vscode.Uri, timeoutMs = 15000): Promise<void> {
  await waitFor(() => redlineDiagnostics(uri).length === 0, `no Redline diagnostics on ${path.basename(uri.fsPath)}`, timeoutMs);
}

export function lineOf(text: string, needle: string): number {
  const line = text.split('\n').findIndex((l) => l.includes(needle));
  if (line < 0) throw new Error(`"${needle}" not in text`);
  return line;
}

export async function redlineApi(): Promise<RedlineApi> {
  const ext = vscode.extensions.getExtension('redline-dev.redline');
  if (!ext) throw new Error('Redline not installed');
  return (await ext.activate()) as RedlineApi;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
