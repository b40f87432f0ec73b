// Hover over a hidden character (or its ghost label): names each character and shows the decoded hidden text.
import * as vscode from 'vscode';
import { displayHiddenText, hiddenCharacters, longLabel, type HiddenCharFinding } from '../../core/unicode';
import type { DocumentScanner } from './documentScanner';

/** Characters listed one by one; longer runs are summarised by the finding's label. */
const MAX_NAMED = 12;

export class HiddenTextHoverProvider implements vscode.HoverProvider {
  constructor(private readonly scanner: DocumentScanner) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const scan = this.scanner.current(doc);
    if (!scan) return undefined;
    const offset = doc.offsetAt(position);
    const hits = scan.hidden.filter((h) => offset >= h.start && offset <= h.end);
    if (hits.length === 0) return undefined;
    const md = new vscode.MarkdownString();
    md.supportHtml = false;
    for (const h of hits) md.appendMarkdown(describe(h));
    const first = hits[0]!;
    const last = hits[hits.length - 1]!;
    return new vscode.Hover(md, new vscode.Range(doc.positionAt(first.start), doc.positionAt(last.end)));
  }
}

function describe(h: HiddenCharFinding): string {
  const lines: string[] = [];
  if (h.kind === 'confusable') {
    lines.push(`**Redline: look-alike letters** in \`${code(h.word ?? '')}\`, which reads like \`${code(h.lookalike ?? '')}\`:`);
  } else {
    lines.push(`**Redline: ${h.codePoints.length === 1 ? 'hidden character' : `${h.codePoints.length} hidden characters`}**`);
  }
  if (h.decoded !== undefined) lines.push(`Hidden text: \`${code(displayHiddenText(h.decoded))}\``);
  const chars = hiddenCharacters(h);
  if (chars.length <= MAX_NAMED) lines.push(...chars.map((c) => `- \`${longLabel(c.codePoint)}\``));
  else lines.push(`- \`${code(h.label)}\``);
  if (h.kind !== 'confusable') lines.push('', 'Use the quick fix **Remove hidden characters** to strip them.');
  return `${lines.join('\n\n')}\n\n`;
}

/** Text safe inside an inline code span (no backticks, no line breaks). */
function code(text: string): string {
  return text.replace(/`/g, 'ˋ').replace(/[\r\n]+/g, ' ');
}
