// Policy and audit commands: create the workspace policy, show the effective values and where each
// comes from, verify the audit log, show it filtered, and export it to CSV.
import * as vscode from 'vscode';
import { POLICY_PATH, describeEffective, scaffoldPolicy } from '../../core/policy';
import { auditToCsv, filterAudit, type AuditEntry, type AuditFilter } from '../../core/audit';
import type { AuditLog } from '../audit/auditLog';
import type { RedlineConfig } from '../settings';

export const REPORT_SCHEME = 'redline-report';

/** Read-only Markdown reports (effective policy, audit log) served from memory. */
export class ReportDocuments implements vscode.TextDocumentContentProvider {
  private readonly reports = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  async show(name: string, markdown: string): Promise<vscode.TextDocument> {
    const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${name}.md` });
    this.reports.set(uri.path, markdown);
    this.changed.fire(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: true });
    return doc;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.reports.get(uri.path) ?? '';
  }
}

/** "Redline: Create Workspace Policy": a commented policy from the current settings, as an undoable edit. */
export async function createPolicy(config: RedlineConfig): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showInformationMessage('Redline: open a folder first; the policy lives in its .redline/ folder.');
    return undefined;
  }
  const uri = vscode.Uri.joinPath(folder.uri, POLICY_PATH);
  const exists = await vscode.workspace.fs.stat(uri).then(() => true, () => false);
  if (!exists) {
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { ignoreIfExists: true });
    edit.insert(uri, new vscode.Position(0, 0), scaffoldPolicy(config.effective(folder.uri)));
    await vscode.workspace.applyEdit(edit);
  }
  await vscode.window.showTextDocument(uri);
  return uri;
}

/** The merged values, each with where it came from and whether the policy enforces it. */
export function effectivePolicyReport(config: RedlineConfig): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const effective = config.effective(folder?.uri);
  const rows = describeEffective(effective);
  const lines = ['# Redline: effective policy', '',
    effective.trusted ? 'Workspace trusted.' : 'Restricted Mode: the repository may only tighten these values.',
    effective.policyHash ? `Policy in force: \`${POLICY_PATH}\` (sha256 ${effective.policyHash.slice(0, 12)}…).` : 'No workspace policy in force.', '',
    '| setting | value | from | enforced | notes |', '| --- | --- | --- | --- | --- |'];
  for (const r of rows) {
    lines.push(`| \`${r.key}\` | \`${r.value.replace(/\|/g, '\\|')}\` | ${r.source} | ${r.enforced ? 'enforced by workspace policy' : ''} | ${r.notes.join('; ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

/** Asks which filter to apply to the audit view. */
export async function pickAuditFilter(entries: readonly AuditEntry[]): Promise<AuditFilter | undefined> {
  const kinds = [
    { label: 'All entries', filter: {} as AuditFilter },
    { label: 'By file…', key: 'file' as const },
    { label: 'By rule…', key: 'rule' as const },
    { label: 'By source…', key: 'source' as const },
    { label: 'By day…', key: 'day' as const },
  ];
  const kind = await vscode.window.showQuickPick(kinds, { title: 'Redline: Show Audit Log', placeHolder: 'Filter the audit log' });
  if (!kind) return undefined;
  if (!('key' in kind) || !kind.key) return {};
  const values = new Set<string>();
  for (const e of entries) {
    const data = e.data as Record<string, unknown>;
    const value = kind.key === 'file' ? e.file : kind.key === 'day' ? e.time.slice(0, 10) : kind.key === 'rule' ? data.rule ?? data.ruleId : data.source;
    if (typeof value === 'string' && value) values.add(value);
  }
  const value = await vscode.window.showQuickPick([...values].sort(), { title: `Audit log: ${kind.label.replace('…', '')}` });
  return value === undefined ? undefined : { [kind.key]: value };
}

/** Renders entries as a Markdown table with the verification status on top. */
export function auditReport(entries: readonly AuditEntry[], verified: string, filter: AuditFilter): string {
  const shown = filterAudit(entries, filter);
  const lines = ['# Redline: audit log', '', verified, '',
    `${shown.length} of ${entries.length} entries${Object.keys(filter).length ? ` (filter: ${JSON.stringify(filter)})` : ''}.`, '',
    '| # | time | type | file | user | details |', '| ---: | --- | --- | --- | --- | --- |'];
  for (const e of shown) {
    const details = Object.entries(e.data as Record<string, unknown>).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join(', ');
    lines.push(`| ${e.seq} | ${e.time.replace('T', ' ').slice(0, 19)} | ${e.type} | ${e.file || '—'} | ${e.user ?? ''} | ${details.replace(/\|/g, '\\|')} |`);
  }
  return `${lines.join('\n')}\n`;
}

/** Writes the (filtered) entries to a CSV file the user picks. */
export async function exportAuditCsv(audit: AuditLog): Promise<vscode.Uri | undefined> {
  const { entries } = await audit.entries();
  const target = await vscode.window.showSaveDialog({ title: 'Export Redline audit log', filters: { CSV: ['csv'] },
    defaultUri: vscode.workspace.workspaceFolders?.[0] ? vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'redline-audit.csv') : undefined });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, Buffer.from(auditToCsv(entries), 'utf8'));
  return target;
}
