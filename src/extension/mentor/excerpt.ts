// Builds the panel's side-by-side code: the removed code from the last reviewed version and the code
// now, a few lines either side, syntax-coloured, with the removed and added characters marked.
import { diffArrays, diffWordsWithSpace } from 'diff';
import type { TextRange } from '../../core/model';
import { markChanged, splitLines, tokenize } from './highlight';
import type { CodeExcerpt, CodeLine } from './protocol';

/** Lines shown above and below the finding. */
const CONTEXT = 3;
/** At most this many lines of the finding's own range are shown. */
const MAX_SPAN = 12;
/** Beyond this many changed lines the whole-file diff is skipped and nothing is marked. */
const MAX_EDIT = 4000;

export interface ChangeExcerpts {
  readonly before?: CodeExcerpt;
  readonly after: CodeExcerpt;
}

type Marks = { lines: Set<number>; chars: Map<number, Array<[number, number]>> };

/** The baseline around `related` (when given) and the current text around `range`, with the change marked. */
export function changeExcerpts(baseline: string, current: string, range: TextRange, related: TextRange | undefined, languageId: string): ChangeExcerpts {
  const oldLines = baseline.split('\n');
  const newLines = current.split('\n');
  const { removed, added } = lineMarks(oldLines, newLines);
  const after = excerpt('Now', newLines, range, added, 'added', languageId);
  return related ? { before: excerpt('Last reviewed version', oldLines, related, removed, 'removed', languageId), after } : { after };
}

function excerpt(label: string, lines: readonly string[], range: TextRange, marks: Marks, mark: 'removed' | 'added', languageId: string): CodeExcerpt {
  const first = Math.max(0, range.start.line - CONTEXT);
  const spanEnd = Math.min(range.end.line, range.start.line + MAX_SPAN);
  const last = Math.min(lines.length - 1, spanEnd + CONTEXT);
  const text = lines.slice(first, last + 1).join('\n');
  const tokenLines = splitLines(tokenize(text, languageId));
  const out: CodeLine[] = tokenLines.map((tokens, i) => {
    const index = first + i;
    const marked = marks.lines.has(index);
    return {
      number: index + 1,
      tokens: markChanged(tokens, marks.chars.get(index) ?? []),
      ...(marked ? { mark } : {}),
    };
  });
  // A file ending in a newline leaves one empty line at the end: drop it.
  while (out.length > 1 && out[out.length - 1]!.tokens.length === 0 && last === lines.length - 1 && lines[last] === '') out.pop();
  return { label, lines: out };
}

/** Whole-file line diff: which old lines were removed, which new lines added, and the changed words in paired lines. */
function lineMarks(oldLines: readonly string[], newLines: readonly string[]): { removed: Marks; added: Marks } {
  const removed: Marks = { lines: new Set(), chars: new Map() };
  const added: Marks = { lines: new Set(), chars: new Map() };
  const parts = diffArrays(oldLines as string[], newLines as string[], { maxEditLength: MAX_EDIT });
  if (!parts) return { removed, added };
  let o = 0;
  let n = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const count = part.value.length;
    if (!part.added && !part.removed) {
      o += count;
      n += count;
      continue;
    }
    if (part.removed) {
      const next = parts[i + 1];
      const paired = next?.added ? next.value.length : 0;
      for (let k = 0; k < count; k++) removed.lines.add(o + k);
      for (let k = 0; k < paired; k++) added.lines.add(n + k);
      for (let k = 0; k < Math.min(count, paired); k++) wordMarks(oldLines[o + k] ?? '', newLines[n + k] ?? '', o + k, n + k, removed, added);
      o += count;
      n += paired;
      if (paired > 0) i++;
      continue;
    }
    for (let k = 0; k < count; k++) added.lines.add(n + k);
    n += count;
  }
  return { removed, added };
}

/** Marks the words that differ between a removed line and the added line that replaced it. */
function wordMarks(oldLine: string, newLine: string, o: number, n: number, removed: Marks, added: Marks): void {
  if (oldLine.length + newLine.length > 2000) return;
  let a = 0;
  let b = 0;
  const left: Array<[number, number]> = [];
  const right: Array<[number, number]> = [];
  for (const c of diffWordsWithSpace(oldLine, newLine)) {
    if (c.removed) {
      left.push([a, a + c.value.length]);
      a += c.value.length;
    } else if (c.added) {
      right.push([b, b + c.value.length]);
      b += c.value.length;
    } else {
      a += c.value.length;
      b += c.value.length;
    }
  }
  removed.chars.set(o, left);
  added.chars.set(n, right);
}
