// Parses versions of a file once (cached by text) and builds the windowed or full `Doc` rules read.
import type { ParserPool, SyntaxNode, SyntaxTree } from '../parsing/runtime';
import type { LanguageFamily } from '../parsing/languages';
import { Doc, mirror, type SNode } from './syntax';
import { LineIndex } from '../text';

const LIST_PARENTS = new Set(['ERROR', 'program', 'module', 'source_file', 'class_body', 'block', 'statement_block', 'statement_list', 'declaration_list', 'interface_body', 'enum_body']);

interface Entry {
  tree: SyntaxTree;
  full?: Doc;
  lines?: LineIndex;
}

/** A small LRU of parse trees keyed by language and text, so the baseline is parsed once. */
export class TreeCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly pool: ParserPool, private readonly capacity = 6) {}

  /** The tree for `text`, parsed incrementally from `base` when given. */
  tree(languageId: string, text: string, base?: { text: string; start: number; oldEnd: number; newEnd: number }): SyntaxTree | undefined {
    const key = `${languageId}\u0000${text}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.tree;
    }
    let previous: SyntaxTree | undefined;
    if (base) {
      const old = this.entries.get(`${languageId}\u0000${base.text}`);
      if (old) {
        previous = old.tree.copy();
        old.lines ??= new LineIndex(base.text);
        const startPosition = toPoint(old.lines.positionAt(base.start));
        previous.edit({
          startIndex: base.start, oldEndIndex: base.oldEnd, newEndIndex: base.newEnd,
          startPosition, oldEndPosition: toPoint(old.lines.positionAt(base.oldEnd)), newEndPosition: pointAfter(startPosition, text, base.start, base.newEnd),
        });
      }
    }
    const tree = this.pool.parse(languageId, text, previous);
    previous?.delete();
    if (!tree) return undefined;
    this.entries.set(key, { tree });
    while (this.entries.size > this.capacity) {
      const [oldest, entry] = this.entries.entries().next().value as [string, Entry];
      entry.tree.delete();
      this.entries.delete(oldest);
    }
    return tree;
  }

  /** The line index of a text already parsed, built once (the baseline is compared many times). */
  lines(languageId: string, text: string): LineIndex {
    const entry = this.entries.get(`${languageId}\u0000${text}`);
    if (!entry) return new LineIndex(text);
    entry.lines ??= new LineIndex(text);
    return entry.lines;
  }

  /** The whole-file Doc for a text already parsed, built once. */
  fullDoc(languageId: string, text: string, family: LanguageFamily): Doc | undefined {
    const entry = this.entries.get(`${languageId}\u0000${text}`);
    if (!entry) return undefined;
    entry.full ??= new Doc(text, family, [mirror(entry.tree.rootNode)]);
    return entry.full;
  }
}

function toPoint(p: { line: number; character: number }): { row: number; column: number } {
  return { row: p.line, column: p.character };
}

/** The point at `end` in `text`, counting only the line breaks between `start` (at `from`) and `end`. */
function pointAfter(from: { row: number; column: number }, text: string, start: number, end: number): { row: number; column: number } {
  let row = from.row;
  let lineStart = -1;
  for (let i = text.indexOf('\n', start); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: lineStart === -1 ? from.column + (end - start) : end - lineStart };
}

/**
 * A Doc over the part of the tree an edit touched: every node overlapping [start, end), plus the
 * short statements elsewhere (`app.use(...)`, class decorators, settings), which are identical in
 * both versions and so cancel out, but let rules see router-level guards and scope names.
 */
export function windowDoc(text: string, family: LanguageFamily, tree: SyntaxTree, start: number, end: number): Doc {
  const root = prunedMirror(tree.rootNode, start, end, text);
  return new Doc(text, family, [root]);
}

function prunedMirror(node: SyntaxNode, start: number, end: number, text: string): SNode {
  const cursor = node.walk();
  const root: SNode = { type: cursor.nodeType, start: cursor.startIndex, end: cursor.endIndex, field: null, children: [], parent: null };
  const stack: SNode[] = [root];
  if (cursor.gotoFirstChild()) {
    for (;;) {
      const parent = stack[stack.length - 1] as SNode;
      let descended = false;
      const s = cursor.startIndex;
      const e = cursor.endIndex;
      const skip = (e < start || s > end) && LIST_PARENTS.has(parent.type) && spansLines(text, s, e, 4);
      if (cursor.nodeIsNamed && !skip && !/comment$/.test(cursor.nodeType)) {
        const child: SNode = { type: cursor.nodeType, start: s, end: e, field: cursor.currentFieldName, children: [], parent };
        parent.children.push(child);
        if (cursor.gotoFirstChild()) {
          stack.push(child);
          descended = true;
        }
      }
      if (descended) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent() || stack.length <= 1) {
          cursor.delete();
          return root;
        }
        stack.pop();
      }
    }
  }
  cursor.delete();
  return root;
}

/** True when text[s, e) holds at least `lines` line breaks (stops counting early). */
function spansLines(text: string, s: number, e: number, lines: number): boolean {
  let n = 0;
  for (let i = text.indexOf('\n', s); i !== -1 && i < e; i = text.indexOf('\n', i + 1)) {
    if (++n >= lines) return true;
  }
  return false;
}
