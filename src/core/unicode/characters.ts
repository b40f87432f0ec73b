// Per-character view of a finding, for editors that draw one ghost label per hidden character.
import { shortLabel } from './names';
import type { HiddenCharFinding } from './types';

/** One hidden character of a run: its UTF-16 offsets in the text and its ghost label (`⟨U+200B⟩`). */
export interface HiddenCharacter {
  readonly start: number;
  readonly end: number;
  readonly codePoint: number;
  readonly label: string;
}

/**
 * The characters of a run finding, in order (for `confusable` findings: the homoglyph letters inside the word).
 * Tag runs are usually better shown once, with their `decoded` text.
 */
export function hiddenCharacters(finding: HiddenCharFinding): HiddenCharacter[] {
  if (finding.kind === 'confusable') {
    return finding.removal.map((edit, i) => {
      const cp = finding.codePoints[i] ?? 0;
      const start = finding.start + (edit.range.start.character - finding.range.start.character);
      return { start, end: start + 1, codePoint: cp, label: shortLabel(cp) };
    });
  }
  const out: HiddenCharacter[] = [];
  let at = finding.start;
  for (const cp of finding.codePoints) {
    const size = cp > 0xffff ? 2 : 1;
    out.push({ start: at, end: at + size, codePoint: cp, label: shortLabel(cp) });
    at += size;
  }
  return out;
}
