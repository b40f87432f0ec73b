// Rule model-remote-code (model loading; guardrail engine): model loaded with trust_remote_code.
import type { RuleMeta } from '../model';
import type { Doc } from '../guardrails/syntax';
import type { GuardrailRule, Protection } from '../guardrails/types';
import { modelHazards, modelTextPatterns } from '../inventory/model-guardrails';

/** Metadata of `model-remote-code` (a model-loading rule). */
export const meta: RuleMeta = {
  id: 'model-remote-code',
  title: 'Model loaded with trust_remote_code',
  family: 'inference',
  defaultSeverity: 'error',
  languages: ['python', 'javascript', 'javascriptreact', 'typescript', 'typescriptreact'],
  description: 'Model loading: finds model loads with trust_remote_code=True, which runs Python code shipped in the model repository on this machine.',
  cwe: ['CWE-94', 'CWE-829'],
  owasp: ['LLM03:2025 Supply Chain', 'A08:2021 Software and Data Integrity Failures'],
};

/** Model loads this rule reports, as hazards an edit must not introduce. */
export function extract(doc: Doc): Protection[] {
  return modelHazards(doc, 'model-remote-code');
}

export const textual = modelTextPatterns['model-remote-code'];

export const rule: GuardrailRule = { meta, extract, textual };
