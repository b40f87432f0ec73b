// Homoglyphs of ASCII letters in Cyrillic, Greek and Armenian, and the check for deceptive words.

/** Non-Latin letters that render like an ASCII letter, mapped to that letter. */
export const HOMOGLYPHS: ReadonlyMap<number, string> = new Map<number, string>([
  // Cyrillic lowercase
  [0x0430, 'a'], [0x0435, 'e'], [0x043e, 'o'], [0x0440, 'p'], [0x0441, 'c'], [0x0443, 'y'], [0x0445, 'x'],
  [0x0456, 'i'], [0x0458, 'j'], [0x0455, 's'], [0x0501, 'd'], [0x051b, 'q'], [0x051d, 'w'], [0x04bb, 'h'], [0x04cf, 'l'],
  // Cyrillic uppercase
  [0x0410, 'A'], [0x0412, 'B'], [0x0415, 'E'], [0x041a, 'K'], [0x041c, 'M'], [0x041d, 'H'], [0x041e, 'O'], [0x0420, 'P'],
  [0x0421, 'C'], [0x0422, 'T'], [0x0425, 'X'], [0x0423, 'Y'], [0x0406, 'I'], [0x0408, 'J'], [0x0405, 'S'], [0x051a, 'Q'],
  [0x051c, 'W'], [0x04ae, 'Y'], [0x04c0, 'I'],
  // Greek
  [0x0391, 'A'], [0x0392, 'B'], [0x0395, 'E'], [0x0396, 'Z'], [0x0397, 'H'], [0x0399, 'I'], [0x039a, 'K'], [0x039c, 'M'],
  [0x039d, 'N'], [0x039f, 'O'], [0x03a1, 'P'], [0x03a4, 'T'], [0x03a5, 'Y'], [0x03a7, 'X'], [0x03bf, 'o'], [0x03bd, 'v'], [0x03c1, 'p'],
  // Armenian
  [0x0585, 'o'], [0x057d, 'u'], [0x0570, 'h'], [0x0563, 'q'],
]);

/** Keywords and security-relevant names an attacker would imitate with a whole-script homoglyph word. */
export const IMITATED_WORDS: ReadonlySet<string> = new Set([
  'if', 'else', 'for', 'while', 'return', 'function', 'const', 'let', 'var', 'class', 'import', 'export', 'from', 'require',
  'eval', 'exec', 'true', 'false', 'null', 'None', 'True', 'False', 'def', 'func', 'go', 'package', 'type', 'new', 'this',
  'self', 'async', 'await', 'try', 'catch', 'throw', 'case', 'switch', 'break', 'continue', 'typeof', 'instanceof',
  'admin', 'root', 'user', 'auth', 'token', 'secret', 'key', 'password', 'isAdmin', 'access', 'allow', 'deny', 'role',
  'process', 'env', 'console', 'log', 'fetch', 'curl', 'sh', 'bash', 'sudo', 'os', 'sys', 'open', 'read', 'write',
]);

const WORD_CHAR = /[\p{L}\p{M}\p{N}_$]/u;

/** True for a code unit that can be part of a word (ASCII fast path). */
export function isWordCodePoint(cp: number): boolean {
  if (cp < 0x80) {
    return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || cp === 0x5f || cp === 0x24;
  }
  if (cp >= 0x0400 && cp <= 0x0481) return true;
  if ((cp >= 0x0391 && cp <= 0x03c9) || (cp >= 0x048a && cp <= 0x052f) || (cp >= 0x0531 && cp <= 0x0556) || (cp >= 0x0561 && cp <= 0x0587)) return true;
  if ((cp >= 0x2000 && cp <= 0x206f) || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0x80 && cp <= 0xbf && cp !== 0xaa && cp !== 0xb5 && cp !== 0xba)) return false;
  return WORD_CHAR.test(String.fromCodePoint(cp));
}

/** Latin letter as typed in identifiers and prose: ASCII, Latin-1, Latin Extended-A/B (not fullwidth or styled forms). */
export function isLatinLetter(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  if (cp >= 0x0250) return false;
  return /\p{Script=Latin}/u.test(String.fromCodePoint(cp));
}

/** The verdict on one word: which code points deceive and the ASCII it imitates, or undefined. */
export interface ConfusableWord {
  readonly homoglyphs: readonly number[];
  /** Offsets (relative to the word) of each homoglyph. */
  readonly offsets: readonly number[];
  readonly lookalike: string;
  readonly mixed: boolean;
}

/**
 * Checks a word: mixed Latin + homoglyph letters is deceptive; a word made only of homoglyphs is deceptive
 * when it imitates a keyword or an ASCII identifier of the same text (`knownWords`).
 */
export function confusableWord(word: string, knownWords: () => ReadonlySet<string>): ConfusableWord | undefined {
  // First pass, no allocation: any letter of another script that is not a homoglyph makes the word genuine text.
  let latin = 0;
  let homoglyphCount = 0;
  for (let i = 0; i < word.length; i++) {
    const cp = word.codePointAt(i) ?? 0;
    if (cp > 0xffff) i++;
    if (HOMOGLYPHS.has(cp)) homoglyphCount++;
    else if (isLatinLetter(cp)) latin++;
    else if (cp >= 0x80 && isLetterLike(cp)) return undefined;
  }
  if (homoglyphCount === 0 || (latin === 0 && homoglyphCount < 2)) return undefined;
  const homoglyphs: number[] = [];
  const offsets: number[] = [];
  let lookalike = '';
  for (let i = 0; i < word.length; i++) {
    const cp = word.codePointAt(i) ?? 0;
    const ascii = HOMOGLYPHS.get(cp);
    if (ascii !== undefined) {
      homoglyphs.push(cp);
      offsets.push(i);
      lookalike += ascii;
    } else {
      lookalike += String.fromCodePoint(cp);
    }
    if (cp > 0xffff) i++;
  }
  if (latin > 0) return { homoglyphs, offsets, lookalike, mixed: true };
  if (/^[A-Za-z0-9_$]+$/.test(lookalike) && (IMITATED_WORDS.has(lookalike) || knownWords().has(lookalike))) {
    return { homoglyphs, offsets, lookalike, mixed: false };
  }
  return undefined;
}

function isLetterLike(cp: number): boolean {
  if ((cp >= 0x0400 && cp <= 0x0481) || (cp >= 0x0391 && cp <= 0x03c9)) return true;
  return /\p{L}/u.test(String.fromCodePoint(cp));
}
