// Helpers the `redline check` formatters share: rule links, safe snippets, one-based positions.
import { createHash } from 'node:crypto';
import type { Finding } from '../../core/model';
import { redactSecrets } from '../../core/secrets';

/** Where the rule pages live on GitHub. */
export const RULE_DOCS_BASE = 'https://github.com/redline-dev/redline/blob/main/docs/rules/';

/** The rule page for a rule id. */
export function ruleHelpUri(ruleId: string): string {
  return `${RULE_DOCS_BASE}${ruleId}.md`;
}

/** A finding's identity: its own fingerprint, or one built from rule, context and message (no positions, so it survives edits above it). */
export function stableFingerprint(finding: Finding): string {
  return finding.fingerprint ?? `${finding.ruleId}:${finding.context ?? ''}:${finding.message}`;
}

/** SHA-256 (hex) of a finding's identity combined with its file: what SARIF consumers match results by. */
export function hashedFingerprint(file: string, finding: Finding): string {
  return createHash('sha256').update(`${file}\0${stableFingerprint(finding)}`, 'utf8').digest('hex');
}

/** A code snippet safe to print: secrets masked. */
export function safeSnippet(text: string, path: string): string {
  return redactSecrets(text, { path });
}
