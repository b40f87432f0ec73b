// Public API of the hidden-Unicode detector (pure): findings, labels and removal edits for the editor and CLI.
export type { HiddenCharFinding, HiddenCharKind, HiddenUnicodeOptions } from './types';
export { detectHiddenUnicode, isProseText } from './detect';
export { removeHiddenCharacters, revealText, type RevealedText } from './remove';
export { codePointCode, displayHiddenText, hiddenCharName, longLabel, shortLabel } from './names';
export { hiddenCharacters, type HiddenCharacter } from './characters';
