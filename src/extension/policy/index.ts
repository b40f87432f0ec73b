// Wires the workspace policy (issue: policy for leads) and the audit log into the editor.
import * as crypto from 'crypto';
import * as vscode from 'vscode';
import { maskSecret } from '../../core/text';
import { relativePath } from '../paths';
import type { RedlineServices } from '../services';
import { PolicyManager } from './policyManager';
import { auditReport, createPolicy, effectivePolicyReport, exportAuditCsv, pickAuditFilter, REPORT_SCHEME, ReportDocuments } from './policyCommands';

const sha256 = (text: string): string => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

/** Registers the policy manager, its commands and the audit hooks; returns the manager. */
export function activatePolicy(services: RedlineServices): PolicyManager {
  const { context, config, audit, commands, watcher, store, log } = services;
  const manager = new PolicyManager(config, audit, log);
  const reports = new ReportDocuments();
  context.subscriptions.push(manager, vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, reports));
  manager.start();
  void services.git.userEmail(vscode.workspace.workspaceFolders?.[0]?.uri).then((email) => audit.setUser(email));

  commands.acknowledgementsInRepository = () => config.effective(vscode.workspace.workspaceFolders?.[0]?.uri).values['acknowledgements.inRepository'].value === true;
  commands.hooks.onRestored = (uri, f) => void audit.record({ type: 'restore', file: relativePath(uri), data: { rule: f.ruleId, fingerprint: f.fingerprint ?? '' } });
  commands.hooks.onAcknowledged = (uri, f, reason) => void audit.record({ type: 'acknowledge', file: relativePath(uri), data: { rule: f.ruleId, fingerprint: f.fingerprint ?? '', reason } });
  commands.hooks.onReviewed = (uri) => void audit.record({ type: 'review', file: relativePath(uri), data: {} });
  context.subscriptions.push(watcher.onDidRecordAiEdit(async ({ uri, edit, baseline }) => {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const after = doc ? doc.getText() : await vscode.workspace.fs.readFile(uri).then((b) => Buffer.from(b).toString('utf8'), () => '');
    void audit.record({ type: 'ai-edit', file: relativePath(uri), data: { class: edit.editClass, source: edit.source ?? '', before: sha256(baseline.text), after: sha256(after) } });
  }));
  // Each new finding once (by fingerprint), with a masked snippet only.
  const seen = new Set<string>();
  context.subscriptions.push(store.onDidChange((uris) => {
    for (const uri of uris) {
      for (const f of store.get(uri)?.findings ?? []) {
        const key = `${uri.toString()}#${f.fingerprint ?? f.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        void audit.record({ type: 'finding', file: relativePath(uri), data: { rule: f.ruleId, severity: f.severity, line: f.range.start.line + 1, snippet: maskSecret(f.removedSnippet ?? '') } });
      }
    }
  }));

  context.subscriptions.push(
    vscode.commands.registerCommand('redline.createPolicy', () => createPolicy(config)),
    vscode.commands.registerCommand('redline.showEffectivePolicy', async () => {
      await manager.ready();
      return reports.show('effective-policy', effectivePolicyReport(config));
    }),
    vscode.commands.registerCommand('redline.verifyAuditLog', async () => {
      const result = await audit.verify();
      if (!result) {
        void vscode.window.showInformationMessage('Redline: there is no audit log yet (open a folder; the log is written as AI edits happen).');
        return result;
      }
      if (result.ok) void vscode.window.showInformationMessage(`Redline: the audit log verifies: ${result.entries.length} entries, unbroken chain.`);
      else void vscode.window.showErrorMessage(`Redline: the audit log is broken at ${result.brokenAt.file} line ${result.brokenAt.line}: ${result.brokenAt.reason}`);
      return result;
    }),
    vscode.commands.registerCommand('redline.showAuditLog', async (filterArg?: Record<string, string>) => {
      const { entries, verification } = await audit.entries();
      const filter = filterArg ?? await pickAuditFilter(entries);
      if (!filter) return undefined;
      const status = !verification ? 'No audit log yet.' : verification.ok ? `Chain verified: ${entries.length} entries.`
        : `**Chain broken** at ${verification.brokenAt.file} line ${verification.brokenAt.line}: ${verification.brokenAt.reason}`;
      return reports.show('audit-log', auditReport(entries, status, filter));
    }),
    vscode.commands.registerCommand('redline.exportAuditLog', () => exportAuditCsv(audit)),
  );
  return manager;
}
