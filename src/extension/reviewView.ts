// The Review view: files with unreviewed AI edits, grouped by their worst severity, each with its
// findings. Clicking opens the diff against the last reviewed version.
import * as vscode from 'vscode';
import type { Finding, Severity } from '../core/model';
import { describeEdit, ruleTitle } from './findingView';
import { relativePath } from './paths';
import { allFindings, type FileReview, type ReviewStore } from './reviewStore';

type Group = Severity | 'checkpoint';
type Node =
  | { kind: 'group'; group: Group; reviews: FileReview[] }
  | { kind: 'file'; review: FileReview }
  | { kind: 'finding'; review: FileReview; finding: Finding };

const GROUP_LABEL: Record<Group, string> = { error: 'Errors', warning: 'Warnings', info: 'Information', checkpoint: 'Review checkpoints' };
const GROUP_ICON: Record<Group, string> = { error: 'error', warning: 'warning', info: 'info', checkpoint: 'eye' };

export function worstSeverity(review: FileReview): Group {
  const findings = allFindings(review);
  if (findings.some((f) => f.severity === 'error')) return 'error';
  if (findings.some((f) => f.severity === 'warning')) return 'warning';
  if (findings.length > 0) return 'info';
  return 'checkpoint';
}

/** True when a file belongs in the Review view: findings, or an AI edit to a review-required path. */
export function needsReview(review: FileReview): boolean {
  return allFindings(review).length > 0 || review.reviewRequired;
}

export class ReviewTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: ReviewStore) {
    this.subscription = store.onDidChange(() => this.changed.fire(undefined));
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      const reviews = this.store.all().filter(needsReview);
      const order: Group[] = ['error', 'warning', 'info', 'checkpoint'];
      return order.map((group) => ({ kind: 'group' as const, group, reviews: reviews.filter((r) => worstSeverity(r) === group) }))
        .filter((g) => g.reviews.length > 0);
    }
    if (node.kind === 'group') return node.reviews.sort((a, b) => relativePath(a.uri).localeCompare(relativePath(b.uri))).map((review) => ({ kind: 'file', review }));
    if (node.kind === 'file') return allFindings(node.review).map((finding) => ({ kind: 'finding', review: node.review, finding }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(`${GROUP_LABEL[node.group]} (${node.reviews.length})`, vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = new vscode.ThemeIcon(GROUP_ICON[node.group]);
      item.contextValue = 'redline.group';
      return item;
    }
    if (node.kind === 'file') {
      const { review } = node;
      const n = allFindings(review).length;
      const item = new vscode.TreeItem(review.uri, n > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
      item.description = n > 0 ? `${n} finding${n === 1 ? '' : 's'}` : 'review required';
      item.tooltip = `${relativePath(review.uri)}: ${describeEdit(review.edits[review.edits.length - 1])}`;
      item.contextValue = 'redline.file';
      item.command = { title: 'Show removed code', command: 'redline.showRemovedCode', arguments: [review.uri.toString()] };
      return item;
    }
    const { finding, review } = node;
    const item = new vscode.TreeItem(finding.message, vscode.TreeItemCollapsibleState.None);
    item.description = `${ruleTitle(finding.ruleId)} · line ${finding.range.start.line + 1}`;
    item.iconPath = new vscode.ThemeIcon(finding.severity === 'error' ? 'error' : finding.severity === 'warning' ? 'warning' : 'info');
    item.contextValue = finding.ruleId === 'instruction-file-changed' ? 'redline.finding.untrustedInstruction'
      : finding.restore && finding.restore.length > 0 ? 'redline.finding.restorable' : 'redline.finding';
    item.command = { title: 'Show removed code', command: 'redline.showRemovedCode', arguments: [review.uri.toString(), finding.range.start.line] };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
