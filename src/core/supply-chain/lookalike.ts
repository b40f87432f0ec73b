// Lookalike detection: does a dependency name imitate one of the most-used names of its registry
// (typos, separator/scope/order swaps, homoglyphs, prefix/suffix games)?
import { normalizeName, popularNames } from './popular';
import type { Ecosystem, Lookalike, LookalikeKind } from './types';

export { normalizeName, popularNames };

/** Suffixes squatters put after a popular name (`openai-helper`, `lodash-js`, `requests2`). */
const SUFFIXES = ['-js', '.js', 'js', '-py', 'py', '-python', '-python3', '2', '3', '-ai', '-sdk', '-api', '-helper', '-helpers',
  '-utils', '-util', '-tools', '-toolkit', '-lib', '-client', '-node', '-official', '-core', '-plus', '-pro', '-dev', '-wrapper',
  '-async', '-cli', '-v2', '-v3', '-next', '-fix', '-fixed', '-secure', '-extended', '-agent', '-llm', '-gpt', '-chat'];
/** Prefixes squatters put before a popular name (`python3-dateutil`, `py-requests`, `node-lodash`). */
const PREFIXES = ['python-', 'python3-', 'python2-', 'py-', 'py', 'pip-', 'node-', 'nodejs-', 'js-', 'go-', 'ai-', 'official-',
  'real-', 'secure-', 'easy-', 'simple-', 'fast-', 'better-', 'lib', 'lib-', 'open-'];

/** Letters that render like ASCII ones (Cyrillic, Greek, look-alike Latin). */
const CONFUSABLES: Readonly<Record<string, string>> = {
  'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'і': 'i', 'ј': 'j', 'ѕ': 's', 'ԁ': 'd', 'ӏ': 'l',
  'ɡ': 'g', 'ο': 'o', 'α': 'a', 'ν': 'v', 'ρ': 'p', 'τ': 't', 'κ': 'k', 'ı': 'i', 'ℓ': 'l', 'І': 'l', 'О': 'o', 'Е': 'e',
  'А': 'a', 'Р': 'p', 'С': 'c', 'Т': 't', 'Н': 'h', 'К': 'k', 'М': 'm', 'В': 'b', 'Х': 'x',
};

/** Precomputed lookups over one ecosystem's popular names. */
interface PopularIndex {
  /** Normalised name → rank (0 = most used). */
  readonly rank: ReadonlyMap<string, number>;
  /** Names grouped by length, for the edit-distance scan. */
  readonly byLength: ReadonlyMap<number, readonly string[]>;
  /** Name without separators → most-used name with that key. */
  readonly bySqueezed: ReadonlyMap<string, string>;
  /** Sorted tokens → most-used name with those tokens. */
  readonly byTokens: ReadonlyMap<string, string>;
  /** Scopes (npm) or groups (Maven) used by at least one popular name. */
  readonly scopes: ReadonlySet<string>;
}

const indexes = new Map<Ecosystem, PopularIndex>();

function squeeze(name: string): string {
  return name.replace(/[-_.]/g, '');
}

function tokenKey(name: string): string | undefined {
  const tokens = name.split(/[-_.]+/).filter((t) => t.length > 0);
  return tokens.length >= 2 ? [...tokens].sort().join(' ') : undefined;
}

function scopeOf(name: string, ecosystem: Ecosystem): { scope: string; bare: string } | undefined {
  if (ecosystem === 'npm' && name.startsWith('@')) {
    const slash = name.indexOf('/');
    if (slash > 1) return { scope: name.slice(1, slash), bare: name.slice(slash + 1) };
  }
  if (ecosystem === 'maven' || ecosystem === 'packagist') {
    const sep = name.indexOf(ecosystem === 'maven' ? ':' : '/');
    if (sep > 0) return { scope: name.slice(0, sep), bare: name.slice(sep + 1) };
  }
  return undefined;
}

function buildIndex(ecosystem: Ecosystem): PopularIndex {
  const rank = new Map<string, number>();
  const byLength = new Map<number, string[]>();
  const bySqueezed = new Map<string, string>();
  const byTokens = new Map<string, string>();
  const scopes = new Set<string>();
  popularNames(ecosystem).forEach((name, i) => {
    if (rank.has(name)) return;
    rank.set(name, i);
    const bucket = byLength.get(name.length) ?? [];
    bucket.push(name);
    byLength.set(name.length, bucket);
    const sq = squeeze(name);
    if (!bySqueezed.has(sq)) bySqueezed.set(sq, name);
    const tk = tokenKey(name);
    if (tk !== undefined && !byTokens.has(tk)) byTokens.set(tk, name);
    const sc = scopeOf(name, ecosystem);
    if (sc) scopes.add(sc.scope);
  });
  return { rank, byLength, bySqueezed, byTokens, scopes };
}

function indexFor(ecosystem: Ecosystem): PopularIndex {
  let index = indexes.get(ecosystem);
  if (!index) {
    index = buildIndex(ecosystem);
    indexes.set(ecosystem, index);
  }
  return index;
}

/** True when `name` is one of the bundled most-used names of its registry. */
export function isPopular(name: string, ecosystem: Ecosystem): boolean {
  return indexFor(ecosystem).rank.has(normalizeName(name, ecosystem));
}

/**
 * Optimal-string-alignment (restricted Damerau-Levenshtein) distance, giving up above `max`:
 * returns `max + 1` as soon as every cell of a row exceeds the bound.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  let prevPrev: number[] = new Array<number>(n + 1).fill(0);
  let prev: number[] = Array.from({ length: n + 1 }, (_, j) => j);
  let cur: number[] = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        v = Math.min(v, (prevPrev[j - 2] ?? 0) + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prevPrev, prev, cur] = [prev, cur, prevPrev];
  }
  return prev[n] ?? max + 1;
}

/** How many edits a name of this length may be away from a popular one and still count as a typo. */
function allowedEdits(length: number): number {
  if (length >= 9) return 2;
  if (length >= 5) return 1;
  return 0;
}

function hit(name: string, imitates: string, kind: LookalikeKind, reason: string): Lookalike {
  return { name, imitates, kind, reason };
}

function homoglyphSkeletons(raw: string): string[] {
  let mapped = '';
  for (const ch of raw) mapped += CONFUSABLES[ch] ?? ch;
  const variants = new Set<string>();
  // Uppercase I next to lowercase letters reads as l (`jeIlyfish`); digits read as letters.
  const base = mapped.replace(/I/g, 'l').toLowerCase();
  variants.add(base);
  variants.add(base.replace(/1/g, 'l'));
  variants.add(base.replace(/0/g, 'o'));
  variants.add(base.replace(/rn/g, 'm'));
  variants.add(base.replace(/vv/g, 'w'));
  variants.add(mapped.toLowerCase());
  return [...variants];
}

function findHomoglyph(raw: string, norm: string, ecosystem: Ecosystem, index: PopularIndex): Lookalike | undefined {
  for (const skeleton of homoglyphSkeletons(raw)) {
    const candidate = normalizeName(skeleton, ecosystem);
    if (candidate !== norm && index.rank.has(candidate)) {
      return hit(raw, candidate, 'homoglyph', `uses look-alike characters to read as \`${candidate}\``);
    }
  }
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(raw)) {
    const ascii = normalizeName(homoglyphSkeletons(raw)[0] ?? raw, ecosystem);
    const near = findByEditDistance(ascii, index);
    if (near) return hit(raw, near, 'homoglyph', `mixes non-ASCII letters into a name that reads as \`${near}\``);
  }
  return undefined;
}

function findByEditDistance(norm: string, index: PopularIndex): string | undefined {
  const max = allowedEdits(norm.length);
  if (max === 0) return undefined;
  let best: string | undefined;
  let bestRank = Infinity;
  for (let len = norm.length - max; len <= norm.length + max; len++) {
    if (allowedEdits(len) === 0) continue;
    for (const candidate of index.byLength.get(len) ?? []) {
      const limit = Math.min(max, allowedEdits(len));
      if (boundedEditDistance(norm, candidate, limit) <= limit) {
        const r = index.rank.get(candidate) ?? Infinity;
        if (r < bestRank) {
          best = candidate;
          bestRank = r;
        }
      }
    }
  }
  return best;
}

function findAffix(norm: string, index: PopularIndex): Lookalike | undefined {
  const cores: string[] = [];
  for (const s of SUFFIXES) if (norm.endsWith(s) && norm.length > s.length) cores.push(norm.slice(0, -s.length));
  for (const p of PREFIXES) if (norm.startsWith(p) && norm.length > p.length) cores.push(norm.slice(p.length));
  for (const core of [...cores]) {
    for (const p of PREFIXES) if (core.startsWith(p) && core.length > p.length) cores.push(core.slice(p.length));
  }
  for (const core of cores) {
    const trimmed = core.replace(/^[-_.]+|[-_.]+$/g, '');
    if (trimmed.length < 4) continue;
    if (index.rank.has(trimmed)) return hit(norm, trimmed, 'affix', `wraps the popular name \`${trimmed}\` in a prefix or suffix`);
    // Prefix swaps: `python3-dateutil` for `python-dateutil`.
    for (const p of PREFIXES) {
      const swapped = p + trimmed;
      if (swapped !== norm && index.rank.has(swapped)) return hit(norm, swapped, 'affix', `swaps the prefix of \`${swapped}\``);
    }
  }
  return undefined;
}

function findScope(norm: string, ecosystem: Ecosystem, index: PopularIndex): Lookalike | undefined {
  const sc = scopeOf(norm, ecosystem);
  if (!sc || sc.scope === 'types' || index.scopes.has(sc.scope)) return undefined;
  // A popular scope misspelt (`@typescript_eslint/…`).
  for (const scope of index.scopes) {
    if (squeeze(scope) === squeeze(sc.scope) || (scope.length >= 5 && boundedEditDistance(scope, sc.scope, 1) <= 1)) {
      const shown = ecosystem === 'npm' ? `@${scope}` : scope;
      return hit(norm, shown, 'scope', `uses a scope that imitates \`${shown}\``);
    }
  }
  // A popular unscoped name moved under an unknown scope (`@evil/react`).
  const bareRank = index.rank.get(sc.bare);
  if (ecosystem === 'npm' && bareRank !== undefined && bareRank < 1000 && sc.bare.length >= 4) {
    return hit(norm, sc.bare, 'scope', `puts the popular name \`${sc.bare}\` under the unknown scope \`@${sc.scope}\``);
  }
  return undefined;
}

/**
 * The popular package `name` imitates, or undefined. A popular name never flags (so `react-dom`,
 * `pytest-cov` and `@types/node` are fine), and neither does a name the caller says is its own (`ownName`).
 */
export function findLookalike(name: string, ecosystem: Ecosystem, ownName?: string): Lookalike | undefined {
  const index = indexFor(ecosystem);
  const norm = normalizeName(name, ecosystem);
  if (index.rank.has(norm) || (ownName !== undefined && normalizeName(ownName, ecosystem) === norm)) return undefined;
  const found = findHomoglyph(name, norm, ecosystem, index)
    ?? findScope(norm, ecosystem, index)
    ?? findSeparator(norm, index)
    ?? findTokenOrder(norm, index)
    ?? findAffix(norm, index)
    ?? findTypo(norm, index);
  return found ? { ...found, name } : undefined;
}

function findSeparator(norm: string, index: PopularIndex): Lookalike | undefined {
  const match = index.bySqueezed.get(squeeze(norm));
  return match !== undefined && match !== norm ? hit(norm, match, 'separator', `differs from \`${match}\` only in separators`) : undefined;
}

function findTokenOrder(norm: string, index: PopularIndex): Lookalike | undefined {
  const key = tokenKey(norm);
  const match = key === undefined ? undefined : index.byTokens.get(key);
  return match !== undefined && match !== norm ? hit(norm, match, 'token-order', `reorders the words of \`${match}\``) : undefined;
}

function findTypo(norm: string, index: PopularIndex): Lookalike | undefined {
  const match = findByEditDistance(norm, index);
  if (match === undefined) return undefined;
  const d = boundedEditDistance(norm, match, 2);
  return hit(norm, match, 'edit-distance', d === 1 ? `is one typo away from \`${match}\`` : `is two typos away from \`${match}\``);
}
