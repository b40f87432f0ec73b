// Rule secret-in-code: a credential (API key, token, private key, password) written into source text.
import type { RuleMeta } from '../model';

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
