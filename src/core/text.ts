// Text helpers shared by every detector: offset <-> position mapping and secret masking.
import type { Position, TextRange } from './model';

/** Maps UTF-16 offsets to zero-based line/character positions and back, in O(log lines). */
export class LineIndex {
  private readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) starts.push(i + 1);
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Position of a UTF-16 offset (clamped to the text). */
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - (this.starts[lo] ?? 0) };
  }

  /** Offset of a position (clamped to its line). */
  offsetAt(position: Position): number {
    const line = Math.max(0, Math.min(position.line, this.starts.length - 1));
    const start = this.starts[line] ?? 0;
    const next = line + 1 < this.starts.length ? (this.starts[line + 1] ?? this.text.length) : this.text.length;
    return Math.min(start + Math.max(0, position.character), next);
  }

  rangeOf(startOffset: number, endOffset: number): TextRange {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }

  /** The text of a zero-based line, without its line break. */
  lineText(line: number): string {
    const start = this.starts[line];
    if (start === undefined) return '';
    const next = this.starts[line + 1];
    const end = next === undefined ? this.text.length : next - 1;
    return this.text.slice(start, end).replace(/\r$/, '');
  }
}

/** Masks a secret for display: its first 4 characters and an ellipsis, never more. */
export function maskSecret(value: string): string {
  if (value.length <= 4) return '…';
  return `${value.slice(0, 4)}…`;
}
