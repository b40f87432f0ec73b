// Rule secret-in-code: a credential (API key, token, private key, password) written into source text.
import type { Finding, RuleMeta, Severity } from '../model';
import { detectSecrets, type SecretMatch } from '../secrets';

/** Metadata of `secret-in-code`. */
export const meta: RuleMeta = {
  id: 'secret-in-code',
  title: 'Secret in code',
  family: 'integration',
  defaultSeverity: 'error',
  languages: '*',
  description: 'Finds credentials (provider API keys, tokens, private keys, database passwords, password assignments) written into source text, and flags the ones an AI edit added.',
  cwe: ['CWE-798', 'CWE-312'],
  owasp: ['A07:2021 Identification and Authentication Failures', 'LLM02:2025 Sensitive Information Disclosure'],
};

/** FNV-1a of a string, hex: a stable identity that cannot be turned back into the secret. */
function fnv1a(value: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

function severityOf(m: SecretMatch): Severity {
  return m.confidence === 'low' ? 'info' : m.confidence === 'medium' ? 'warning' : meta.defaultSeverity;
}

/** Turns one secret match into a finding; `added` says an AI-like edit wrote it. */
export function secretFinding(text: string, m: SecretMatch, added = false): Finding {
  const what = added ? 'was written into this file by an AI edit' : 'is written into this file';
  return {
    ruleId: meta.id,
    severity: severityOf(m),
    confidence: m.confidence,
    message: `${m.title} \`${m.masked}\` ${what}. Move it to an environment variable or a secret store, and rotate it if it was ever committed or sent to an assistant.`,
    range: m.range,
    change: added ? 'introduced' : undefined,
    context: m.detector,
    fingerprint: `${meta.id}:${m.detector}:${fnv1a(text.slice(m.offset, m.offset + m.length))}`,
  };
}

/** Every secret in `text` as findings (used by `redline scan`). */
export function detect(text: string, options: { path?: string } = {}): Finding[] {
  return detectSecrets(text, options).map((m) => secretFinding(text, m));
}

/**
 * Secrets present in `after` that were not in `before` (compared by value, so moved lines do not
 * count): the findings for an AI-like edit.
 */
export function detectAdded(before: string, after: string, options: { path?: string } = {}): Finding[] {
  const old = new Set(detectSecrets(before, options).map((m) => before.slice(m.offset, m.offset + m.length)));
  return detectSecrets(after, options)
    .filter((m) => !old.has(after.slice(m.offset, m.offset + m.length)))
    .map((m) => secretFinding(after, m, true));
}
