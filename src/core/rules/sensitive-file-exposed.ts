// Rule sensitive-file-exposed: a sensitive file that an AI assistant present in the workspace can read.
import type { RuleMeta } from '../model';

/** Metadata of `sensitive-file-exposed`. */
export const meta: RuleMeta = {
  id: 'sensitive-file-exposed',
  title: 'Sensitive file exposed to an AI assistant',
  family: 'integration',
  defaultSeverity: 'warning',
  languages: '*',
  description: 'Finds sensitive files (keys, .env files, credentials, files holding secrets) that an assistant present in the workspace can read because its exclusion file does not cover them.',
  cwe: ['CWE-200', 'CWE-538'],
  owasp: ['A01:2021 Broken Access Control', 'LLM02:2025 Sensitive Information Disclosure'],
};
