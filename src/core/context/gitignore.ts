// A small gitignore-format matcher (used for .gitignore, .cursorignore, .aiexclude and friends):
// last matching line wins, `!` re-includes, a trailing `/` matches folders only, and a path under
// an ignored folder stays ignored.
import { Minimatch } from 'minimatch';

interface Rule {
  readonly negate: boolean;
  readonly dirOnly: boolean;
  /** Matched against the base name when the pattern has no inner slash, else the path from `base`. */
  readonly basenameOnly: boolean;
  readonly matcher: Minimatch;
  /** Folder the ignore file sits in (`''` for the root), with a trailing slash. */
  readonly base: string;
  /** The line as written, for reports. */
  readonly source: string;
}

/** The line of an ignore file that decided a path, if any. */
export interface IgnoreMatch {
  readonly ignored: boolean;
  /** The deciding pattern as written in the file. */
  readonly pattern?: string;
}

/** Parses the non-comment lines of an ignore file into patterns (trailing spaces and `\r` dropped). */
export function ignoreLines(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.replace(/(?<!\\)\s+$/, '')).filter((l) => l !== '' && !l.startsWith('#'));
}

/** A set of ignore files, each applying to its own folder and below. */
export class IgnoreList {
  private readonly rules: Rule[] = [];

  /** Adds the lines of an ignore file located in folder `baseDir` (workspace-relative, `''` for the root). */
  add(baseDir: string, text: string): this {
    const base = baseDir === '' || baseDir === '.' ? '' : `${baseDir.replace(/\\/g, '/').replace(/\/+$/, '')}/`;
    for (const line of ignoreLines(text)) {
      let p = line;
      const negate = p.startsWith('!');
      if (negate) p = p.slice(1);
      if (p.startsWith('\\#') || p.startsWith('\\!')) p = p.slice(1);
      const dirOnly = p.endsWith('/');
      if (dirOnly) p = p.slice(0, -1);
      const anchored = p.includes('/');
      if (p.startsWith('/')) p = p.slice(1);
      if (p === '') continue;
      this.rules.push({ negate, dirOnly, basenameOnly: !anchored, matcher: new Minimatch(p, { dot: true }), base, source: line });
    }
    return this;
  }

  get size(): number {
    return this.rules.length;
  }

  /** The last rule matching `path` itself, as a file (`isDir` false) or a folder. */
  private decide(path: string, isDir: boolean): Rule | undefined {
    const name = path.slice(path.lastIndexOf('/') + 1);
    for (let i = this.rules.length - 1; i >= 0; i--) {
      const r = this.rules[i];
      if (!r || (r.dirOnly && !isDir)) continue;
      if (r.base !== '' && !path.startsWith(r.base)) continue;
      const rel = path.slice(r.base.length);
      if (r.basenameOnly ? r.matcher.match(name) : r.matcher.match(rel)) return r;
    }
    return undefined;
  }

  /** Whether `path` (workspace-relative) is ignored, and which line decided it. */
  match(path: string, isDir = false): IgnoreMatch {
    const p = path.replace(/\\/g, '/').replace(/^\.\//, '');
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) {
      const r = this.decide(parts.slice(0, i).join('/'), true);
      if (r && !r.negate) return { ignored: true, pattern: r.source };
    }
    const r = this.decide(p, isDir);
    return r ? { ignored: !r.negate, pattern: r.source } : { ignored: false };
  }

  /** Shorthand for `match(path, isDir).ignored`. */
  ignores(path: string, isDir = false): boolean {
    return this.match(path, isDir).ignored;
  }
}
