// Hover on a line that lost a guardrail: what was removed, by which edit, and what to do.
import * as vscode from 'vscode';
import { anchorLine, describeEdit, ruleTitle } from './findingView';
import { commandLink, refOf } from './findingLookup';
import type { ReviewStore } from './reviewStore';
import type { RedlineConfig } from './settings';
import { ruleMeta } from '../core/rules';

export class FindingHoverProvider implements vscode.HoverProvider {
  constructor(private readonly store: ReviewStore, private readonly config: RedlineConfig) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const review = this.store.get(doc.uri);
    if (!review) return undefined;
    const here = review.findings.filter((f) => anchorLine(f, doc.lineCount) === position.line);
    if (here.length === 0) return undefined;
    const learning = this.config.get(doc.uri).learningMode;
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = { enabledCommands: ['redline.restoreGuardrail', 'redline.showRemovedCode', 'redline.explainFinding', 'redline.acknowledgeFinding', 'redline.markFileReviewed'] };
    md.supportHtml = false;
    const edit = review.edits[review.edits.length - 1];
    for (const f of here) {
      const ref = refOf(doc.uri, f, review.version);
      md.appendMarkdown(`**$(shield) Redline: ${ruleTitle(f.ruleId)}**\n\n`);
      md.appendText(f.message);
      md.appendMarkdown(`\n\nBy ${describeEdit(edit)}.\n\n`);
      if (f.removedSnippet) {
        md.appendMarkdown('Removed code:\n');
        md.appendCodeblock(f.removedSnippet, doc.languageId);
      }
      if (learning) {
        const meta = ruleMeta(f.ruleId);
        if (meta) md.appendMarkdown(`\n${meta.description} [Why?](${commandLink('redline.explainFinding', ref)})\n`);
      }
      const actions = [
        ...(f.restore && f.restore.length > 0 ? [`[Restore guardrail](${commandLink('redline.restoreGuardrail', ref)})`] : []),
        `[Show removed code](${commandLink('redline.showRemovedCode', doc.uri.toString(), f.range.start.line)})`,
        `[Explain](${commandLink('redline.explainFinding', ref)})`,
        `[Acknowledge…](${commandLink('redline.acknowledgeFinding', ref)})`,
      ];
      md.appendMarkdown(`\n${actions.join(' · ')}\n\n---\n\n`);
    }
    return new vscode.Hover(md, new vscode.Range(position.line, 0, position.line, doc.lineAt(position.line).text.length));
  }
}
