// A small syntax tokenizer for the panel's code excerpts (JavaScript/TypeScript, Python, Go, Java and
// a generic fallback). Good enough to colour a dozen lines; every pattern is linear-time.
import type { CodeToken, TokenKind } from './protocol';

const JS = 'async await break case catch class const continue default delete do else export extends false finally for from function if import in instanceof let new null of return static super switch this throw true try typeof undefined var void while yield interface type enum implements private public protected readonly as';
const PY = 'and as assert async await break class continue def del elif else except False finally for from global if import in is lambda None nonlocal not or pass raise return self True try while with yield';
const GO = 'break case chan const continue default defer else fallthrough for func go goto if import interface map nil package range return select struct switch type var true false';
const JAVA = 'abstract boolean break byte case catch char class const continue default do double else enum extends final finally float for if implements import instanceof int interface long new null package private protected public return short static super switch synchronized this throw throws try void volatile while true false var';

const KEYWORDS: Record<string, ReadonlySet<string>> = {
  javascript: new Set(JS.split(' ')), typescript: new Set(JS.split(' ')),
  javascriptreact: new Set(JS.split(' ')), typescriptreact: new Set(JS.split(' ')),
  python: new Set(PY.split(' ')), go: new Set(GO.split(' ')), java: new Set(JAVA.split(' ')),
};
const ANY = new Set([...JS.split(' '), ...PY.split(' '), ...GO.split(' '), ...JAVA.split(' ')]);

/** Languages whose line comments start with `#`. */
const HASH_COMMENTS = new Set(['python', 'shellscript', 'yaml', 'ruby', 'dockerfile', 'toml', 'perl', 'r', 'makefile', 'properties']);

// One alternative per token class; each is a simple loop over disjoint classes (no nested quantifiers).
const SLASH = /\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?|`(?:[^`\\]|\\[\s\S])*`?|(0[xX][\dA-Fa-f_]+|\d[\d_]*(?:\.\d[\d_]*)?)|(@[A-Za-z_][\w.]*)|([A-Za-z_$][\w$]*)|(\s+)|([^\sA-Za-z_$\d])/y;
const HASH = /#[^\n]*|"""[\s\S]*?(?:"""|$)|'''[\s\S]*?(?:'''|$)|"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?|(0[xX][\dA-Fa-f_]+|\d[\d_]*(?:\.\d[\d_]*)?)|(@[A-Za-z_][\w.]*)|([A-Za-z_$][\w$]*)|(\s+)|([^\sA-Za-z_$\d])/y;

/** Splits `text` into coloured tokens for `languageId`; concatenating the tokens gives `text` back. */
export function tokenize(text: string, languageId: string): CodeToken[] {
  const re = new RegExp(HASH_COMMENTS.has(languageId) ? HASH.source : SLASH.source, 'y');
  const keywords = KEYWORDS[languageId] ?? ANY;
  const tokens: CodeToken[] = [];
  let at = 0;
  while (at < text.length) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m || m[0].length === 0) {  // cannot happen with the catch-all; stay safe anyway
      push(tokens, text.slice(at, at + 1), 'plain');
      at++;
      continue;
    }
    push(tokens, m[0], kindOf(m, text, re.lastIndex, keywords));
    at = re.lastIndex;
  }
  return tokens;
}

function kindOf(m: RegExpExecArray, text: string, end: number, keywords: ReadonlySet<string>): TokenKind {
  const [all, num, decorator, word, space, punct] = m;
  if (num !== undefined) return 'number';
  if (decorator !== undefined) return 'decorator';
  if (word !== undefined) {
    if (keywords.has(word)) return 'keyword';
    if (/^\s*\(/.test(text.slice(end, end + 40))) return 'function';
    return /^[A-Z][a-z]/.test(word) ? 'type' : 'plain';
  }
  if (space !== undefined) return 'plain';
  if (punct !== undefined) return 'punctuation';
  return all.startsWith('/') || all.startsWith('#') ? 'comment' : 'string';
}

/** Appends, merging with the previous token of the same kind (keeps the DOM small). */
function push(tokens: CodeToken[], text: string, kind: TokenKind): void {
  const last = tokens[tokens.length - 1];
  if (last && last.kind === kind && kind !== 'string' && kind !== 'comment') tokens[tokens.length - 1] = { text: last.text + text, kind };
  else tokens.push({ text, kind });
}

/** Splits a token list into lines (tokens spanning a newline are cut there; the newlines are dropped). */
export function splitLines(tokens: readonly CodeToken[]): CodeToken[][] {
  const lines: CodeToken[][] = [[]];
  for (const t of tokens) {
    const parts = t.text.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part.length > 0) lines[lines.length - 1]!.push({ ...t, text: part.replace(/\r$/, '') });
    });
  }
  return lines;
}

/** Marks the characters inside `ranges` (`[start, end)` offsets in the line) as changed, splitting tokens. */
export function markChanged(tokens: readonly CodeToken[], ranges: ReadonlyArray<readonly [number, number]>): CodeToken[] {
  if (ranges.length === 0) return [...tokens];
  const out: CodeToken[] = [];
  let offset = 0;
  for (const t of tokens) {
    const cuts = new Set<number>([0, t.text.length]);
    for (const [s, e] of ranges) {
      if (s > offset && s < offset + t.text.length) cuts.add(s - offset);
      if (e > offset && e < offset + t.text.length) cuts.add(e - offset);
    }
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i++) {
      const from = points[i]!;
      const text = t.text.slice(from, points[i + 1]);
      const mid = offset + from;
      const changed = ranges.some(([s, e]) => mid >= s && mid < e);
      out.push(changed ? { ...t, text, changed: true } : { text, kind: t.kind });
    }
    offset += t.text.length;
  }
  return out;
}
