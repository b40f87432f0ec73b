// Line mapping between two versions of a file (jsdiff), for anchors, related ranges and restore edits.
import { diffLines } from 'diff';

/** Maps zero-based lines of the old text to lines of the new text. */
export class LineMap {
  /** For each old line: the new line it became, or -(insertion line + 1) when it was removed. */
  private readonly map: number[];
  /** For removed old lines of a replaced block: the new line at the same position in the replacement. */
  private readonly paired = new Map<number, number>();

  constructor(before: string, after: string) {
    this.map = [];
    const a = before.split('\n');
    const b = after.split('\n');
    let head = 0;
    while (head < a.length && head < b.length && a[head] === b[head]) this.map[head] = head++;
    let tail = 0;
    while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
    const midOld = a.slice(head, a.length - tail);
    const midNew = b.slice(head, b.length - tail);
    let oldLine = head;
    let newLine = head;
    const parts = midOld.length === 0 && midNew.length === 0 ? [] : diffLines(joinLines(midOld), joinLines(midNew));
    let removedStart = -1;
    let removedCount = 0;
    for (const part of parts) {
      const n = part.count ?? 0;
      if (part.added) {
        if (removedStart >= 0) for (let i = 0; i < removedCount; i++) this.paired.set(removedStart + i, newLine + Math.min(i, n - 1));
        removedStart = -1;
        newLine += n;
      } else if (part.removed) {
        removedStart = oldLine;
        removedCount = n;
        for (let i = 0; i < n; i++) this.map[oldLine++] = -(newLine + 1);
      } else {
        removedStart = -1;
        for (let i = 0; i < n; i++) this.map[oldLine++] = newLine++;
      }
    }
    for (let i = 0; i < tail; i++) this.map[oldLine++] = newLine++;
  }

  /** The new line for an old line; a removed line maps to where it would be re-inserted. */
  toNew(oldLine: number): number {
    const v = this.map[oldLine];
    if (v === undefined) return Math.max(0, this.map.length > 0 ? this.lastNew() : 0);
    return v >= 0 ? v : -v - 1;
  }

  /** The new line an old line became, or its counterpart in a replaced block; undefined when simply deleted. */
  counterpart(oldLine: number): number | undefined {
    const v = this.map[oldLine];
    if (v !== undefined && v >= 0) return v;
    return this.paired.get(oldLine);
  }

  /** True when the old line survived unchanged. */
  kept(oldLine: number): boolean {
    return (this.map[oldLine] ?? -1) >= 0;
  }

  private lastNew(): number {
    for (let i = this.map.length - 1; i >= 0; i--) {
      const v = this.map[i] as number;
      return v >= 0 ? v + 1 : -v - 1;
    }
    return 0;
  }
}

function joinLines(lines: readonly string[]): string {
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
