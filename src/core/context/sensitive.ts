// Which workspace paths are sensitive (keys, .env files, credentials), as minimatch globs that the
// user's settings and the workspace policy can extend or trim.
import { Minimatch } from 'minimatch';

/** The default sensitive globs (issue 6). Globs without a slash match a file's base name anywhere. */
export const defaultSensitiveGlobs: readonly string[] = [
  '.env*', '*.pem', '*.key', 'id_rsa*', 'id_ed25519*', '*.p12', '*.pfx', '*.jks', '*.keystore', 'credentials*',
  'secrets.*', '*.tfstate*', '.npmrc', '.pypirc', '.netrc', '.git-credentials', 'kubeconfig', '**/.aws/**', '**/.ssh/**',
  'service-account*.json',
];

/** Files that match a default glob but are templates meant to be shared. */
export const defaultNotSensitive: readonly string[] = ['.env.example', '.env.sample', '.env.template', '.env.dist', '*.pub', 'id_rsa*.pub', 'id_ed25519*.pub'];

/** What `sensitiveMatcher` says about a path. */
export interface SensitiveVerdict {
  readonly sensitive: boolean;
  /** The glob that made it sensitive. */
  readonly glob?: string;
}

/** Changes to the default list: globs to add, globs to remove (a removed default, or an exception such as `config/*.key`). */
export interface SensitiveOptions {
  readonly add?: readonly string[];
  readonly remove?: readonly string[];
}

const GLOB_OPTIONS = { dot: true, nocase: false };

/** One glob compiled once: minimatch's regular expression when it has one, else its matcher. */
function compile(pattern: string): (path: string) => boolean {
  const m = new Minimatch(pattern, GLOB_OPTIONS);
  const re = m.makeRe();
  return re ? (path) => re.test(path) : (path) => m.match(path);
}

/** A predicate for one glob, gitignore-style: no slash means "this base name at any depth". */
export function globPredicate(glob: string): (path: string) => boolean {
  const pattern = glob.replace(/^\.\//, '').replace(/^\//, '');
  if (!pattern.includes('/')) {
    const base = compile(pattern);
    return (path) => base(path.slice(path.lastIndexOf('/') + 1));
  }
  const p = pattern.endsWith('/') ? `${pattern}**` : pattern;
  const exact = compile(p);
  const below = compile(`${p.replace(/\/\*\*$/, '')}/**`);
  return (path) => exact(path) || below(path);
}

/** Normalises a workspace-relative path to `a/b/c` form. */
export function normalizePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '').replace(/^\/+/, '');
}

/**
 * Builds the sensitive-path test from the defaults plus `add`, minus `remove`. A `remove` entry that
 * is one of the globs drops it; any other `remove` entry is an exception (a path it matches is not sensitive).
 */
export function sensitiveMatcher(options: SensitiveOptions = {}): (relativePath: string) => SensitiveVerdict {
  const removed = new Set(options.remove ?? []);
  const globs = [...defaultSensitiveGlobs, ...(options.add ?? [])].filter((g, i, all) => !removed.has(g) && all.indexOf(g) === i);
  const exceptions = [...defaultNotSensitive, ...(options.remove ?? []).filter((r) => !defaultSensitiveGlobs.includes(r))];
  const tests = globs.map((glob) => ({ glob, test: globPredicate(glob) }));
  const excepted = exceptions.map(globPredicate);
  return (relativePath) => {
    const path = normalizePath(relativePath);
    if (excepted.some((t) => t(path))) return { sensitive: false };
    const hit = tests.find((t) => t.test(path));
    return hit ? { sensitive: true, glob: hit.glob } : { sensitive: false };
  };
}

/** The globs in force after `add` and `remove`, in order (for sync and reports). */
export function sensitiveGlobs(options: SensitiveOptions = {}): string[] {
  const removed = new Set(options.remove ?? []);
  return [...defaultSensitiveGlobs, ...(options.add ?? [])].filter((g, i, all) => !removed.has(g) && all.indexOf(g) === i);
}
