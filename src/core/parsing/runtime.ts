// Loads the tree-sitter WASM runtime and grammars from bytes handed in by an adapter, lazily and once.
import * as TreeSitter from '@vscode/tree-sitter-wasm';
import { grammarFileFor } from './languages';

/** Supplies the bytes of a WASM file by name (`tree-sitter.wasm`, `tree-sitter-python.wasm`); adapters do the I/O. */
export type GrammarLoader = (file: string) => Promise<Uint8Array>;

export type SyntaxTree = TreeSitter.Tree;
export type SyntaxNode = TreeSitter.Node;
export type TreeCursor = TreeSitter.TreeCursor;

/** The module options Emscripten understands; the package's typings list only `locateFile`. */
interface ModuleOptions {
  locateFile: (file: string, folder: string) => string;
  wasmBinary: Uint8Array;
}

/**
 * Owns the runtime, the loaded languages and one parser per language. Parsing is synchronous once a
 * language is loaded; loading is asynchronous and happens at most once per grammar.
 */
export class ParserPool {
  private runtime: Promise<boolean> | undefined;
  private readonly loading = new Map<string, Promise<boolean>>();
  private readonly parsers = new Map<string, TreeSitter.Parser>();

  constructor(private readonly loader: GrammarLoader) {}

  /** Loads the grammar for a VS Code language id; resolves false when unknown or the load failed. */
  ensure(languageId: string): Promise<boolean> {
    const file = grammarFileFor(languageId);
    if (!file) return Promise.resolve(false);
    let pending = this.loading.get(file);
    if (!pending) {
      pending = this.load(file);
      this.loading.set(file, pending);
    }
    return pending;
  }

  /** True when `languageId` can be parsed synchronously now. */
  isReady(languageId: string): boolean {
    const file = grammarFileFor(languageId);
    return file !== undefined && this.parsers.has(file);
  }

  /** Parses `text`, reusing `previous` (already edited) for incremental parsing; undefined when not loaded. */
  parse(languageId: string, text: string, previous?: SyntaxTree): SyntaxTree | undefined {
    const file = grammarFileFor(languageId);
    const parser = file ? this.parsers.get(file) : undefined;
    if (!parser) return undefined;
    return parser.parse(text, previous) ?? undefined;
  }

  private initRuntime(): Promise<boolean> {
    this.runtime ??= (async () => {
      const wasmBinary = await this.loader('tree-sitter.wasm');
      const options: ModuleOptions = { locateFile: (file) => file, wasmBinary };
      await TreeSitter.Parser.init(options as unknown as { locateFile: ModuleOptions['locateFile'] });
      return true;
    })().catch(() => false);
    return this.runtime;
  }

  private async load(file: string): Promise<boolean> {
    try {
      if (!(await this.initRuntime())) return false;
      const language = await TreeSitter.Language.load(await this.loader(file));
      const parser = new TreeSitter.Parser();
      parser.setLanguage(language);
      this.parsers.set(file, parser);
      return true;
    } catch {
      return false;
    }
  }
}
