// Shapes returned by the hidden-Unicode detector.
import type { TextEdit, TextRange } from '../model';

/** The class of a hidden or deceptive character run. */
export type HiddenCharKind = 'tag' | 'bidi' | 'zero-width' | 'variation-selector' | 'invisible-format' | 'confusable';

/** Where the text comes from; drives the context rules (prose vs code, instruction files). */
export interface HiddenUnicodeOptions {
  /** VS Code language id, e.g. `markdown`, `typescript`. */
  readonly languageId?: string;
  /** Workspace-relative path, used when `languageId` is absent (extension decides prose vs code). */
  readonly path?: string;
  /** The file is an assistant instruction or agent-config file: every finding is an error. */
  readonly isInstructionFile?: boolean;
}

/** One run of hidden characters (or one confusable word) found in a text. */
export interface HiddenCharFinding {
  readonly kind: HiddenCharKind;
  /** Range of the run in the text (UTF-16 positions). */
  readonly range: TextRange;
  /** UTF-16 offsets of the run, `[start, end)`. */
  readonly start: number;
  readonly end: number;
  /** Code points of the run in order; for `confusable`, the deceptive code points of the word. */
  readonly codePoints: readonly number[];
  /** e.g. `⟨U+202E RIGHT-TO-LEFT OVERRIDE⟩`, or `⟨U+200B ZERO WIDTH SPACE⟩ ×12` for a run. */
  readonly label: string;
  /**
   * For `tag` runs: the hidden ASCII text; for smuggled variation-selector runs: decoded bytes when they are text.
   * Raw: pass it through `displayHiddenText` before showing or logging it (the label already is).
   */
  readonly decoded?: string;
  /** For `confusable`: the word as written and the ASCII it imitates. */
  readonly word?: string;
  readonly lookalike?: string;
  /**
   * Edits that remove the run (for `confusable`: replace each homoglyph with the ASCII letter it imitates).
   * Ranges refer to the text the finding was computed on; apply them together as one edit.
   */
  readonly removal: readonly TextEdit[];
}
