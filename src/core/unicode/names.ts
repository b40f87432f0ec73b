// Names and display labels of the hidden characters the detector reports.

const NAMES: ReadonlyMap<number, string> = new Map<number, string>([
  [0x00ad, 'SOFT HYPHEN'],
  [0x034f, 'COMBINING GRAPHEME JOINER'],
  [0x061c, 'ARABIC LETTER MARK'],
  [0x115f, 'HANGUL CHOSEONG FILLER'],
  [0x1160, 'HANGUL JUNGSEONG FILLER'],
  [0x17b4, 'KHMER VOWEL INHERENT AQ'],
  [0x17b5, 'KHMER VOWEL INHERENT AA'],
  [0x180b, 'MONGOLIAN FREE VARIATION SELECTOR ONE'],
  [0x180c, 'MONGOLIAN FREE VARIATION SELECTOR TWO'],
  [0x180d, 'MONGOLIAN FREE VARIATION SELECTOR THREE'],
  [0x180e, 'MONGOLIAN VOWEL SEPARATOR'],
  [0x180f, 'MONGOLIAN FREE VARIATION SELECTOR FOUR'],
  [0x200b, 'ZERO WIDTH SPACE'],
  [0x200c, 'ZERO WIDTH NON-JOINER'],
  [0x200d, 'ZERO WIDTH JOINER'],
  [0x200e, 'LEFT-TO-RIGHT MARK'],
  [0x200f, 'RIGHT-TO-LEFT MARK'],
  [0x202a, 'LEFT-TO-RIGHT EMBEDDING'],
  [0x202b, 'RIGHT-TO-LEFT EMBEDDING'],
  [0x202c, 'POP DIRECTIONAL FORMATTING'],
  [0x202d, 'LEFT-TO-RIGHT OVERRIDE'],
  [0x202e, 'RIGHT-TO-LEFT OVERRIDE'],
  [0x2060, 'WORD JOINER'],
  [0x2061, 'FUNCTION APPLICATION'],
  [0x2062, 'INVISIBLE TIMES'],
  [0x2063, 'INVISIBLE SEPARATOR'],
  [0x2064, 'INVISIBLE PLUS'],
  [0x2066, 'LEFT-TO-RIGHT ISOLATE'],
  [0x2067, 'RIGHT-TO-LEFT ISOLATE'],
  [0x2068, 'FIRST STRONG ISOLATE'],
  [0x2069, 'POP DIRECTIONAL ISOLATE'],
  [0x206a, 'INHIBIT SYMMETRIC SWAPPING'],
  [0x206b, 'ACTIVATE SYMMETRIC SWAPPING'],
  [0x206c, 'INHIBIT ARABIC FORM SHAPING'],
  [0x206d, 'ACTIVATE ARABIC FORM SHAPING'],
  [0x206e, 'NATIONAL DIGIT SHAPES'],
  [0x206f, 'NOMINAL DIGIT SHAPES'],
  [0x2800, 'BRAILLE PATTERN BLANK'],
  [0x3164, 'HANGUL FILLER'],
  [0xfeff, 'ZERO WIDTH NO-BREAK SPACE'],
  [0xffa0, 'HALFWIDTH HANGUL FILLER'],
  [0xfff9, 'INTERLINEAR ANNOTATION ANCHOR'],
  [0xfffa, 'INTERLINEAR ANNOTATION SEPARATOR'],
  [0xfffb, 'INTERLINEAR ANNOTATION TERMINATOR'],
  [0xe0001, 'LANGUAGE TAG'],
  [0xe007f, 'CANCEL TAG'],
]);

import { maskSecret } from '../text';

const TOKEN_SHAPE = /\b(?:gh[pousr]_|github_pat_|sk-|xox[abprs]-|AKIA|glpat-|AIza|npm_)[A-Za-z0-9_-]{8,}/g;

/** Hidden text for display, with anything shaped like a provider token masked. */
export function displayHiddenText(text: string): string {
  return text.replace(TOKEN_SHAPE, (m) => maskSecret(m));
}

/** `U+202E` style code of a code point (at least 4 hex digits). */
export function codePointCode(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The Unicode name of a hidden character (a short table; ranges are named by rule). */
export function hiddenCharName(cp: number): string {
  const name = NAMES.get(cp);
  if (name !== undefined) return name;
  if (cp >= 0xfe00 && cp <= 0xfe0f) return `VARIATION SELECTOR-${cp - 0xfe00 + 1}`;
  if (cp >= 0xe0100 && cp <= 0xe01ef) return `VARIATION SELECTOR-${cp - 0xe0100 + 17}`;
  if (cp >= 0xe0020 && cp <= 0xe007e) {
    const ch = String.fromCharCode(cp - 0xe0000);
    if (/[A-Za-z]/.test(ch)) return `TAG ${/[A-Z]/.test(ch) ? 'LATIN CAPITAL' : 'LATIN SMALL'} LETTER ${ch.toUpperCase()}`;
    if (/[0-9]/.test(ch)) return `TAG DIGIT ${ch}`;
    return cp === 0xe0020 ? 'TAG SPACE' : `TAG CHARACTER '${ch}'`;
  }
  if (cp >= 0xe0000 && cp <= 0xe007f) return 'TAG CHARACTER';
  if (cp >= 0x1d173 && cp <= 0x1d17a) return 'MUSICAL SYMBOL FORMAT CONTROL';
  return 'INVISIBLE CHARACTER';
}

/** Short ghost text for one character, e.g. `⟨U+202E⟩`. */
export function shortLabel(cp: number): string {
  return `⟨${codePointCode(cp)}⟩`;
}

/** Long label, e.g. `⟨U+202E RIGHT-TO-LEFT OVERRIDE⟩`. */
export function longLabel(cp: number): string {
  return `⟨${codePointCode(cp)} ${hiddenCharName(cp)}⟩`;
}

/** Label of a run: each distinct character once, with a count when it repeats. */
export function runLabel(codePoints: readonly number[]): string {
  if (codePoints.length === 1) return longLabel(codePoints[0] ?? 0);
  const counts = new Map<number, number>();
  for (const cp of codePoints) counts.set(cp, (counts.get(cp) ?? 0) + 1);
  const parts: string[] = [];
  for (const [cp, n] of counts) {
    if (parts.length === 4) { parts.push('…'); break; }
    parts.push(n > 1 ? `${longLabel(cp)} ×${n}` : longLabel(cp));
  }
  return parts.join(' ');
}
