// The optional checked-in trust file `.redline/trusted-instructions.json`: when a team opts in, every
// editor (and CI) agrees on which instruction-file versions were reviewed. Ignored in Restricted Mode.
import * as vscode from 'vscode';
import type { RedlineSettings } from '../../core/config';
import {
  emptyTrustedInstructions, parseTrustedInstructions, serialiseTrustedInstructions, TRUSTED_INSTRUCTIONS_PATH, trustedHashes, withTrustedFile,
} from '../../core/instructions';
import type { RedlineLog } from '../log';

/**
 * The opt-in: the policy-only key `instructions.trustInRepository` (read defensively, so this works as soon
 * as the key is defined in `src/core/config/definitions.ts`), and never in Restricted Mode.
 */
export function repositoryTrustEnabled(settings: RedlineSettings): boolean {
  return vscode.workspace.isTrusted && (settings as unknown as Readonly<Record<string, unknown>>)['instructions.trustInRepository'] === true;
}

/** Reads and writes the checked-in trust file of a folder. */
export class RepositoryTrust {
  private readonly reported = new Set<string>();

  constructor(private readonly log: RedlineLog) {}

  /** Relative path → trusted hash from the checked-in file; empty when it is absent or invalid (reported once). */
  async hashes(folder: vscode.Uri): Promise<Record<string, string>> {
    const text = await this.read(folder);
    if (text === undefined) return {};
    const parsed = parseTrustedInstructions(text);
    if (parsed.ok) return trustedHashes(parsed.value);
    if (!this.reported.has(parsed.error)) {
      this.reported.add(parsed.error);
      this.log.error(`${parsed.error} Its entries are ignored until it is fixed.`);
    }
    return {};
  }

  /** Adds or replaces one entry; keeps the others and writes the file sorted (stable diffs). */
  async trust(folder: vscode.Uri, rel: string, sha256: string, trustedBy: string): Promise<void> {
    const text = await this.read(folder);
    const parsed = text === undefined ? undefined : parseTrustedInstructions(text);
    if (parsed && !parsed.ok) throw new Error(parsed.error);
    const current = parsed?.value ?? emptyTrustedInstructions();
    const next = withTrustedFile(current, rel, { sha256, trustedBy, trustedAt: new Date().toISOString() });
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder, '.redline'));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, TRUSTED_INSTRUCTIONS_PATH), Buffer.from(serialiseTrustedInstructions(next), 'utf8'));
  }

  private async read(folder: vscode.Uri): Promise<string | undefined> {
    try {
      return Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, TRUSTED_INSTRUCTIONS_PATH))).toString('utf8');
    } catch {
      return undefined;
    }
  }
}
