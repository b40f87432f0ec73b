// Reads file content at git HEAD: through the built-in Git extension when it is active, else `git show`.
import { execFile } from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';

interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: { readonly HEAD?: { readonly commit?: string }; readonly onDidChange: vscode.Event<void> };
  show(ref: string, filePath: string): Promise<string>;
}
interface GitApi {
  readonly repositories: readonly GitRepository[];
  getRepository(uri: vscode.Uri): GitRepository | null;
  readonly onDidOpenRepository: vscode.Event<GitRepository>;
}

function run(cwd: string, args: string[], maxBuffer = 16 * 1024 * 1024): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, maxBuffer, encoding: 'utf8', windowsHide: true }, (err, stdout) => resolve(err ? undefined : stdout));
  });
}

/** Git access for baselines and commit tracking; every method degrades to `undefined` without git. */
export class GitBaselines implements vscode.Disposable {
  private api: GitApi | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly headChanged = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with a repository root when its HEAD commit moves (a commit, checkout or pull). */
  readonly onDidChangeHead = this.headChanged.event;

  async start(): Promise<void> {
    const ext = vscode.extensions.getExtension<{ getAPI(v: 1): GitApi }>('vscode.git');
    if (!ext) return;
    try {
      const exports = ext.isActive ? ext.exports : await ext.activate();
      this.api = exports.getAPI(1);
    } catch {
      return;  // git disabled: `git show` fallback below
    }
    const watch = (repo: GitRepository): void => {
      let head = repo.state.HEAD?.commit;
      this.disposables.push(repo.state.onDidChange(() => {
        const next = repo.state.HEAD?.commit;
        if (next !== head) {
          head = next;
          this.headChanged.fire(repo.rootUri);
        }
      }));
    };
    this.api.repositories.forEach(watch);
    this.disposables.push(this.api.onDidOpenRepository(watch));
  }

  /** The file's content at HEAD, or `undefined` when it is not tracked (or git is unavailable). */
  async contentAtHead(uri: vscode.Uri): Promise<string | undefined> {
    if (uri.scheme !== 'file') return undefined;
    const repo = this.api?.getRepository(uri);
    if (repo) {
      try {
        return await repo.show('HEAD', uri.fsPath);
      } catch {
        return undefined;  // untracked or new
      }
    }
    const dir = path.dirname(uri.fsPath);
    const top = (await run(dir, ['rev-parse', '--show-toplevel']))?.trim();
    if (!top) return undefined;
    const rel = path.relative(top, uri.fsPath).split(path.sep).join('/');
    return run(top, ['show', `HEAD:${rel}`]);
  }

  /** `git config user.email` of the repository holding `uri`, when known (for the audit log). */
  async userEmail(uri: vscode.Uri | undefined): Promise<string | undefined> {
    const cwd = uri?.scheme === 'file' ? path.dirname(uri.fsPath) : undefined;
    if (!cwd) return undefined;
    return (await run(cwd, ['config', 'user.email']))?.trim() || undefined;
  }

  dispose(): void {
    this.headChanged.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}
