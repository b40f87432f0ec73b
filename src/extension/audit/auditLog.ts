// The audit log writer: append-only JSON Lines with a hash chain, in workspace storage unless the
// policy names a path in the repository. Entries hold hashes, rule ids and masked snippets only.
import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { AuditChain, auditFileName, latestAuditFile, shouldRotate, verifyAuditLog, type AuditDraft, type AuditEntry, type AuditVerification } from '../../core/audit';
import type { RedlineLog } from '../log';
import type { RedlineConfig } from '../settings';

/** Appends to and reads the audit log of the first workspace folder (one chain per workspace). */
export class AuditLog {
  private chain: AuditChain | undefined;
  private queue: Promise<void> = Promise.resolve();
  private userEmail: string | undefined;

  constructor(
    private readonly storage: vscode.Uri | undefined,
    private readonly config: RedlineConfig,
    private readonly log: RedlineLog,
  ) {}

  setUser(email: string | undefined): void {
    this.userEmail = email;
  }

  /** Where the log lives now: the policy's `audit.path` inside the folder, else workspace storage. */
  directory(): string | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const configured = this.config.get(folder?.uri)['audit.path'];
    if (configured && folder?.uri.scheme === 'file') {
      const dir = path.resolve(folder.uri.fsPath, configured);
      if (dir.startsWith(folder.uri.fsPath)) return dir;  // never outside the workspace
    }
    return this.storage?.scheme === 'file' ? path.join(this.storage.fsPath, 'audit') : undefined;
  }

  enabled(): boolean {
    return this.config.get(vscode.workspace.workspaceFolders?.[0]?.uri)['audit.enabled'] && this.directory() !== undefined;
  }

  /** Queues an entry; writes are serialised so the chain never forks. */
  record(draft: AuditDraft): Promise<void> {
    if (!this.enabled()) return Promise.resolve();
    const policyHash = this.config.effective(vscode.workspace.workspaceFolders?.[0]?.uri).policyHash;
    const full: AuditDraft = { ...draft, ...(this.userEmail && !draft.user ? { user: this.userEmail } : {}), ...(policyHash && !draft.policyHash ? { policyHash } : {}) };
    this.queue = this.queue.then(() => this.write(full)).catch((err: unknown) => this.log.error('Could not write the audit log', err));
    return this.queue;
  }

  private async write(draft: AuditDraft): Promise<void> {
    const dir = this.directory();
    if (!dir) return;
    await fs.mkdir(dir, { recursive: true });
    const names = await fs.readdir(dir);
    let n = Math.max(1, latestAuditFile(names));
    if (!this.chain) {
      const verification = verifyAuditLog(await this.readFiles(dir, names));
      this.chain = new AuditChain(verification.ok ? verification.head : headOf(verification));
    }
    const { line } = this.chain.append(draft);
    const file = path.join(dir, auditFileName(n));
    const size = await fs.stat(file).then((s) => s.size, () => 0);
    if (shouldRotate(size, undefined, Buffer.byteLength(line))) n++;
    await fs.appendFile(path.join(dir, auditFileName(n)), line, 'utf8');
  }

  private async readFiles(dir: string, names: readonly string[]): Promise<{ name: string; text: string }[]> {
    const files: { name: string; text: string }[] = [];
    for (const name of names.filter((f) => /^audit-\d+\.jsonl$/.test(f))) {
      files.push({ name, text: await fs.readFile(path.join(dir, name), 'utf8') });
    }
    return files;
  }

  /** Reads and verifies the whole chain. */
  async verify(): Promise<AuditVerification | undefined> {
    await this.queue;
    const dir = this.directory();
    if (!dir) return undefined;
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    return verifyAuditLog(await this.readFiles(dir, names));
  }

  /** Every entry, verified or not (the view shows what is there and says whether it verifies). */
  async entries(): Promise<{ entries: readonly AuditEntry[]; verification: AuditVerification | undefined }> {
    const verification = await this.verify();
    return { entries: verification?.entries ?? [], verification };
  }
}

/** After a broken link, new entries continue from the last good one, so the break stays visible. */
function headOf(v: AuditVerification): { seq: number; hash: string } | undefined {
  const last = v.entries[v.entries.length - 1];
  return last ? { seq: last.seq, hash: last.hash } : undefined;
}
