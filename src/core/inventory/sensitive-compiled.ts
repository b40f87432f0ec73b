// The sensitive-path test of src/core/context/sensitive.ts with every glob compiled once, so the
// inventory can check tens of thousands of paths within its budget. Same semantics, same verdicts.
import { Minimatch } from 'minimatch';
import { defaultNotSensitive, defaultSensitiveGlobs, normalizePath, sensitiveGlobs, type SensitiveOptions, type SensitiveVerdict } from '../context/sensitive';

const OPTIONS = { dot: true, nocase: false };

/** One glob as a test: minimatch's own regular expression when it has one, else its matcher. */
function compile(pattern: string): (path: string) => boolean {
  const m = new Minimatch(pattern, OPTIONS);
  const re = m.makeRe();
  return re ? (path) => re.test(path) : (path) => m.match(path);
}

/** `globPredicate` with its patterns compiled up front. */
export function compiledGlobPredicate(glob: string): (path: string) => boolean {
  const pattern = glob.replace(/^\.\//, '').replace(/^\//, '');
  if (!pattern.includes('/')) {
    const m = compile(pattern);
    return (path) => m(path.slice(path.lastIndexOf('/') + 1));
  }
  const p = pattern.endsWith('/') ? `${pattern}**` : pattern;
  const a = compile(p);
  const b = compile(`${p.replace(/\/\*\*$/, '')}/**`);
  return (path) => a(path) || b(path);
}

/** `sensitiveMatcher` with compiled globs (defaults plus `add`, minus `remove`; other `remove` entries are exceptions). */
export function compiledSensitiveMatcher(options: SensitiveOptions = {}): (relativePath: string) => SensitiveVerdict {
  const tests = sensitiveGlobs(options).map((glob) => ({ glob, test: compiledGlobPredicate(glob) }));
  const excepted = [...defaultNotSensitive, ...(options.remove ?? []).filter((r) => !defaultSensitiveGlobs.includes(r))].map(compiledGlobPredicate);
  return (relativePath) => {
    const path = normalizePath(relativePath);
    if (excepted.some((t) => t(path))) return { sensitive: false };
    const hit = tests.find((t) => t.test(path));
    return hit ? { sensitive: true, glob: hit.glob } : { sensitive: false };
  };
}
