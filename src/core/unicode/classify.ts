// Which code points the detector looks at, their kind, and whether the surrounding text makes them legitimate.
import type { HiddenCharKind } from './types';
import { isCjkIdeograph, isEmoji, isEmojiModifier, isHangulJamo, isJoiningScript, isLetterOrMark, isMongolian, isNoSpaceScript } from './scripts';

/** The kind of a hidden character, or undefined for visible text. */
export function hiddenKind(cp: number): HiddenCharKind | undefined {
  if (cp < 0xad) return undefined;
  if (cp >= 0xe0000 && cp <= 0xe007f) return 'tag';
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp === 0x200e || cp === 0x200f || cp === 0x061c) return 'bidi';
  if ((cp >= 0x200b && cp <= 0x200d) || cp === 0x2060 || cp === 0xfeff) return 'zero-width';
  if ((cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef)) return 'variation-selector';
  if (cp === 0x00ad || cp === 0x034f || cp === 0x115f || cp === 0x1160 || cp === 0x17b4 || cp === 0x17b5 || (cp >= 0x180b && cp <= 0x180f)
    || (cp >= 0x2061 && cp <= 0x2064) || (cp >= 0x206a && cp <= 0x206f) || cp === 0x2800 || cp === 0x3164 || cp === 0xffa0
    || (cp >= 0xfff9 && cp <= 0xfffb) || (cp >= 0x1d173 && cp <= 0x1d17a)) return 'invisible-format';
  return undefined;
}

/** True for a variation selector of either block. */
export function isVariationSelector(cp: number): boolean {
  return (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}

/** What the context rules need to know about one occurrence. */
export interface CharContext {
  readonly cp: number;
  readonly offset: number;
  /** Code point before and after (-1 at the text's edges). */
  readonly prev: number;
  readonly next: number;
  /** The text is prose (Markdown, plain text), not code. */
  readonly prose: boolean;
  /** The character sits after a quote or comment marker on its line (probably inside a string or comment). */
  inStringOrComment(): boolean;
  /** Another braille pattern sits within 24 code units (a spinner or braille text, not a lone blank). */
  nearBraille(): boolean;
  /** The line holds right-to-left letters. */
  lineHasRtl(): boolean;
  /** Every embedding/isolate on the line is closed on the same line, in order. */
  lineBidiBalanced(): boolean;
}

/** True when the character is part of real text (emoji sequence, joined script, RTL prose...), so not a finding. */
export function isLegitimate(c: CharContext): boolean {
  const { cp, prev, next } = c;
  switch (hiddenKind(cp)) {
    case 'bidi':
      if (cp === 0x202d || cp === 0x202e) return false;
      if (cp === 0x200e || cp === 0x200f || cp === 0x061c) return c.lineHasRtl();
      return c.lineHasRtl() && c.lineBidiBalanced();
    case 'zero-width':
      if (cp === 0xfeff) return c.offset === 0;
      if (cp === 0x200b || cp === 0x2060) return isCommentEscape(prev, next) || (cp === 0x200b && isNoSpaceScript(prev) && isNoSpaceScript(next));
      if (cp === 0x200c) return isJoiningScript(prev) && isJoiningScript(next);
      if (cp === 0x200d) {
        const emojiJoin = (isEmoji(prev) || prev === 0xfe0f || isEmojiModifier(prev) || prev === 0xe007f) && isEmoji(next);
        return emojiJoin || (isJoiningScript(prev) && isJoiningScript(next));
      }
      return false;
    case 'variation-selector':
      if (isVariationSelector(next)) return false;
      if ((cp === 0xfe0f || cp === 0xfe0e) && (isEmoji(prev) || (isKeycapBase(prev) && next === 0x20e3))) return true;
      return isCjkIdeograph(prev);
    case 'invisible-format':
      return isLegitimateFormat(c);
    default:
      return false;
  }
}

/** `*\u200B/` in a doc comment: the zero-width character keeps a glob like `**\u200B/*.js` from closing the comment. */
function isCommentEscape(prev: number, next: number): boolean {
  return prev === 0x2a && next === 0x2f;
}

function isKeycapBase(cp: number): boolean {
  return cp === 0x23 || cp === 0x2a || (cp >= 0x30 && cp <= 0x39);
}

function isLegitimateFormat(c: CharContext): boolean {
  const { cp, prev, next } = c;
  if (cp === 0x00ad || cp === 0x034f) return (c.prose || c.inStringOrComment()) && isLetterOrMark(prev) && isLetterOrMark(next);
  if (cp === 0x115f || cp === 0x1160) return isHangulJamo(prev) || isHangulJamo(next);
  if (cp === 0x180e) return isMongolian(prev) && isMongolian(next);
  if (cp >= 0x180b && cp <= 0x180f) return isMongolian(prev);
  if (cp === 0x2800) return c.nearBraille();
  return false;
}
