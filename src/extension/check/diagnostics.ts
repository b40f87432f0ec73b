// Turns a `redline check` result into Problems-view diagnostics (source "Redline check"): findings and review checkpoints.
import * as path from 'path';
import * as vscode from 'vscode';
import type { Severity } from '../../core/model';
import type { CheckResult } from '../../cli/check/run';
import { ruleHelpUri } from '../../cli/format/common';

/** The diagnostic source of everything this feature reports. */
export const CHECK_SOURCE = 'Redline check';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

function uriOf(result: CheckResult, file: string): vscode.Uri {
  return vscode.Uri.file(path.join(result.root, ...file.split('/')));
}

/** Diagnostics per file for one check result (deleted files get none). */
export function checkDiagnostics(result: CheckResult): Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }> {
  const byFile = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();
  const add = (file: string, d: vscode.Diagnostic): void => {
    const uri = uriOf(result, file);
    const entry = byFile.get(uri.toString()) ?? { uri, diagnostics: [] };
    entry.diagnostics.push(d);
    byFile.set(uri.toString(), entry);
  };
  for (const { file, finding: f } of result.findings) {
    const range = new vscode.Range(f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character);
    const d = new vscode.Diagnostic(range, f.message, SEVERITY[f.severity]);
    d.source = CHECK_SOURCE;
    d.code = { value: f.ruleId, target: vscode.Uri.parse(ruleHelpUri(f.ruleId)) };
    add(file, d);
  }
  for (const cp of result.checkpoints) {
    if (cp.status === 'deleted') continue;
    const message = vscode.l10n.t('Review checkpoint: this file changed and matches {0}, so a reviewer must look at it, finding or not.', cp.patterns.join(', '));
    const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), message, vscode.DiagnosticSeverity.Information);
    d.source = CHECK_SOURCE;
    d.code = 'review-checkpoint';
    add(cp.file, d);
  }
  return byFile;
}
