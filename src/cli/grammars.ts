// Finds the tree-sitter WASM files for the CLI: next to the bundle (dist/wasm) or in node_modules.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GrammarLoader } from '../core/guardrails';

/** Folders that may hold the grammars, most specific first. */
export function grammarFolders(): string[] {
  const folders = [path.join(__dirname, 'wasm')];
  try {
    folders.push(path.dirname(require.resolve('@vscode/tree-sitter-wasm/wasm/tree-sitter.wasm')));
  } catch {
    // not installed next to this build: the bundle's own copy must do
  }
  folders.push(path.resolve(__dirname, '..', '..', '..', 'node_modules', '@vscode', 'tree-sitter-wasm', 'wasm'));
  return folders;
}

/** A loader that reads `file` from the first folder holding it. */
export function fileGrammarLoader(folders: readonly string[] = grammarFolders()): GrammarLoader {
  return async (file) => {
    for (const folder of folders) {
      const candidate = path.join(folder, file);
      if (fs.existsSync(candidate)) return new Uint8Array(await fs.promises.readFile(candidate));
    }
    throw new Error(`grammar ${file} not found in ${folders.join(', ')}`);
  };
}
