// Imports in source files (JS/TS, Python, Go), mapped to the package that provides them, so an
// edit that imports a package no manifest declares can be flagged.
import { LineIndex } from '../text';
import { normalizeName } from './popular';
import { NODE_BUILTINS, PYTHON_IMPORT_TO_DISTRIBUTION, PYTHON_STDLIB } from './stdlib';
import type { Ecosystem, ImportRef } from './types';

const JS_LANGUAGES = new Set(['javascript', 'javascriptreact', 'typescript', 'typescriptreact']);

/** The registry whose packages a language imports, or undefined for a language Redline does not read. */
export function importEcosystem(languageId: string): Ecosystem | undefined {
  if (JS_LANGUAGES.has(languageId)) return 'npm';
  if (languageId === 'python') return 'pypi';
  if (languageId === 'go') return 'go';
  return undefined;
}

interface RawImport { module: string; offset: number }

const JS_PATTERNS = [
  /\bfrom\s{0,20}(['"])([^'"\n]{1,300})\1/g,
  /\bimport\s{0,20}(['"])([^'"\n]{1,300})\1/g,
  /\b(?:require|import)\s{0,20}\(\s{0,20}(['"])([^'"\n]{1,300})\1\s{0,20}\)/g,
];

function jsImports(text: string): RawImport[] {
  const seen = new Set<number>();
  const out: RawImport[] = [];
  for (const re of JS_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const module = m[2] ?? '';
      const offset = (m.index ?? 0) + m[0].indexOf(module, m[0].indexOf(m[1] ?? "'"));
      if (!seen.has(offset)) {
        seen.add(offset);
        out.push({ module, offset });
      }
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

function pythonImports(text: string): RawImport[] {
  const out: RawImport[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const from = /^(\s{0,40})from\s{1,20}([A-Za-z_][\w.]{0,200})\s{1,20}import\b/.exec(line);
    if (from && from[2]) out.push({ module: from[2], offset: offset + line.indexOf(from[2], (from[1] ?? '').length + 4) });
    const imp = /^(\s{0,40})import\s{1,20}([^#;\n]{1,500})/.exec(line);
    if (imp && imp[2]) {
      let at = line.indexOf(imp[2], (imp[1] ?? '').length + 6);
      for (const part of imp[2].split(',')) {
        const name = part.trim().split(/\s/)[0] ?? '';
        if (/^[A-Za-z_][\w.]{0,200}$/.test(name)) out.push({ module: name, offset: offset + line.indexOf(name, at) });
        at += part.length + 1;
      }
    }
    offset += line.length + 1;
  }
  return out;
}

function goImports(text: string): RawImport[] {
  const out: RawImport[] = [];
  let inBlock = false;
  let offset = 0;
  for (const line of text.split('\n')) {
    const code = line.replace(/\/\/.*$/, '');
    if (inBlock && /^\s*\)/.test(code)) inBlock = false;
    else if (/^\s*import\s*\(\s*$/.test(code)) inBlock = true;
    const m = inBlock || /^\s*import\s/.test(code) ? /"([^"\s]{1,300})"/.exec(code) : null;
    if (m && m[1]) out.push({ module: m[1], offset: offset + (m.index ?? 0) + 1 });
    offset += line.length + 1;
  }
  return out;
}

function jsPackage(module: string): string | undefined {
  if (/^(?:\.|\/|~|#|@\/|[a-z][a-z0-9+.-]{0,20}:)/i.test(module)) return undefined;
  const parts = module.split('/');
  const name = module.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
  if (NODE_BUILTINS.has(name) || name === '' || (module.startsWith('@') && parts.length < 2)) return undefined;
  return name;
}

function pythonPackage(module: string): string | undefined {
  const top = module.split('.')[0] ?? '';
  if (top === '' || PYTHON_STDLIB.has(top)) return undefined;
  return PYTHON_IMPORT_TO_DISTRIBUTION[top] ?? top;
}

function goPackage(module: string): string | undefined {
  const parts = module.split('/');
  if (!(parts[0] ?? '').includes('.')) return undefined;
  const keep = parts[0] === 'gopkg.in' ? 2 : 3;
  return parts.slice(0, keep).join('/');
}

/** Every import of a package (not relative, not built in) in a source text, with its range. */
export function importedModules(languageId: string, text: string): ImportRef[] {
  const ecosystem = importEcosystem(languageId);
  if (ecosystem === undefined) return [];
  const raw = ecosystem === 'npm' ? jsImports(text) : ecosystem === 'pypi' ? pythonImports(text) : goImports(text);
  const toPackage = ecosystem === 'npm' ? jsPackage : ecosystem === 'pypi' ? pythonPackage : goPackage;
  const lines = new LineIndex(text);
  const out: ImportRef[] = [];
  for (const r of raw) {
    const packageName = toPackage(r.module);
    if (packageName !== undefined) out.push({ module: r.module, packageName, ecosystem, range: lines.rangeOf(r.offset, r.offset + r.module.length) });
  }
  return out;
}

function isDeclared(ref: ImportRef, declared: ReadonlySet<string>): boolean {
  if (ref.ecosystem === 'go') {
    for (const mod of declared) if (ref.module === mod || ref.module.startsWith(`${mod}/`)) return true;
    return false;
  }
  const wanted = normalizeName(ref.packageName, ref.ecosystem);
  const top = normalizeName(ref.module.split('.')[0] ?? '', ref.ecosystem);
  for (const name of declared) {
    const n = normalizeName(name, ref.ecosystem);
    if (n === wanted || n === top) return true;
  }
  return false;
}

/**
 * Imports of packages that `declared` (the names in the project's manifests; for Go the module
 * paths of go.mod, including the project's own module) does not contain. Relative imports, Node
 * built-ins (also `node:`), the Python standard library and the Go standard library are ignored.
 */
export function undeclaredImports(languageId: string, text: string, declared: ReadonlySet<string>): ImportRef[] {
  return importedModules(languageId, text).filter((ref) => !isDeclared(ref, declared));
}
