// The languages the guardrail engine parses with real grammars, by VS Code language id.

/** Language families share node shapes (TS and TSX are JavaScript with types). */
export type LanguageFamily = 'js' | 'python' | 'go' | 'java';

const GRAMMARS: Readonly<Record<string, { file: string; family: LanguageFamily }>> = {
  javascript: { file: 'tree-sitter-javascript.wasm', family: 'js' },
  javascriptreact: { file: 'tree-sitter-javascript.wasm', family: 'js' },
  typescript: { file: 'tree-sitter-typescript.wasm', family: 'js' },
  typescriptreact: { file: 'tree-sitter-tsx.wasm', family: 'js' },
  python: { file: 'tree-sitter-python.wasm', family: 'python' },
  go: { file: 'tree-sitter-go.wasm', family: 'go' },
  java: { file: 'tree-sitter-java.wasm', family: 'java' },
};

/** Every language id with a grammar. */
export const parsedLanguageIds: readonly string[] = Object.keys(GRAMMARS);

/** The WASM grammar file for a language id, or undefined for the textual fallback. */
export function grammarFileFor(languageId: string): string | undefined {
  return GRAMMARS[languageId]?.file;
}

/** The node-shape family of a parsed language. */
export function familyOf(languageId: string): LanguageFamily | undefined {
  return GRAMMARS[languageId]?.family;
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascriptreact',
  ts: 'typescript', mts: 'typescript', cts: 'typescript', tsx: 'typescriptreact',
  py: 'python', go: 'go', java: 'java',
  rb: 'ruby', php: 'php', cs: 'csharp', sh: 'shellscript', bash: 'shellscript', yaml: 'yaml', yml: 'yaml',
  kt: 'kotlin', rs: 'rust', json: 'json', xml: 'xml', conf: 'properties', env: 'dotenv',
};

/** Guesses a VS Code language id from a file name's extension (`plaintext` when unknown). */
export function languageIdForPath(path: string): string {
  const dot = path.lastIndexOf('.');
  const ext = dot >= 0 ? path.slice(dot + 1).toLowerCase() : '';
  return EXTENSIONS[ext] ?? 'plaintext';
}
