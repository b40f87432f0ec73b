// Rule model-load-unpinned (model loading; guardrail engine): model loaded without a pinned revision.
import type { RuleMeta } from '../model';
import type { Doc } from '../guardrails/syntax';
import type { GuardrailRule, Protection } from '../guardrails/types';
import { modelHazards, modelTextPatterns } from '../inventory/model-guardrails';

/** Metadata of `model-load-unpinned` (a model-loading rule). */
export const meta: RuleMeta = {
  id: 'model-load-unpinned',
  title: 'Model loaded without a pinned revision',
  family: 'inference',
  defaultSeverity: 'warning',
  languages: ['python', 'javascript', 'javascriptreact', 'typescript', 'typescriptreact'],
  description: 'Model loading: finds Hugging Face and transformers.js model, tokenizer and dataset loads (from_pretrained, hf_hub_download, snapshot_download, pipeline, load_dataset) that fetch from the Hub without a pinned commit revision, and model or dataset files downloaded over plain HTTP.',
  cwe: ['CWE-494', 'CWE-829'],
  owasp: ['LLM03:2025 Supply Chain', 'A08:2021 Software and Data Integrity Failures'],
};

/** Model loads this rule reports, as hazards an edit must not introduce. */
export function extract(doc: Doc): Protection[] {
  return modelHazards(doc, 'model-load-unpinned');
}

export const textual = modelTextPatterns['model-load-unpinned'];

export const rule: GuardrailRule = { meta, extract, textual };
