// The per-file checks `redline scan` runs. Append a check to `scanChecks` (or to `dependencyChecks`
// for `--deps`) to make the command run it.
import type { Finding } from '../core/model';
import { detect as detectSecretsInCode } from '../core/rules/secret-in-code';
import { classifyInstructionFile, detectIntegrationRisks, isAgentSettingsFile } from '../core/instructions';

/** One check over a file's text. */
export interface ScanCheck {
  readonly id: string;
  /** Whether the check wants this file (workspace-relative, `/`-separated path). */
  appliesTo(path: string): boolean;
  check(path: string, text: string): Finding[];
}

/** Credentials written into any text file. */
export const secretsCheck: ScanCheck = {
  id: 'secrets',
  appliesTo: () => true,
  check: (path, text) => detectSecretsInCode(text, { path }),
};

/**
 * The path an assistant would see for a scanned file: the scan path itself, or its longest tail that is in
 * the instruction-file table (so `redline scan repo` still knows `repo/.cursor/mcp.json`).
 */
function workspacePathOf(path: string): string {
  const parts = path.split('/');
  for (let i = 0; i < parts.length; i++) {
    const tail = parts.slice(i).join('/');
    if (classifyInstructionFile(tail) || isAgentSettingsFile(tail)) return tail;
  }
  return path;
}

/** Hidden Unicode and confusables in every text file; injections and risky settings in instruction files and agent configs. */
export const integrationCheck: ScanCheck = {
  id: 'hidden-unicode-and-instructions',
  appliesTo: () => true,
  check: (path, text) => detectIntegrationRisks(workspacePathOf(path), text),
};

/** Checks run on every scanned file. */
export const scanChecks: ScanCheck[] = [
  secretsCheck,
  integrationCheck,
];

/** Checks run only with `--deps` (manifests and lockfiles); empty until the supply-chain checks land. */
export const dependencyChecks: ScanCheck[] = [];
