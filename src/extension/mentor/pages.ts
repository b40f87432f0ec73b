// Builds what the mentoring panel shows (finding, rule and library pages) from the review store,
// the open document and the rule's docs page. Data only: the webview script renders it.
import * as vscode from 'vscode';
import { describeEditClass } from '../../core/edits/attribution';
import type { Finding, RuleMeta } from '../../core/model';
import { allRuleMetas, ruleMeta } from '../../core/rules';
import { refOf } from '../findingLookup';
import { ruleDocUri } from '../findingView';
import { relativePath } from '../paths';
import type { FileReview } from '../reviewStore';
import { changeExcerpts } from './excerpt';
import { FAMILIES, libraryFamilies, PRACTICES } from './library';
import type { EditInfo, FindingPage, LibraryPage, MetRule, RuleInfo, RulePage } from './protocol';
import { renderInline, renderRuleDoc } from './ruleDoc';

/** Reads and renders a rule's docs page; an unknown rule gets a minimal description. */
export async function ruleInfo(extensionUri: vscode.Uri, ruleId: string): Promise<RuleInfo> {
  const meta: RuleMeta = ruleMeta(ruleId) ?? { id: ruleId, title: ruleId, family: 'inference', defaultSeverity: 'warning', languages: '*', description: '', cwe: [], owasp: [] };
  let markdown: string | undefined;
  try {
    markdown = Buffer.from(await vscode.workspace.fs.readFile(ruleDocUri(extensionUri, ruleId))).toString('utf8');
  } catch {
    markdown = undefined;
  }
  const family = FAMILIES[meta.family];
  return {
    id: meta.id, title: meta.title, family: meta.family, familyLabel: family.label, familySummary: family.summary,
    severity: meta.defaultSeverity, cwe: meta.cwe, owasp: meta.owasp, sections: renderRuleDoc(markdown),
  };
}

/** The finding page: rule, message, the removed and current code side by side, and the edit that did it. */
export async function findingPage(extensionUri: vscode.Uri, review: FileReview, finding: Finding): Promise<FindingPage> {
  const doc = await vscode.workspace.openTextDocument(review.uri);
  const { before, after } = changeExcerpts(review.baseline.text, doc.getText(), finding.range, finding.relatedRange, doc.languageId);
  const edit = editInfo(review);
  return {
    kind: 'finding',
    ref: refOf(review.uri, finding, review.version),
    rule: await ruleInfo(extensionUri, finding.ruleId),
    messageHtml: renderInline(finding.message),
    file: relativePath(review.uri),
    line: finding.range.start.line + 1,
    ...(finding.context ? { context: finding.context } : {}),
    ...(before ? { before } : {}),
    after,
    ...(finding.removedSnippet ? { removedSnippet: finding.removedSnippet } : {}),
    ...(edit ? { edit } : {}),
    canRestore: (finding.restore?.length ?? 0) > 0,
  };
}

export async function rulePage(extensionUri: vscode.Uri, ruleId: string, note?: string): Promise<RulePage> {
  return { kind: 'rule', rule: await ruleInfo(extensionUri, ruleId), ...(note ? { note } : {}) };
}

export function libraryPage(met: readonly MetRule[]): LibraryPage {
  return {
    kind: 'library',
    families: libraryFamilies(allRuleMetas()),
    practices: PRACTICES.map((p) => ({ title: p.title, html: renderInline(p.text) })),
    met,
  };
}

/** The newest AI edit on the file, as the panel shows it. */
function editInfo(review: FileReview): EditInfo | undefined {
  const edit = review.edits[review.edits.length - 1];
  if (!edit) return undefined;
  return {
    kind: describeEditClass(edit.editClass),
    ...(edit.source ? { source: edit.source } : {}),
    time: new Date(edit.time).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }),
  };
}
