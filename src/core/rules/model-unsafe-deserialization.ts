// Rule model-unsafe-deserialization (model loading; guardrail engine): model file loaded with pickle.
import type { RuleMeta } from '../model';
import type { Doc } from '../guardrails/syntax';
import type { GuardrailRule, Protection } from '../guardrails/types';
import { modelHazards, modelTextPatterns } from '../inventory/model-guardrails';

/** Metadata of `model-unsafe-deserialization` (a model-loading rule). */
export const meta: RuleMeta = {
  id: 'model-unsafe-deserialization',
  title: 'Model file loaded with pickle',
  family: 'inference',
  defaultSeverity: 'error',
  languages: ['python', 'javascript', 'javascriptreact', 'typescript', 'typescriptreact'],
  description: 'Model loading: finds torch.load without weights_only=True, numpy.load with allow_pickle=True, and pickle, dill or joblib loads of downloaded files, which run code hidden in the file.',
  cwe: ['CWE-502'],
  owasp: ['LLM03:2025 Supply Chain', 'A08:2021 Software and Data Integrity Failures'],
};

/** Model loads this rule reports, as hazards an edit must not introduce. */
export function extract(doc: Doc): Protection[] {
  return modelHazards(doc, 'model-unsafe-deserialization');
}

export const textual = modelTextPatterns['model-unsafe-deserialization'];

export const rule: GuardrailRule = { meta, extract, textual };
