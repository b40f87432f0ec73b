// Builds the AI context exposure report of a workspace folder: lists its files, scans the small
// text files for secrets, and hands everything to the core's `computeExposure`.
import * as vscode from 'vscode';
import { assistants as allAssistants } from '../../core/assistants';
import { computeExposure, type ExposureReport } from '../../core/context';
import type { SecretMatch } from '../../core/secrets';
import { relativePath } from '../paths';
import { PRUNED_FOLDERS, secretsIn, type ExposureModel } from './exposureModel';

const MAX_FILES = 20000;
/** Files whose content is scanned, at most; the rest are judged by name. */
const MAX_CONTENT_FILES = 5000;
const MAX_CONTENT_BYTES = 512 * 1024;
const BATCH = 16;

/** The exposure report of one folder, with what the scan left out. */
export interface FolderExposure {
  readonly folder: vscode.WorkspaceFolder;
  readonly report: ExposureReport;
  /** No assistant was found, so every assistant Redline knows was assumed. */
  readonly assumed: boolean;
  /** Files judged by name only (too large, binary, unreadable, or past the scan limit). */
  readonly notScanned: number;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8000);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

async function secretsOf(uri: vscode.Uri, path: string): Promise<readonly SecretMatch[] | undefined> {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (doc) return secretsIn(doc.getText(), path);
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_CONTENT_BYTES) return undefined;
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (looksBinary(bytes)) return undefined;
    return secretsIn(new TextDecoder('utf-8').decode(bytes), path);
  } catch {
    return undefined;
  }
}

/** Scans `folder` and computes its exposure; stops early (returning undefined) when cancelled. */
export async function scanFolder(folder: vscode.WorkspaceFolder, model: ExposureModel, token: vscode.CancellationToken): Promise<FolderExposure | undefined> {
  const uris = (await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*'), PRUNED_FOLDERS, MAX_FILES, token))
    .sort((a, b) => a.path.localeCompare(b.path));
  const files = uris.map((u) => relativePath(u));
  const secrets = new Map<string, readonly SecretMatch[]>();
  let notScanned = Math.max(0, uris.length - MAX_CONTENT_FILES);
  const scanned = uris.slice(0, MAX_CONTENT_FILES);
  for (let i = 0; i < scanned.length; i += BATCH) {
    if (token.isCancellationRequested) return undefined;
    const batch = scanned.slice(i, i + BATCH);
    const found = await Promise.all(batch.map((u) => secretsOf(u, relativePath(u))));
    batch.forEach((uri, j) => {
      const matches = found[j];
      if (matches === undefined) {
        notScanned++;
        return;
      }
      model.noteScanned(uri, matches);
      if (matches.length > 0) secrets.set(relativePath(uri), matches);
    });
  }
  const facts = await model.factsFor(folder);
  const assumed = facts.present.length === 0;
  const report = computeExposure({
    files,
    ignoreFiles: facts.ignoreFiles,
    assistants: assumed ? allAssistants : facts.present,
    isSensitive: model.matcherFor(folder),
    secrets,
  });
  return { folder, report, assumed, notScanned };
}
