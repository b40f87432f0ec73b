// Workspace-relative paths and glob matching for URIs.
import * as vscode from 'vscode';
import { minimatch } from 'minimatch';

/** The path of `uri` relative to its workspace folder (forward slashes), or its file name. */
export function relativePath(uri: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return uri.path.split('/').pop() ?? uri.path;
  const rel = uri.path.slice(folder.uri.path.length).replace(/^\/+/, '');
  return rel || uri.path.split('/').pop() || uri.path;
}

/** True when the relative path matches one of the globs. */
export function matchesAny(rel: string, globs: readonly string[]): boolean {
  return globs.some((g) => minimatch(rel, g, { dot: true, matchBase: !g.includes('/') }));
}
