// Script and emoji predicates the context rules use to tell real text from hidden characters.

const EXT_PICT = /\p{Extended_Pictographic}/u;

/** Hebrew, Arabic, Syriac, Thaana, N'Ko and related right-to-left letters (incl. presentation forms). */
export function isRtlLetter(cp: number): boolean {
  return (cp >= 0x0590 && cp <= 0x08ff) || (cp >= 0xfb1d && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfefe)
    || (cp >= 0x10800 && cp <= 0x10fff) || (cp >= 0x1e800 && cp <= 0x1efff);
}

/** Scripts whose words legitimately contain ZWJ/ZWNJ: Arabic/Persian, Syriac, the Indic scripts, Tibetan, Myanmar, Khmer, Mongolian. */
export function isJoiningScript(cp: number): boolean {
  return (cp >= 0x0600 && cp <= 0x08ff && cp !== 0x061c) || (cp >= 0x0900 && cp <= 0x0dff) || (cp >= 0x0f00 && cp <= 0x0fff)
    || (cp >= 0x1000 && cp <= 0x109f) || (cp >= 0x1780 && cp <= 0x18af) || (cp >= 0xa8e0 && cp <= 0xa8ff)
    || (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfefe);
}

/** Scripts written without spaces, where a zero width space marks a word break (Thai, Lao, Khmer, Myanmar, CJK, kana). */
export function isNoSpaceScript(cp: number): boolean {
  return (cp >= 0x0e00 && cp <= 0x0eff) || (cp >= 0x0f00 && cp <= 0x0fff) || (cp >= 0x1000 && cp <= 0x109f)
    || (cp >= 0x1780 && cp <= 0x17ff) || (cp >= 0x3000 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff)
    || (cp >= 0xff00 && cp <= 0xffef) || (cp >= 0x20000 && cp <= 0x3ffff);
}

/** CJK unified/compatibility ideographs, the bases of ideographic variation sequences. */
export function isCjkIdeograph(cp: number): boolean {
  return (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3ffff);
}

/** Emoji skin-tone modifiers U+1F3FB–1F3FF. */
export function isEmojiModifier(cp: number): boolean {
  return cp >= 0x1f3fb && cp <= 0x1f3ff;
}

/** A pictographic emoji base (Extended_Pictographic), a regional indicator or a skin-tone modifier. */
export function isEmoji(cp: number): boolean {
  if (cp < 0xa9) return false;
  if (isEmojiModifier(cp) || (cp >= 0x1f1e6 && cp <= 0x1f1ff) || (cp >= 0x1f300 && cp <= 0x1f5ff) || (cp >= 0x1f900 && cp <= 0x1faff)) return true;
  return EXT_PICT.test(String.fromCodePoint(cp));
}

/** A letter or combining mark of any script (for soft hyphens and joiners inside words). */
export function isLetterOrMark(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  return /[\p{L}\p{M}]/u.test(String.fromCodePoint(cp));
}

/** Mongolian letters, which legitimately take free variation selectors and the vowel separator. */
export function isMongolian(cp: number): boolean {
  return cp >= 0x1800 && cp <= 0x18af;
}

/** Conjoining Hangul jamo, which may follow the choseong/jungseong fillers in old Hangul. */
export function isHangulJamo(cp: number): boolean {
  return (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0xa960 && cp <= 0xa97f) || (cp >= 0xd7b0 && cp <= 0xd7ff);
}
