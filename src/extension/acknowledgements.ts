// Acknowledged findings, kept in workspace state (and, when the policy says so, in the repository's
// `.redline/acknowledgements.json` so CI agrees). An acknowledgement covers that exact code only.
import * as vscode from 'vscode';
import { addAcknowledgement, isAcknowledged, parseAcknowledgements, serializeAcknowledgements, type Acknowledgement } from '../core/acknowledgements';
import type { Finding } from '../core/model';
import { relativePath } from './paths';

const STATE_KEY = 'redline.acknowledgements';

/** The acknowledgement store of this workspace. */
export class Acknowledgements {
  private acks: Acknowledgement[];

  constructor(private readonly memento: vscode.Memento) {
    this.acks = memento.get<Acknowledgement[]>(STATE_KEY, []);
  }

  /** Adds the acknowledgements kept in the repository (read-only here; written by `add` when asked). */
  async loadFromRepository(folder: vscode.WorkspaceFolder): Promise<void> {
    try {
      const text = Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, '.redline', 'acknowledgements.json'))).toString('utf8');
      for (const ack of parseAcknowledgements(text).acknowledgements) this.acks = addAcknowledgement(this.acks, ack);
    } catch {
      // No file: nothing kept in the repository.
    }
  }

  covers(uri: vscode.Uri, finding: Finding): boolean {
    return isAcknowledged(finding, relativePath(uri), this.acks);
  }

  all(): readonly Acknowledgement[] {
    return this.acks;
  }

  /** Records an acknowledgement; with `inRepository`, also writes `.redline/acknowledgements.json`. */
  async add(uri: vscode.Uri, finding: Finding, reason: string, user: string | undefined, inRepository: boolean): Promise<Acknowledgement> {
    const ack: Acknowledgement = {
      ruleId: finding.ruleId,
      fingerprint: finding.fingerprint ?? '',
      file: relativePath(uri),
      reason: reason.trim(),
      time: new Date().toISOString(),
      ...(user ? { user } : {}),
    };
    this.acks = addAcknowledgement(this.acks, ack);
    await this.memento.update(STATE_KEY, this.acks);
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (inRepository && folder) {
      const file = vscode.Uri.joinPath(folder.uri, '.redline', 'acknowledgements.json');
      await vscode.workspace.fs.writeFile(file, Buffer.from(serializeAcknowledgements(this.acks), 'utf8'));
    }
    return ack;
  }
}
