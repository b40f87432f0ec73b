// Shared translation of engine findings into VS Code terms: ranges, severities, rule links, text.
import * as vscode from 'vscode';
import type { Finding, Severity, TextRange } from '../core/model';
import { ruleMeta } from '../core/rules';
import { describeEditClass } from '../core/edits/attribution';
import type { EditRecord } from './reviewStore';

export function toRange(r: TextRange): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export function toSeverity(s: Severity): vscode.DiagnosticSeverity {
  return s === 'error' ? vscode.DiagnosticSeverity.Error : s === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
}

/** The rule's page inside the installed extension (docs/rules/<id>.md). */
export function ruleDocUri(extensionUri: vscode.Uri, ruleId: string): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${ruleId}.md`);
}

export function ruleTitle(ruleId: string): string {
  return ruleMeta(ruleId)?.title ?? ruleId;
}

/** "bulk edit by GitHub Copilot, 14:02" for the newest AI edit. */
export function describeEdit(edit: EditRecord | undefined): string {
  if (!edit) return 'an AI edit';
  const time = new Date(edit.time).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return `${describeEditClass(edit.editClass)}${edit.source ? ` (likely ${edit.source})` : ''} at ${time}`;
}

/** The line a finding is shown on, clamped to the document. */
export function anchorLine(finding: Finding, lineCount: number): number {
  return Math.max(0, Math.min(finding.range.start.line, Math.max(0, lineCount - 1)));
}
