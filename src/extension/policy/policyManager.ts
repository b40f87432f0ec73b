// Loads the workspace policy (.redline/policy.jsonc and what it extends), applies it live, and
// reports problems in the file. A broken policy never switches Redline off: the last good one stays.
import * as vscode from 'vscode';
import { parseTree, findNodeAtLocation } from 'jsonc-parser';
import { POLICY_PATH, relativeTarget, resolvePolicy, type PolicyProblem } from '../../core/policy';
import { allRuleMetas } from '../../core/rules';
import type { AuditLog } from '../audit/auditLog';
import type { RedlineLog } from '../log';
import type { RedlineConfig } from '../settings';

const MAX_EXTENDS = 8;

/** Watches and applies the policy of every workspace folder. */
export class PolicyManager implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('redline-policy');
  private readonly disposables: vscode.Disposable[] = [this.diagnostics];
  /** Files each folder's policy was read from (to know which changes matter). */
  private readonly filesOf = new Map<string, string[]>();
  private readonly lastHash = new Map<string, string | undefined>();
  private loaded = new Map<string, Promise<void>>();

  constructor(private readonly config: RedlineConfig, private readonly audit: AuditLog, private readonly log: RedlineLog) {}

  start(): void {
    const watcher = vscode.workspace.createFileSystemWatcher('**/.redline/*.{jsonc,json}');
    const reload = (uri: vscode.Uri): void => {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (folder) void this.load(folder);
    };
    // A file written right after its new `.redline/` folder can slip past a recursive watcher (the
    // folder's own watch starts late), as after a `git pull`: re-read when the folder appears, and once
    // more when things have settled.
    const folderWatcher = vscode.workspace.createFileSystemWatcher('**/.redline', false, true, false);
    const settle = (uri: vscode.Uri): void => {
      reload(uri);
      const timer = setTimeout(() => reload(uri), 1000);
      this.disposables.push({ dispose: () => clearTimeout(timer) });
    };
    this.disposables.push(folderWatcher, folderWatcher.onDidCreate(settle), folderWatcher.onDidDelete(reload));
    this.disposables.push(watcher, watcher.onDidChange(reload), watcher.onDidCreate(reload), watcher.onDidDelete(reload),
      vscode.workspace.onDidChangeWorkspaceFolders((e) => e.added.forEach((f) => void this.load(f))));
    for (const folder of vscode.workspace.workspaceFolders ?? []) void this.load(folder);
  }

  /** Resolves once every folder's policy has been read at least once (tests, commands). */
  async ready(): Promise<void> {
    await Promise.all(this.loaded.values());
  }

  /** (Re)reads a folder's policy and applies it when it is valid. */
  load(folder: vscode.WorkspaceFolder): Promise<void> {
    const run = this.read(folder).catch((err: unknown) => this.log.error('Could not read the workspace policy', err));
    this.loaded.set(folder.uri.toString(), run);
    return run;
  }

  private async read(folder: vscode.WorkspaceFolder): Promise<void> {
    const texts = await this.readChain(folder);
    const resolved = resolvePolicy(POLICY_PATH, (rel) => texts.get(rel), { knownRuleIds: allRuleMetas().map((m) => m.id) });
    this.filesOf.set(folder.uri.toString(), [...resolved.files]);
    this.showProblems(folder, resolved.problems, texts);
    const key = folder.uri.toString();
    if (resolved.files.length === 0) {
      if (this.lastHash.get(key) !== undefined) void this.audit.record({ type: 'policy-change', data: { change: 'removed' } });
      this.lastHash.set(key, undefined);
      this.config.setPolicy(folder, undefined);
      return;
    }
    const errors = resolved.problems.filter((p) => p.severity === 'error');
    if (errors.length > 0 || !resolved.policy) {
      const first = errors[0];
      // An empty file is usually one being written (or just created): keep the last good policy quietly.
      if ((texts.get(POLICY_PATH) ?? '').trim() === '') return;
      const where = first ? `${first.file ?? POLICY_PATH}:${first.range.start.line + 1}:${first.range.start.character + 1}` : POLICY_PATH;
      this.log.warn(`Workspace policy not applied (${where}: ${first?.message ?? 'invalid'}); the last good policy stays in force.`);
      void vscode.window.showWarningMessage(`Redline: the workspace policy has an error at ${where}. The last good policy stays in force.`, 'Open policy')
        .then((choice) => { if (choice) void vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, first?.file ?? POLICY_PATH)); });
      return;
    }
    this.config.setPolicy(folder, { policy: resolved.policy, ...(resolved.hash ? { hash: resolved.hash } : {}) });
    if (this.lastHash.get(key) !== resolved.hash) {
      const previous = this.lastHash.get(key);
      this.lastHash.set(key, resolved.hash);
      this.log.info(`Workspace policy applied from ${resolved.files.join(' → ')}`);
      void this.audit.record({ type: 'policy-change', file: POLICY_PATH, data: { change: previous ? 'changed' : 'applied', hash: resolved.hash ?? '', previous: previous ?? '' } });
    }
  }

  /** Reads the policy file and the files it extends (as far as they exist) into a map. */
  private async readChain(folder: vscode.WorkspaceFolder): Promise<Map<string, string>> {
    const texts = new Map<string, string>();
    let next: string | undefined = POLICY_PATH;
    for (let i = 0; next && i < MAX_EXTENDS && !texts.has(next); i++) {
      const text = await readText(vscode.Uri.joinPath(folder.uri, next));
      if (text === undefined) break;
      texts.set(next, text);
      const root = parseTree(text, [], { allowTrailingComma: true });
      const ext: unknown = root ? findNodeAtLocation(root, ['extends'])?.value : undefined;
      next = typeof ext === 'string' ? relativeTarget(next, ext) : undefined;
    }
    return texts;
  }

  private showProblems(folder: vscode.WorkspaceFolder, problems: readonly PolicyProblem[], texts: Map<string, string>): void {
    for (const file of texts.keys()) this.diagnostics.set(vscode.Uri.joinPath(folder.uri, file), []);
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const p of problems) {
      const file = p.file ?? POLICY_PATH;
      const d = new vscode.Diagnostic(new vscode.Range(p.range.start.line, p.range.start.character, p.range.end.line, p.range.end.character), p.message,
        p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
      d.source = 'Redline policy';
      byFile.set(file, [...(byFile.get(file) ?? []), d]);
    }
    for (const [file, list] of byFile) this.diagnostics.set(vscode.Uri.joinPath(folder.uri, file), list);
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
