// Lookalike detection: does a dependency name imitate one of the most-used names of its registry
// (typos, separator/scope/order swaps, homoglyphs, prefix/suffix games)?
import { normalizeName, popularNames } from './popular';
import type { Ecosystem, Lookalike, LookalikeKind } from './types';

export { normalizeName, popularNames };

/** Suffixes squatters put after a popular name (`openai-helper`, `lodash-js`, `requests2`). */
const SUFFIXES = ['-js', '.js', 'js', '-py', 'py', '-python', '-python3', '-node', '2', '3', '-ai', '-sdk', '-api', '-helper', '-helpers',
  '-utils', '-util', '-official', '-wrapper', '-v2', '-v3', '-fix', '-fixed', '-secure', '-extended', '-llm', '-gpt'];
/** Prefixes squatters put before a popular name (`python3-dateutil`, `py-requests`, `node-lodash`). */
const PREFIXES = ['python-', 'python3-', 'python2-', 'py-', 'py', 'node-', 'nodejs-', 'js-', 'ai-', 'official-', 'real-', 'secure-'];
/** Language markers: wrapping any popular name of 5+ characters in these is a classic squat (`nodemailer-js`). */
const LANGUAGE_AFFIXES = new Set(['-js', '.js', 'js', '-py', '-python', '-python3', '-node', 'python-', 'python3-', 'python2-', 'py-', 'node-', 'nodejs-', 'js-']);
/** Other affix games only count around names worth imitating: the most used ones and these well-known targets. */
const AFFIX_RANK_LIMIT = 1000;
/** Frameworks and AI SDKs that squatters wrap in suffixes whatever their exact rank. */
const TARGETS = new Set(['openai', 'anthropic', '@anthropic-ai/sdk', 'langchain', 'transformers', 'huggingface-hub', 'tensorflow',
  'torch', 'keras', 'diffusers', 'llama-index', 'llamaindex', 'ollama', 'mistralai', 'cohere', 'groq', 'google-generativeai',
  'tiktoken', 'react', 'react-dom', 'vue', 'angular', 'express', 'lodash', 'axios', 'electron', 'webpack', 'jquery', 'django',
  'flask', 'fastapi', 'requests', 'numpy', 'pandas', 'discord.js', 'discord-py', 'stripe', 'ethers', 'web3', 'puppeteer',
  'selenium', 'boto3', 'colorama', 'mongoose', 'typescript', 'next', 'cross-env']);


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
  /** Names grouped by length with their character masks, for the edit-distance scan. */
  readonly byLength: ReadonlyMap<number, readonly { readonly name: string; readonly mask: number }[]>;
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

/** One bit per letter, digit group and separator: a cheap lower bound on edit distance. */
function charMask(name: string): number {
  let mask = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const bit = c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? 26 + (c % 3) : c === 45 ? 29 : 30;
    mask |= 1 << bit;
  }
  return mask;
}

function bitCount(n: number): number {
  let v = n - ((n >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function buildIndex(ecosystem: Ecosystem): PopularIndex {
  const rank = new Map<string, number>();
  const byLength = new Map<number, { name: string; mask: number }[]>();
  const bySqueezed = new Map<string, string>();
  const byTokens = new Map<string, string>();
  const scopes = new Set<string>();
  popularNames(ecosystem).forEach((name, i) => {
    if (rank.has(name)) return;
    rank.set(name, i);
    const bucket = byLength.get(name.length) ?? [];
    bucket.push({ name, mask: charMask(name) });
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

/**
 * Filters edit-distance matches that are ordinary naming rather than typos: a plural `s`, and a
 * different first letter (typosquats keep it, unless the first two letters are swapped).
 */
function plausibleTypo(name: string, popular: string): boolean {
  if ((name === `${popular}s` && !popular.endsWith('s')) || (popular === `${name}s` && !name.endsWith('s'))) return false;
  if (name[0] !== popular[0] && !(name[0] === popular[1] && name[1] === popular[0])) return false;
  return !differsInOneShortWord(name, popular);
}

/** `lodash.eq` vs `lodash-es`, `object-code` vs `object-copy`: one short word differs, a new name rather than a slip. */
function differsInOneShortWord(name: string, popular: string): boolean {
  const a = name.split(/[-_.]/);
  const b = popular.split(/[-_.]/);
  if (a.length < 2 || a.length !== b.length) return false;
  const diff = a.map((t, i) => [t, b[i] ?? ''] as const).filter(([x, y]) => x !== y);
  if (diff.length !== 1) return false;
  const [x, y] = diff[0] ?? ['', ''];
  const swapped = x.length === y.length && [...x].sort().join('') === [...y].sort().join('');
  const doubled = x.length === y.length + 1 && /(.)\1/.test(x);
  return x.length <= 4 && y.length <= 4 && !swapped && !doubled;
}

function findByEditDistance(norm: string, index: PopularIndex): string | undefined {
  // In `@scope/name` the typo budget follows the name, not the scope (`@types/depd` is not `@types/send`).
  const slash = norm.startsWith('@') ? norm.indexOf('/') : -1;
  const max = allowedEdits(slash > 0 ? norm.length - slash - 1 : norm.length);
  if (max === 0) return undefined;
  let best: string | undefined;
  let bestRank = Infinity;
  const mask = charMask(norm);
  for (let len = norm.length - max; len <= norm.length + max; len++) {
    if (allowedEdits(len) === 0) continue;
    const limit = Math.min(max, allowedEdits(len));
    for (const { name: candidate, mask: other } of index.byLength.get(len) ?? []) {
      // Each edit adds at most one character the other name lacks.
      if (bitCount(mask & ~other) > limit || bitCount(other & ~mask) > limit) continue;
      if (boundedEditDistance(norm, candidate, limit) <= limit && plausibleTypo(norm, candidate)) {
        const r = index.rank.get(candidate) ?? Infinity;
        if (isShortSubstitution(norm, candidate) && !isTarget(candidate, index, SUBSTITUTION_RANK_LIMIT)) continue;
        if (r < bestRank) {
          best = candidate;
          bestRank = r;
        }
      }
    }
  }
  return best;
}

function isTarget(name: string, index: PopularIndex, limit = AFFIX_RANK_LIMIT): boolean {
  const r = index.rank.get(name);
  return r !== undefined && (r < limit || TARGETS.has(name));
}

/** One letter replaced in a short name (`torchax`/`torchao`) collides by chance too often to flag below the top ranks. */
const SUBSTITUTION_RANK_LIMIT = 1500;

function isShortSubstitution(name: string, popular: string): boolean {
  if (name.length !== popular.length || name.length > 7) return false;
  let diff = 0;
  for (let i = 0; i < name.length; i++) if (name[i] !== popular[i]) diff++;
  return diff === 1;
}

/** Official packages of brands whose bare name is not the package (npm `anthropic-sdk` imitates `@anthropic-ai/sdk`). */
const BRAND_PACKAGES: Readonly<Partial<Record<Ecosystem, Readonly<Record<string, string>>>>> = {
  npm: { 'anthropic': '@anthropic-ai/sdk', 'mistral': '@mistralai/mistralai', 'mistralai': '@mistralai/mistralai', 'huggingface': '@huggingface/inference' },
  pypi: { 'huggingface': 'huggingface-hub', 'pytorch': 'torch', 'sklearn': 'scikit-learn', 'gemini': 'google-generativeai' },
};

function findAffix(norm: string, ecosystem: Ecosystem, index: PopularIndex): Lookalike | undefined {
  const cores: { core: string; language: boolean }[] = [];
  for (const s of SUFFIXES) if (norm.endsWith(s) && norm.length > s.length) cores.push({ core: norm.slice(0, -s.length), language: LANGUAGE_AFFIXES.has(s) });
  for (const p of PREFIXES) if (norm.startsWith(p) && norm.length > p.length) cores.push({ core: norm.slice(p.length), language: LANGUAGE_AFFIXES.has(p) });
  for (const { core, language } of [...cores]) {
    for (const p of PREFIXES) if (core.startsWith(p) && core.length > p.length) cores.push({ core: core.slice(p.length), language });
  }
  for (const { core, language } of cores) {
    const trimmed = core.replace(/^[-_.]+|[-_.]+$/g, '');
    if (trimmed.length < 4) continue;
    const brand = BRAND_PACKAGES[ecosystem]?.[trimmed];
    if (brand !== undefined && index.rank.has(brand)) return hit(norm, brand, 'affix', `wraps \`${trimmed}\` in a prefix or suffix, imitating the official \`${brand}\``);
    if (isTarget(trimmed, index) || (language && trimmed.length >= 5 && index.rank.has(trimmed))) return hit(norm, trimmed, 'affix', `wraps the popular name \`${trimmed}\` in a prefix or suffix`);
    // Prefix swaps: `python3-dateutil` for `python-dateutil`.
    for (const p of PREFIXES) {
      const swapped = p + trimmed;
      if (swapped !== norm && isTarget(swapped, index)) return hit(norm, swapped, 'affix', `swaps the prefix of \`${swapped}\``);
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
  if (ecosystem === 'npm' && TARGETS.has(sc.bare) && index.rank.has(sc.bare)) {
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
    ?? findAffix(norm, ecosystem, index)
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
