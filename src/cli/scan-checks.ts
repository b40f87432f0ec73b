// The per-file checks `redline scan` runs. Append a check to `scanChecks` (or to `dependencyChecks`
// for `--deps`) to make the command run it.
import type { Finding } from '../core/model';
import { detect as detectSecretsInCode } from '../core/rules/secret-in-code';

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

/** Checks run on every scanned file. */
export const scanChecks: ScanCheck[] = [
  secretsCheck,
];

/** Checks run only with `--deps` (manifests and lockfiles); empty until the supply-chain checks land. */
export const dependencyChecks: ScanCheck[] = [];
