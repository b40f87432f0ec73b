// Loads the tree-sitter runtime and grammars that the build copies to dist/wasm.
import * as vscode from 'vscode';
import type { GrammarLoader } from '../core/guardrails';

/** A loader reading `dist/wasm/<file>` from the installed extension (works in remote hosts too). */
export function grammarLoader(extensionUri: vscode.Uri): GrammarLoader {
  return async (file: string) => vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', 'wasm', file));
}
