// What the user has trusted: per workspace folder, the hash of each reviewed instruction/agent-config
// file (workspace state) and its text (workspace storage, for the diff when it changes).
import * as vscode from 'vscode';
import { instructionFileHash } from '../../core/instructions';
import { hashKey } from '../reviewStore';

const HASHES_KEY = 'redline.trustedInstructionHashes';
const INITIALISED_KEY = 'redline.trustedInstructionFolders';

type Hashes = Record<string, Record<string, string>>;

/** Trusted hashes and texts, keyed by workspace folder and relative path. */
export class TrustState {
  constructor(private readonly memento: vscode.Memento, private readonly storage: vscode.Uri | undefined) {}

  /** Relative path → trusted SHA-256 for a folder. */
  hashes(folder: vscode.Uri): Readonly<Record<string, string>> {
    return this.memento.get<Hashes>(HASHES_KEY, {})[folder.toString()] ?? {};
  }

  /** True once the folder's existing files were recorded (the first start trusts what is there). */
  initialised(folder: vscode.Uri): boolean {
    return this.memento.get<string[]>(INITIALISED_KEY, []).includes(folder.toString());
  }

  /** Trusts each file's current text at once; marks the folder initialised. */
  async trustAll(folder: vscode.Uri, files: readonly { rel: string; text: string }[]): Promise<void> {
    for (const f of files) await this.writeText(folder, f.rel, f.text);
    // Read-modify-write without an await in between, so concurrent trusts don't lose each other's entries.
    const all = { ...this.memento.get<Hashes>(HASHES_KEY, {}) };
    const mine = { ...(all[folder.toString()] ?? {}) };
    for (const f of files) mine[f.rel] = instructionFileHash(f.text);
    all[folder.toString()] = mine;
    await this.memento.update(HASHES_KEY, all);
    const done = this.memento.get<string[]>(INITIALISED_KEY, []);
    if (!done.includes(folder.toString())) await this.memento.update(INITIALISED_KEY, [...done, folder.toString()]);
  }

  /** Trusts one file's text. */
  async trust(folder: vscode.Uri, rel: string, text: string): Promise<void> {
    await this.trustAll(folder, [{ rel, text }]);
  }

  /** The text last trusted for a file, if Redline kept it. */
  async trustedText(folder: vscode.Uri, rel: string): Promise<string | undefined> {
    const file = this.textFile(folder, rel);
    if (!file) return undefined;
    try {
      return Buffer.from(await vscode.workspace.fs.readFile(file)).toString('utf8');
    } catch {
      return undefined;
    }
  }

  private async writeText(folder: vscode.Uri, rel: string, text: string): Promise<void> {
    const file = this.textFile(folder, rel);
    if (!file || !this.storage) return;
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(this.storage, 'trusted-instructions'));
    await vscode.workspace.fs.writeFile(file, Buffer.from(text, 'utf8'));
  }

  private textFile(folder: vscode.Uri, rel: string): vscode.Uri | undefined {
    return this.storage ? vscode.Uri.joinPath(this.storage, 'trusted-instructions', `${hashKey(`${folder.toString()}#${rel}`)}.txt`) : undefined;
  }
}
