// Instruction-file integrity: a new or changed instruction/agent-config file (from git pull, an assistant
// or anyone) waits in the Review view, with a diff against the trusted version, until someone trusts it.
import * as vscode from 'vscode';
import {
  classifyInstructionFile, instructionFileChangedFindings, instructionFileHash, instructionFilesGlob, isInstructionFile, TRUSTED_INSTRUCTIONS_PATH,
} from '../../core/instructions';
import type { Finding } from '../../core/model';
import { meta as changedMeta } from '../../core/rules/instruction-file-changed';
import { relativePath } from '../paths';
import type { FileReview } from '../reviewStore';
import type { RedlineServices } from '../services';
import { repositoryTrustEnabled, type RepositoryTrust } from './repositoryTrust';
import type { TrustState } from './trustState';

const FAMILY = 'integration';
/** Quiet time after the last created file before a folder is rescanned (a checkout or install creates many). */
const RESCAN_DELAY_MS = 750;
export const TRUST_COMMAND = 'redline.trustInstructionFile';

/** A Review view node, a URI (string or object) or nothing (the active editor). */
export type TrustArg = string | vscode.Uri | { review: FileReview } | undefined;

interface Flagged {
  readonly hash: string;
  readonly finding: Finding;
}

/** Watches instruction files and keeps untrusted ones in the review store (as `integration` findings). */
export class TrustMonitor implements vscode.Disposable {
  /** Files waiting for trust, by URI, with the hash of the text that is not trusted yet. */
  private readonly flagged = new Map<string, Flagged>();
  private readonly disposables: vscode.Disposable[] = [];
  /** The latest check per file: an older check still reading must not undo a newer one's result. */
  private readonly checks = new Map<string, number>();
  /** Pending rescans per folder after files or folders were created. */
  private readonly rescans = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly services: RedlineServices, private readonly state: TrustState, private readonly repository: RepositoryTrust) {}

  /** Records the folders' files on the first start; otherwise flags what changed since; then watches. */
  async start(): Promise<void> {
    // Everything, not just the instruction glob: a file written right after its new folder (`.cursor/rules/`
    // from a pull) can miss its own event, so a new folder triggers a rescan instead. A plain glob, not a
    // RelativePattern: the workspace's own watcher reports files in dot-folders that a pattern watcher missed.
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    const inFolder = (uri: vscode.Uri, then: (folder: vscode.WorkspaceFolder) => void): void => {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (folder) then(folder);
    };
    this.disposables.push(watcher,
      watcher.onDidCreate((uri) => inFolder(uri, (folder) => this.onCreated(folder, uri))),
      watcher.onDidChange((uri) => inFolder(uri, (folder) => this.onChanged(folder, uri))),
      watcher.onDidDelete((uri) => this.onDeleted(uri)));
    this.disposables.push(this.services.store.onDidChange((uris) => uris.forEach((u) => this.keepListed(u))),
      // A save in the editor is checked at once, even when the file watcher is slow to report it.
      vscode.workspace.onDidSaveTextDocument((doc) => { if (isInstructionFile(relativePath(doc.uri))) void this.check(doc.uri); }),
      // Back from a terminal or another tool (a `git pull`): look again. Folders created in one go (`mkdir -p`)
      // can stay invisible to the file watcher, so events alone are not enough.
      vscode.window.onDidChangeWindowState((state) => {
        if (state.focused) for (const folder of vscode.workspace.workspaceFolders ?? []) this.scheduleRescan(folder);
      }));
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      try {
        await this.scanFolder(folder);
      } catch (err) {
        this.services.log.error(`Could not check the instruction files of ${folder.name}`, err);
      }
    }
  }

  private onCreated(folder: vscode.WorkspaceFolder, uri: vscode.Uri): void {
    const rel = relativePath(uri);
    if (isInstructionFile(rel)) {
      void this.check(uri);
      return;
    }
    if (!/(?:^|\/)(?:node_modules|\.git)(?:\/|$)/.test(rel)) this.scheduleRescan(folder);
  }

  private onChanged(folder: vscode.WorkspaceFolder, uri: vscode.Uri): void {
    const rel = relativePath(uri);
    if (isInstructionFile(rel)) void this.check(uri);
    else if (rel === TRUSTED_INSTRUCTIONS_PATH) this.scheduleRescan(folder);
  }

  private scheduleRescan(folder: vscode.WorkspaceFolder): void {
    const key = folder.uri.toString();
    const pending = this.rescans.get(key);
    if (pending) clearTimeout(pending);
    this.rescans.set(key, setTimeout(() => {
      this.rescans.delete(key);
      void this.scanFolder(folder).catch((err: unknown) => this.services.log.error(`Could not check the instruction files of ${folder.name}`, err));
    }, RESCAN_DELAY_MS));
  }

  private onDeleted(uri: vscode.Uri): void {
    const prefix = `${uri.toString()}/`;
    for (const key of [...this.flagged.keys()]) if (key === uri.toString() || key.startsWith(prefix)) this.unflag(vscode.Uri.parse(key));
  }

  private async scanFolder(folder: vscode.WorkspaceFolder): Promise<void> {
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, instructionFilesGlob), '**/node_modules/**', 5000);
    if (this.state.initialised(folder.uri)) {
      for (const uri of uris) await this.check(uri);
      return;
    }
    const files: { rel: string; text: string }[] = [];
    for (const uri of uris) {
      const text = await this.read(uri);
      if (text !== undefined) files.push({ rel: relativePath(uri), text });
    }
    await this.state.trustAll(folder.uri, files);
    this.services.log.info(`Recorded ${files.length} instruction file(s) in ${folder.name} as trusted; later changes need review.`);
  }

  /** Compares a file on disk with its trusted hash and flags or clears it. */
  async check(uri: vscode.Uri): Promise<void> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const rel = relativePath(uri);
    if (!folder || !isInstructionFile(rel)) return;
    const key = uri.toString();
    const gen = (this.checks.get(key) ?? 0) + 1;
    this.checks.set(key, gen);
    const superseded = (): boolean => this.checks.get(key) !== gen;
    const text = await this.read(uri);
    if (superseded()) return;
    if (text === undefined) {
      this.unflag(uri);
      return;
    }
    const hash = instructionFileHash(text);
    const settings = this.services.config.get(uri);
    const inRepository = repositoryTrustEnabled(settings) ? (await this.repository.hashes(folder.uri))[rel] : undefined;
    const trusted = this.state.hashes(folder.uri)[rel] ?? inRepository;
    if (superseded()) return;
    if (trusted === hash || inRepository === hash || settings.rules[changedMeta.id] === 'off') {
      this.unflag(uri);
      return;
    }
    const already = this.flagged.get(uri.toString());
    if (already?.hash === hash && this.services.store.get(uri)?.extraFindings?.[FAMILY]?.some((f) => f.ruleId === changedMeta.id)) return;
    const comparison = trusted === undefined ? { added: [rel], changed: [], removed: [] } : { added: [], changed: [rel], removed: [] };
    const found = instructionFileChangedFindings(comparison)[0]?.finding;
    if (!found) return;
    const level = settings.rules[changedMeta.id];
    const finding = level === 'error' || level === 'warning' || level === 'info' ? { ...found, severity: level } : found;
    const trustedText = (await this.state.trustedText(folder.uri, rel)) ?? '';
    if (superseded()) return;
    this.flagged.set(key, { hash, finding });
    this.list(uri, finding, trustedText);
  }

  /** Trusts the file's text on disk: records its hash and text, and takes it off the Review view. */
  async trust(arg: TrustArg): Promise<boolean> {
    const uri = typeof arg === 'string' ? vscode.Uri.parse(arg) : arg instanceof vscode.Uri ? arg : arg?.review.uri ?? vscode.window.activeTextEditor?.document.uri;
    const folder = uri && vscode.workspace.getWorkspaceFolder(uri);
    if (!uri || !folder || !classifyInstructionFile(relativePath(uri))) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Redline: only assistant instruction and agent-config files can be trusted.'));
      return false;
    }
    // Checks already running compared with the old trusted hash: their verdict no longer counts.
    this.checks.set(uri.toString(), (this.checks.get(uri.toString()) ?? 0) + 1);
    const text = await this.read(uri);
    if (text === undefined) return false;
    await this.state.trust(folder.uri, relativePath(uri), text);
    if (repositoryTrustEnabled(this.services.config.get(uri))) {
      try {
        await this.repository.trust(folder.uri, relativePath(uri), instructionFileHash(text), (await this.services.git.userEmail(uri)) ?? 'unknown');
      } catch (err) {
        this.services.log.error(`Could not record the trust in ${TRUSTED_INSTRUCTIONS_PATH}`, err);
        void vscode.window.showErrorMessage(vscode.l10n.t('Redline: trusted in this workspace only; {0} could not be updated (see Redline: Show Output).', TRUSTED_INSTRUCTIONS_PATH));
      }
    }
    this.unflag(uri);
    this.services.log.info(`Trusted ${relativePath(uri)} (sha256 ${instructionFileHash(text).slice(0, 12)}…)`);
    return true;
  }

  /** Puts the finding into the file's review; a new review diffs against the trusted text. */
  private list(uri: vscode.Uri, finding: Finding, trustedText: string): void {
    const store = this.services.store;
    const review = store.get(uri);
    const others = (review?.extraFindings?.[FAMILY] ?? []).filter((f) => f.ruleId !== changedMeta.id);
    store.set({
      uri,
      baseline: review?.baseline ?? { text: trustedText, source: 'reviewed' },
      edits: review?.edits ?? [],
      findings: review?.findings ?? [],
      version: review?.version,
      reviewRequired: review?.reviewRequired ?? false,
      ...(review?.skipped ? { skipped: review.skipped } : {}),
      extraFindings: { ...review?.extraFindings, [FAMILY]: [...others, finding] },
    });
  }

  private unflag(uri: vscode.Uri): void {
    this.flagged.delete(uri.toString());
    const store = this.services.store;
    const review = store.get(uri);
    const had = review?.extraFindings?.[FAMILY] ?? [];
    if (!review || !had.some((f) => f.ruleId === changedMeta.id)) return;
    const others = had.filter((f) => f.ruleId !== changedMeta.id);
    const extraFindings = { ...review.extraFindings, [FAMILY]: others };
    const empty = review.edits.length === 0 && review.findings.length === 0 && Object.values(extraFindings).every((l) => (l ?? []).length === 0);
    if (empty && !review.reviewRequired) store.delete(uri);
    else store.set({ ...review, extraFindings });
  }

  /**
   * Another part of Redline replaced or closed the review of a flagged file: "Mark reviewed" trusts it,
   * an AI edit's new review gets the finding back, anything else is checked again.
   */
  private keepListed(uri: vscode.Uri): void {
    const flagged = this.flagged.get(uri.toString());
    if (!flagged) return;
    const review = this.services.store.get(uri);
    if (review?.extraFindings?.[FAMILY]?.some((f) => f.ruleId === changedMeta.id)) return;
    const reviewed = this.services.store.reviewedBaseline(uri);
    if (!review && reviewed !== undefined && instructionFileHash(reviewed) === flagged.hash) {
      void this.trust(uri);
      return;
    }
    void this.check(uri);
  }

  private async read(uri: vscode.Uri): Promise<string | undefined> {
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type & vscode.FileType.Directory) return undefined;
      if (stat.size > this.services.config.get(uri)['analysis.maxFileSizeKb'] * 1024) return undefined;
      return Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
    } catch {
      return undefined;
    }
  }

  dispose(): void {
    for (const t of this.rescans.values()) clearTimeout(t);
    this.disposables.forEach((d) => d.dispose());
  }
}
