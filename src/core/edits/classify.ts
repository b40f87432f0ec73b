// Classifies one document change event: typing, undo/redo, formatting, paste or a bulk edit that
// looks like an assistant's (accepted completion, chat "apply", agent edit).

/** One content change of an event, as VS Code reports it. */
export interface ContentChange {
  /** Zero-based lines of the replaced range in the document before the change. */
  readonly startLine: number;
  readonly endLine: number;
  /** Length of the replaced text (UTF-16 units). */
  readonly rangeLength: number;
  /** The inserted text. */
  readonly text: string;
}

/** How an edit came about. `external` is a write to disk by another process. */
export type EditClass = 'typing' | 'undo' | 'redo' | 'formatting' | 'paste' | 'bulk' | 'external';

/** Edit classes that Redline treats as possibly written by an assistant. */
export const AI_LIKE: ReadonlySet<EditClass> = new Set(['bulk', 'paste', 'external']);

/** Thresholds for a bulk edit (settings `redline.aiEdit.minLines` and `redline.aiEdit.minChars`). */
export interface BulkThresholds {
  readonly minLines: number;
  readonly minChars: number;
}

export const DEFAULT_THRESHOLDS: BulkThresholds = { minLines: 3, minChars: 120 };

/** What the adapter knows about an event besides its changes. */
export interface ChangeContext {
  readonly reason?: 'undo' | 'redo';
  /** A paste into this document was announced just before (by the paste provider) with this text. */
  readonly pastedText?: string;
  /** The event changed only whitespace (the adapter compares the text without whitespace). */
  readonly formatting?: boolean;
}

/** The size of a whole change event: VS Code may split one replacement into many small changes. */
export interface EditSize {
  readonly insertedChars: number;
  readonly removedChars: number;
  /** Distinct lines of the document touched by the event (old lines replaced plus new lines inserted). */
  readonly linesTouched: number;
  readonly changeCount: number;
}

/** Sizes the event as a whole. */
export function sizeOf(changes: readonly ContentChange[]): EditSize {
  let insertedChars = 0;
  let removedChars = 0;
  const lines = new Set<number>();
  let insertedLines = 0;
  for (const c of changes) {
    insertedChars += c.text.length;
    removedChars += c.rangeLength;
    for (let l = c.startLine; l <= c.endLine && l - c.startLine < 10000; l++) lines.add(l);
    insertedLines += countNewlines(c.text);
  }
  return { insertedChars, removedChars, linesTouched: Math.max(lines.size, 0) + insertedLines, changeCount: changes.length };
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Classifies one change event. Typing never counts as AI; paste is its own class. */
export function classifyChange(changes: readonly ContentChange[], context: ChangeContext, thresholds: BulkThresholds = DEFAULT_THRESHOLDS): EditClass {
  if (context.reason === 'undo') return 'undo';
  if (context.reason === 'redo') return 'redo';
  if (context.pastedText !== undefined && changes.some((c) => c.text.length > 0 && normaliseEol(c.text) === normaliseEol(context.pastedText ?? ''))) {
    return 'paste';
  }
  if (changes.length === 0 || isMultiCursorTyping(changes)) return 'typing';
  if (context.formatting) return 'formatting';
  const size = sizeOf(changes);
  // Lines with content that the event writes: auto-indent after Enter writes none.
  const contentLines = changes.reduce((n, c) => n + linesWithContent(c.text), 0);
  if (contentLines >= thresholds.minLines) return 'bulk';
  // A rewrite reaches VS Code as its minimal difference: many small changes across lines.
  const touched = new Set<number>();
  for (const c of changes) for (let l = c.startLine; l <= c.endLine && l - c.startLine < 10000; l++) touched.add(l);
  if (changes.length > 1 && touched.size >= thresholds.minLines) return 'bulk';
  // Removing whole blocks (an `if` check, a middleware line) is how guardrails disappear.
  if (changes.some((c) => c.endLine - c.startLine >= thresholds.minLines)) return 'bulk';
  if (size.insertedChars >= thresholds.minChars || size.removedChars >= thresholds.minChars) return 'bulk';
  return 'typing';
}

/** Several cursors typing the same short text at once. */
function isMultiCursorTyping(changes: readonly ContentChange[]): boolean {
  if (changes.length < 2) return changes.length === 1 && changes[0]!.text.length <= 2 && changes[0]!.rangeLength <= 2 && countNewlines(changes[0]!.text) <= 1;
  const first = changes[0]!;
  return first.text.length <= 2 && first.rangeLength <= 2 && changes.every((c) => c.text === first.text && c.rangeLength === first.rangeLength && c.startLine === c.endLine);
}

function linesWithContent(text: string): number {
  let n = 0;
  let content = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) {
      if (content) n++;
      content = false;
    } else if (ch !== 32 && ch !== 9 && ch !== 13) {
      content = true;
    }
  }
  return content ? n + 1 : n;
}

function normaliseEol(text: string): string {
  return text.replace(/\r\n/g, '\n');
}

/** True when two versions differ only in whitespace: what a formatter does. */
export function differsOnlyInWhitespace(before: string, after: string): boolean {
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < before.length && isBlankCode(before.charCodeAt(i))) i++;
    while (j < after.length && isBlankCode(after.charCodeAt(j))) j++;
    if (i >= before.length || j >= after.length) return i >= before.length && j >= after.length;
    if (before.charCodeAt(i) !== after.charCodeAt(j)) return false;
    i++;
    j++;
  }
}

function isBlankCode(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13;
}
