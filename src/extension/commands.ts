// The edit watcher's commands: restore, show removed code, explain, acknowledge, mark reviewed.
import * as vscode from 'vscode';
import type { Finding } from '../core/model';
import type { Analyzer } from './analyzer';
import type { Acknowledgements } from './acknowledgements';
import { showRemovedCode } from './baselineDocuments';
import type { EditWatcher } from './editWatcher';
import { resolveRef, type FindingRef } from './findingLookup';
import { ruleDocUri, toRange } from './findingView';
import type { GitBaselines } from './git';
import type { RedlineLog } from './log';
import type { FileReview, ReviewStore } from './reviewStore';
import type { RedlineConfig } from './settings';
import { reasonProblem } from '../core/acknowledgements';

/** A tree node or a ref: commands accept both (inline actions pass the node). */
type FindingArg = FindingRef | { kind: 'finding'; review: FileReview; finding: Finding };
type FileArg = string | vscode.Uri | { kind: 'file'; review: FileReview } | undefined;

/** Hooks other features attach to (audit log, mentoring panel). */
export interface CommandHooks {
  onRestored?(uri: vscode.Uri, finding: Finding): void;
  onAcknowledged?(uri: vscode.Uri, finding: Finding, reason: string): void;
  onReviewed?(uri: vscode.Uri): void;
  explain?(uri: vscode.Uri | undefined, finding: Finding | undefined, ruleId: string): Promise<void>;
}

export class EditCommands {
  constructor(
    private readonly store: ReviewStore,
    private readonly analyzer: Analyzer,
    private readonly watcher: EditWatcher,
    private readonly acks: Acknowledgements,
    private readonly git: GitBaselines,
    private readonly log: RedlineLog,
    private readonly extensionUri: vscode.Uri,
    private readonly config: RedlineConfig,
    readonly hooks: CommandHooks = {},
  ) {}

  register(): vscode.Disposable[] {
    return [
      vscode.commands.registerCommand('redline.restoreGuardrail', (arg: FindingArg) => this.restore(arg)),
      vscode.commands.registerCommand('redline.showRemovedCode', (arg: FileArg, line?: number) => this.showRemoved(arg, line)),
      vscode.commands.registerCommand('redline.explainFinding', (arg?: FindingArg) => this.explain(arg)),
      vscode.commands.registerCommand('redline.acknowledgeFinding', (arg: FindingArg, reason?: string) => this.acknowledge(arg, reason)),
      vscode.commands.registerCommand('redline.markFileReviewed', (arg: FileArg) => this.markReviewed(arg)),
    ];
  }

  private find(arg: FindingArg | undefined): { uri: vscode.Uri; finding: Finding; review: FileReview } | undefined {
    if (!arg) return undefined;
    if ('kind' in arg) return { uri: arg.review.uri, finding: arg.finding, review: arg.review };
    const hit = resolveRef(this.store, arg);
    return hit ? { uri: hit.review.uri, ...hit } : undefined;
  }

  /** Applies the engine's restore edit as one undoable edit; refuses a stale fix. Returns true when applied. */
  async restore(arg: FindingArg): Promise<boolean> {
    let hit = this.find(arg);
    if (!hit) {
      void vscode.window.showWarningMessage('Redline: that finding is gone; the file changed since.');
      return false;
    }
    const doc = await vscode.workspace.openTextDocument(hit.uri);
    if (hit.review.version !== doc.version) {
      // The document moved on since the finding was computed: recompute, then use the fresh edit.
      await this.analyzer.analyzeNow(hit.uri);
      const fresh = this.store.get(hit.uri)?.findings.find((f) => f.ruleId === hit!.finding.ruleId && f.fingerprint === hit!.finding.fingerprint);
      if (!fresh) {
        void vscode.window.showWarningMessage('Redline: the guardrail is no longer missing.');
        return false;
      }
      hit = { ...hit, finding: fresh, review: this.store.get(hit.uri)! };
    }
    const edits = hit.finding.restore ?? [];
    if (edits.length === 0) {
      void vscode.window.showInformationMessage('Redline: this guardrail cannot be restored mechanically; use Show removed code.');
      return false;
    }
    const edit = new vscode.WorkspaceEdit();
    for (const e of edits) edit.replace(hit.uri, toRange(e.range), e.newText);
    const applied = await this.watcher.asOwnEdit(hit.uri, () => vscode.workspace.applyEdit(edit));
    if (applied) {
      this.log.info(`Restored ${hit.finding.ruleId} in ${hit.uri.path.split('/').pop()}`);
      this.hooks.onRestored?.(hit.uri, hit.finding);
      await this.analyzer.analyzeNow(hit.uri);
    }
    return applied;
  }

  async showRemoved(arg: FileArg, line?: number): Promise<void> {
    const uri = this.uriOf(arg);
    if (!uri) return;
    await showRemovedCode(uri, line);
  }

  async explain(arg?: FindingArg): Promise<void> {
    const hit = this.find(arg);
    const ruleId = hit?.finding.ruleId ?? (arg && !('kind' in arg) ? arg.ruleId : undefined);
    if (this.hooks.explain) {
      await this.hooks.explain(hit?.uri, hit?.finding, ruleId ?? '');
      return;
    }
    if (!ruleId) return;
    await vscode.commands.executeCommand('markdown.showPreview', ruleDocUri(this.extensionUri, ruleId));
  }

  /** Asks for a reason (required unless the policy says otherwise) and suppresses this exact finding. */
  async acknowledge(arg: FindingArg, reasonGiven?: string): Promise<boolean> {
    const hit = this.find(arg);
    if (!hit) return false;
    const required = this.config.get(hit.uri).requireAcknowledgementReason;
    const reason = reasonGiven ?? await vscode.window.showInputBox({
      title: `Acknowledge: ${hit.finding.message}`,
      prompt: 'Why is this change acceptable? The reason is recorded.',
      placeHolder: 'e.g. auth moved to the API gateway (ticket SEC-142)',
      ignoreFocusOut: true,
      validateInput: (value) => reasonProblem(value, required),
    });
    if (reason === undefined || reasonProblem(reason, required)) return false;
    await this.acks.add(hit.uri, hit.finding, reason, await this.git.userEmail(hit.uri), this.acknowledgementsInRepository());
    this.hooks.onAcknowledged?.(hit.uri, hit.finding, reason);
    await this.analyzer.analyzeNow(hit.uri);
    return true;
  }

  /** The workspace policy may keep acknowledgements in the repository so CI agrees. */
  acknowledgementsInRepository: () => boolean = () => false;

  async markReviewed(arg: FileArg): Promise<void> {
    const uri = this.uriOf(arg);
    if (!uri) return;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const text = doc ? doc.getText() : await vscode.workspace.fs.readFile(uri).then((b) => Buffer.from(b).toString('utf8'), () => undefined);
    if (text === undefined) {
      this.store.delete(uri);  // deleted since the AI edit: nothing left to review
      this.hooks.onReviewed?.(uri);
      return;
    }
    this.store.markReviewed(uri, text);
    this.hooks.onReviewed?.(uri);
    this.log.info(`Marked ${uri.path.split('/').pop()} reviewed`);
  }

  private uriOf(arg: FileArg): vscode.Uri | undefined {
    if (typeof arg === 'string') return vscode.Uri.parse(arg);
    if (arg instanceof vscode.Uri) return arg;
    if (arg && 'review' in arg) return arg.review.uri;
    return vscode.window.activeTextEditor?.document.uri;
  }
}
