// Quick fix "Remove hidden characters": every removal of the document (or of one run) as ONE undoable
// edit, keyed by document version so a stale fix is recomputed or refused, never misapplied.
import * as vscode from 'vscode';
import type { HiddenCharFinding } from '../../core/unicode';
import { meta as confusableMeta } from '../../core/rules/confusable-identifier';
import { meta as hiddenMeta } from '../../core/rules/hidden-unicode';
import { meta as injectionMeta } from '../../core/rules/instruction-injection';
import { meta as agentConfigMeta } from '../../core/rules/agent-config-risk';
import { DIAGNOSTIC_SOURCE } from '../findingsPresenter';
import { ruleTitle, toRange } from '../findingView';
import type { EditWatcher } from '../editWatcher';
import type { RedlineLog } from '../log';
import type { DocumentScanner } from './documentScanner';

export const REMOVE_HIDDEN_COMMAND = 'redline.removeHiddenCharacters';

/** Rules whose diagnostics the document scanner publishes (and this provider explains). */
const SCANNER_RULES = new Set([hiddenMeta.id, confusableMeta.id, injectionMeta.id, agentConfigMeta.id]);

/** What the quick fix passes to the command: the document, its version, and the run (absent: all runs). */
export interface RemoveHiddenArg {
  readonly uri: string;
  readonly version: number;
  readonly run?: { readonly start: number; readonly end: number };
}

/** Offers the fixes on Redline's hidden-Unicode and confusable diagnostics, and Explain on every scanner diagnostic. */
export class RemoveHiddenCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly scanner: DocumentScanner, private readonly log: RedlineLog) {}

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    try {
      return this.actions(doc, range, context);
    } catch (err) {
      this.log.error(`Could not offer hidden-character fixes in ${doc.uri.path.split('/').pop() ?? ''}`, err);
      return [];
    }
  }

  private actions(doc: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const mine = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && SCANNER_RULES.has(ruleOf(d)));
    const actions = this.removals(doc, range, mine);
    for (const ruleId of new Set(mine.map(ruleOf))) {
      const explain = new vscode.CodeAction(`Explain: ${ruleTitle(ruleId)}`, vscode.CodeActionKind.QuickFix);
      explain.command = { title: 'Explain', command: 'redline.explainFinding', arguments: [{ uri: doc.uri.toString(), ruleId }] };
      explain.diagnostics = mine.filter((d) => ruleOf(d) === ruleId);
      actions.push(explain);
    }
    return actions;
  }

  /**
   * Fixes for the hidden runs under `range`, found from the scan itself (the diagnostics in the context can
   * lag behind a fresh scan); the matching diagnostics are attached when present.
   */
  private removals(doc: vscode.TextDocument, range: vscode.Range, mine: readonly vscode.Diagnostic[]): vscode.CodeAction[] {
    const scan = this.scanner.scanNow(doc);
    if (!scan) return [];
    const under = scan.hidden.filter((h) => toRange(h.range).intersection(range) !== undefined);
    if (under.length === 0) return [];
    const invisible = scan.hidden.filter((h) => h.kind !== 'confusable');
    const diagnosticsOf = (h: HiddenCharFinding): vscode.Diagnostic[] => mine.filter((d) => toRange(h.range).isEqual(d.range));
    const actions: vscode.CodeAction[] = [];
    const underInvisible = under.filter((h) => h.kind !== 'confusable');
    if (underInvisible.length > 0) {
      const all = mine.filter((d) => ruleOf(d) === hiddenMeta.id);
      actions.push(fix('Remove hidden characters', all, { uri: doc.uri.toString(), version: doc.version }, true));
    }
    for (const h of under) {
      const run = { start: h.start, end: h.end };
      if (h.kind === 'confusable') {
        actions.push(fix(`Replace look-alike letters with ASCII (${h.lookalike ?? ''})`, diagnosticsOf(h), { uri: doc.uri.toString(), version: doc.version, run }, true));
      } else if (invisible.length > 1) {
        actions.push(fix('Remove only these hidden characters', diagnosticsOf(h), { uri: doc.uri.toString(), version: doc.version, run }, false));
      }
    }
    return actions;
  }
}

function fix(title: string, diagnostics: vscode.Diagnostic[], arg: RemoveHiddenArg, preferred: boolean): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.diagnostics = diagnostics;
  action.isPreferred = preferred;
  action.command = { title, command: REMOVE_HIDDEN_COMMAND, arguments: [arg] };
  return action;
}

function ruleOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
}

/**
 * Applies the removals as one WorkspaceEdit. Without a run: all hidden characters of the document, recomputed
 * on the current text when the version moved on. For one run: refused when the document changed since.
 */
export async function removeHiddenCharacters(scanner: DocumentScanner, watcher: EditWatcher, arg?: RemoveHiddenArg): Promise<boolean> {
  const uri = arg ? vscode.Uri.parse(arg.uri) : vscode.window.activeTextEditor?.document.uri;
  if (!uri) return false;
  const doc = await vscode.workspace.openTextDocument(uri);
  if (arg?.run && doc.version !== arg.version) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Redline: the file changed since this fix was offered. Try the quick fix again.'));
    return false;
  }
  const scan = scanner.scanNow(doc);
  const run = arg?.run;
  const targets: HiddenCharFinding[] = (scan?.hidden ?? []).filter((h) => (run ? h.start === run.start && h.end === run.end : h.kind !== 'confusable'));
  if (targets.length === 0) {
    if (!arg) void vscode.window.showInformationMessage(vscode.l10n.t('Redline: no hidden characters in this file.'));
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const h of targets) for (const e of h.removal) edit.replace(uri, toRange(e.range), e.newText);
  const applied = await watcher.asOwnEdit(uri, () => vscode.workspace.applyEdit(edit));
  if (applied) scanner.schedule(doc, 0);
  return applied;
}
