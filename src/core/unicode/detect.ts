// The hidden-Unicode detector: one regex pass for ASCII text, then a candidate scan with context rules.
import type { TextEdit } from '../model';
import { LineIndex } from '../text';
import { hiddenKind, isLegitimate, type CharContext } from './classify';
import { confusableWord, HOMOGLYPHS, isWordCodePoint } from './confusables';
import { codePointCode, displayHiddenText, runLabel } from './names';
import { isRtlLetter } from './scripts';
import type { HiddenCharFinding, HiddenCharKind, HiddenUnicodeOptions } from './types';

const NON_ASCII = /[\u0080-\uffff]/;
const HOMOGLYPH_CLASS = [...HOMOGLYPHS.keys()].map((cp) => `\\u${cp.toString(16).padStart(4, '0')}`).join('');
/** Every code unit (or surrogate pair) worth a look: hidden characters and homoglyph letters. */
const CANDIDATE = new RegExp(
  '[\\u00AD\\u034F\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180F\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u206F'
  + `\\u2800\\u3164\\uFE00-\\uFE0F\\uFEFF\\uFFA0\\uFFF9-\\uFFFB${HOMOGLYPH_CLASS}]|\\uDB40[\\uDC00-\\uDC7F\\uDD00-\\uDDEF]|\\uD834[\\uDD73-\\uDD7A]`,
  'g');
const PROSE_LANGUAGES = new Set(['markdown', 'plaintext', 'mdc', 'restructuredtext', 'asciidoc', 'latex', 'text', 'prompt', 'instructions', 'chatagent']);
const PROSE_PATH = /(?:\.(?:md|mdc|markdown|txt|rst|adoc|text)|(?:^|\/)\.[a-z]+rules|(?:^|\/)[A-Z]+(?:\.[a-z]+)?)$/;

interface RawFinding {
  kind: HiddenCharKind;
  start: number;
  end: number;
  codePoints: number[];
  decoded?: string;
  word?: string;
  lookalike?: string;
  replacements?: { offset: number; text: string }[];
}

/** True when the options describe prose (Markdown, plain text, rules files) rather than code. */
export function isProseText(options: HiddenUnicodeOptions): boolean {
  if (options.languageId !== undefined) return PROSE_LANGUAGES.has(options.languageId);
  return options.path !== undefined && PROSE_PATH.test(options.path.replace(/\\/g, '/'));
}

/**
 * Finds hidden characters (tag runs, bidi controls, zero-width and other invisible format characters,
 * smuggled variation selectors) and confusable words. Real text (emoji sequences, joined scripts,
 * RTL prose, a leading BOM) is left alone. Text with no non-ASCII code unit returns after one pass.
 */
export function detectHiddenUnicode(text: string, options: HiddenUnicodeOptions = {}): HiddenCharFinding[] {
  const first = text.search(NON_ASCII);
  if (first < 0) return [];
  const raw = scan(text, first, isProseText(options));
  if (raw.length === 0) return [];
  const index = new LineIndex(text);
  return raw.map((r) => toFinding(r, index));
}

function scan(text: string, from: number, prose: boolean): RawFinding[] {
  const out: RawFinding[] = [];
  const lines = new LineFacts(text);
  let known: Set<string> | undefined;
  const knownWords = (): Set<string> => (known ??= asciiWords(text));
  let run: RawFinding | undefined;
  const re = new RegExp(CANDIDATE.source, 'g');
  re.lastIndex = from;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const offset = m.index;
    const cp = text.codePointAt(offset) ?? 0;
    const kind = hiddenKind(cp);
    if (kind === undefined) {
      const end = confusableAt(text, offset, knownWords, out);
      re.lastIndex = Math.max(re.lastIndex, end);
      continue;
    }
    if (kind === 'tag') {
      if (run) { out.push(run); run = undefined; }
      re.lastIndex = tagRun(text, offset, out);
      continue;
    }
    const size = cp > 0xffff ? 2 : 1;
    const continues = run !== undefined && run.kind === kind && run.end === offset;
    // The same character repeated right after a flagged one is never legitimate (its neighbour is hidden), except bidi marks.
    const repeat = continues && kind !== 'bidi' && run?.codePoints[run.codePoints.length - 1] === cp;
    if (!repeat && isLegitimate(context(text, offset, size, cp, prose, lines))) continue;
    if (run && continues) {
      run.end = offset + size;
      run.codePoints.push(cp);
    } else {
      if (run) out.push(run);
      run = { kind, start: offset, end: offset + size, codePoints: [cp] };
    }
    if (kind !== 'bidi' && size === 1) {
      // Swallow a long run of one repeated character without a regex step per character.
      let j = run.end;
      while (j < text.length && text.charCodeAt(j) === cp) { run.codePoints.push(cp); j++; }
      run.end = j;
      re.lastIndex = j;
    }
  }
  if (run) out.push(run);
  out.sort((a, b) => a.start - b.start);
  for (const r of out) if (r.kind === 'variation-selector' && r.codePoints.length >= 2) r.decoded = decodeSelectors(r.codePoints);
  return out;
}

function context(text: string, offset: number, size: number, cp: number, prose: boolean, lines: LineFacts): CharContext {
  return {
    cp, offset, prose,
    prev: codePointBefore(text, offset),
    next: offset + size < text.length ? (text.codePointAt(offset + size) ?? -1) : -1,
    inStringOrComment: () => afterQuoteOrComment(text, offset),
    nearBraille: () => /[\u2801-\u28FF]/.test(text.slice(Math.max(0, offset - 24), offset + 25)),
    lineHasRtl: () => lines.facts(offset).rtl,
    lineBidiBalanced: () => lines.facts(offset).balanced,
  };
}

const STRING_OR_COMMENT_START = /["'`]|\/\/|\/\*|#|--/;

/** Rough test for "inside a string literal or comment": a quote or comment marker earlier on the line (at most 200 characters back). */
function afterQuoteOrComment(text: string, offset: number): boolean {
  const from = Math.max(text.lastIndexOf('\n', offset - 1) + 1, offset - 200);
  return STRING_OR_COMMENT_START.test(text.slice(from, offset));
}

function codePointBefore(text: string, offset: number): number {
  if (offset <= 0) return -1;
  const lo = text.charCodeAt(offset - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && offset >= 2) {
    const hi = text.charCodeAt(offset - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return ((hi - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
  }
  return lo;
}

/** Per-line facts for the bidi rules, computed once per line on demand. */
class LineFacts {
  private last = { start: -1, end: -1, rtl: false, balanced: true };
  constructor(private readonly text: string) {}

  /** Facts of the line holding `offset`; candidates arrive in order, so the last line is usually the one asked for. */
  facts(offset: number): { rtl: boolean; balanced: boolean } {
    if (offset >= this.last.start && offset <= this.last.end) return this.last;
    const start = this.text.lastIndexOf('\n', offset - 1) + 1;
    let end = this.text.indexOf('\n', offset);
    if (end < 0) end = this.text.length;
    const line = this.text.slice(start, end);
    let rtl = false;
    const stack: number[] = [];
    let balanced = true;
    for (const ch of line) {
      const cp = ch.codePointAt(0) ?? 0;
      if (cp < 0x590) continue;
      if (isRtlLetter(cp)) rtl = true;
      else if (cp === 0x202a || cp === 0x202b || cp === 0x202d || cp === 0x202e) stack.push(0x202c);
      else if (cp >= 0x2066 && cp <= 0x2068) stack.push(0x2069);
      else if ((cp === 0x202c || cp === 0x2069) && stack.pop() !== cp) balanced = false;
    }
    this.last = { start, end, rtl, balanced: balanced && stack.length === 0 };
    return this.last;
  }
}

/** Reads a run of tag characters at `offset`; records it unless it is an emoji subdivision flag. Returns the run's end. */
function tagRun(text: string, offset: number, out: RawFinding[]): number {
  let end = offset;
  const codePoints: number[] = [];
  while (end + 1 < text.length && text.charCodeAt(end) === 0xdb40) {
    const lo = text.charCodeAt(end + 1);
    if (lo < 0xdc00 || lo > 0xdc7f) break;
    codePoints.push(0xe0000 + (lo - 0xdc00));
    end += 2;
  }
  const decoded = codePoints.filter((cp) => cp >= 0xe0020 && cp <= 0xe007e).map((cp) => String.fromCharCode(cp - 0xe0000)).join('');
  const isFlag = codePointBefore(text, offset) === 0x1f3f4 && codePoints[codePoints.length - 1] === 0xe007f
    && /^[a-z0-9]{2,7}$/.test(decoded);
  if (!isFlag) out.push({ kind: 'tag', start: offset, end, codePoints, decoded });
  return end;
}

/** Checks the word around a homoglyph letter at `offset`; records it when deceptive. Returns the word's end. */
function confusableAt(text: string, offset: number, knownWords: () => Set<string>, out: RawFinding[]): number {
  let start = offset;
  while (start > 0) {
    const cp = codePointBefore(text, start);
    if (!isWordCodePoint(cp) || hiddenKind(cp) !== undefined) break;
    start -= cp > 0xffff ? 2 : 1;
  }
  let end = offset;
  while (end < text.length) {
    const cp = text.codePointAt(end) ?? 0;
    if (!isWordCodePoint(cp) || hiddenKind(cp) !== undefined) break;
    end += cp > 0xffff ? 2 : 1;
  }
  const word = text.slice(start, end);
  const verdict = confusableWord(word, knownWords);
  if (verdict) {
    out.push({
      kind: 'confusable', start, end, codePoints: [...verdict.homoglyphs], word, lookalike: verdict.lookalike,
      replacements: verdict.offsets.map((o) => ({ offset: start + o, text: verdict.lookalike.charAt(o) })),
    });
  }
  return end;
}

function asciiWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const m of text.matchAll(/[A-Za-z_$][A-Za-z0-9_$]{1,63}/g)) words.add(m[0]);
  return words;
}

/** Decodes a run of variation selectors used as bytes (FE00–FE0F → 0–15, E0100–E01EF → 16–255) when it is UTF-8 text. */
function decodeSelectors(codePoints: readonly number[]): string | undefined {
  const bytes = Uint8Array.from(codePoints.map((cp) => (cp <= 0xfe0f ? cp - 0xfe00 : cp - 0xe0100 + 16)));
  try {
    const s = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return /^[\P{C}\n\t]+$/u.test(s) ? s : undefined;
  } catch {
    return undefined;
  }
}

function toFinding(r: RawFinding, index: LineIndex): HiddenCharFinding {
  const range = index.rangeOf(r.start, r.end);
  const removal: TextEdit[] = r.replacements
    ? r.replacements.map((x) => ({ range: index.rangeOf(x.offset, x.offset + 1), newText: x.text }))
    : [{ range, newText: '' }];
  return {
    kind: r.kind,
    range,
    start: r.start,
    end: r.end,
    codePoints: r.codePoints,
    label: labelOf(r),
    ...(r.decoded !== undefined ? { decoded: r.decoded } : {}),
    ...(r.word !== undefined ? { word: r.word, lookalike: r.lookalike } : {}),
    removal,
  };
}

function labelOf(r: RawFinding): string {
  if (r.kind === 'tag') return `⟨${r.codePoints.length} TAG CHARACTER${r.codePoints.length === 1 ? '' : 'S'}: "${displayHiddenText(r.decoded ?? '')}"⟩`;
  if (r.kind === 'confusable') {
    const letters = r.codePoints.map((cp) => `${codePointCode(cp)} ${scriptOf(cp)} "${String.fromCodePoint(cp)}"`).join(', ');
    return `⟨"${r.word ?? ''}" imitates "${r.lookalike ?? ''}": ${letters}⟩`;
  }
  return runLabel(r.codePoints);
}

function scriptOf(cp: number): string {
  if (cp >= 0x0370 && cp <= 0x03ff) return 'GREEK';
  if (cp >= 0x0530 && cp <= 0x058f) return 'ARMENIAN';
  return 'CYRILLIC';
}
