// Text transformations built on the detector: strip hidden characters, or reveal what the text really says.
import { detectHiddenUnicode } from './detect';
import type { HiddenUnicodeOptions } from './types';

const INVISIBLE_IN_WORDS = /\u034F|[\u00AD\u200B-\u200F\u2060\uFEFF]/;

/** Removes every hidden character the detector reports (confusable words are left as written). */
export function removeHiddenCharacters(text: string, options: HiddenUnicodeOptions = {}): string {
  const findings = detectHiddenUnicode(text, options).filter((f) => f.kind !== 'confusable');
  if (findings.length === 0) return text;
  let out = '';
  let at = 0;
  for (const f of findings) {
    out += text.slice(at, f.start);
    at = f.end;
  }
  return out + text.slice(at);
}

/** Text as a reader (or a model) effectively sees it, with a map back to offsets in the original. */
export interface RevealedText {
  readonly text: string;
  /** Offset in the original text of each offset in `text` (one extra entry for the end). */
  originalOffset(offset: number): number;
}

/**
 * Decodes tag runs to their ASCII (each on a line of its own), replaces homoglyphs with the letters they imitate and drops other
 * invisible characters, so phrase detectors see what a model reads ("ig\u00ADnore" → "ignore").
 */
export function revealText(text: string, options: HiddenUnicodeOptions = {}): RevealedText {
  const findings = detectHiddenUnicode(text, options);
  if (findings.length === 0 && !INVISIBLE_IN_WORDS.test(text)) return { text, originalOffset: (o) => o };
  const chars: string[] = [];
  const map: number[] = [];
  const keep = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const ch = text.charAt(i);
      if (INVISIBLE_IN_WORDS.test(ch) && !(i === 0 && ch === '\uFEFF')) continue;
      chars.push(ch);
      map.push(i);
    }
  };
  let at = 0;
  for (const f of findings) {
    keep(at, f.start);
    if (f.kind === 'tag' && f.decoded) {
      // Hidden text is its own line, so it neither glues onto the visible word before it nor borrows its sentence.
      chars.push('\n');
      map.push(f.start);
      for (let k = 0; k < f.decoded.length; k++) { chars.push(f.decoded.charAt(k)); map.push(Math.min(f.start + 2 * k, f.end - 2)); }
      chars.push('\n');
      map.push(f.end - 2);
    } else if (f.kind === 'confusable' && f.lookalike !== undefined) {
      for (let k = 0; k < f.lookalike.length; k++) { chars.push(f.lookalike.charAt(k)); map.push(f.start + k); }
    }
    at = f.end;
  }
  keep(at, text.length);
  map.push(text.length);
  return { text: chars.join(''), originalOffset: (o) => map[Math.max(0, Math.min(o, map.length - 1))] ?? text.length };
}
