// Turns model-loading calls of a parsed file into guardrail hazards, for the three `model-*` rules:
// an edit that adds an unpinned, remote-code or pickle-based model load is reported like a dropped guard.
import type { Doc } from '../guardrails/syntax';
import type { Protection, TextPattern } from '../guardrails/types';
import { protection } from '../guardrails/extractors';
import { classifyModelCall, type Memo, type ModelRuleId } from './model-loads';

/** Hazards of one `model-*` rule in a parsed version of a file (Python and JavaScript/TypeScript). */
export function modelHazards(doc: Doc, ruleId: ModelRuleId): Protection[] {
  if (doc.family !== 'python' && doc.family !== 'js') return [];
  const out: Protection[] = [];
  const memo: Memo = new Map();
  for (const c of doc.calls) {
    const call = classifyModelCall(c.callee, c.args.map((a) => doc.textOf(a)), doc.family, doc.text, memo);
    for (const issue of call?.issues ?? []) {
      if (issue.ruleId !== ruleId) continue;
      out.push(protection(doc, 'hazard', ruleId, 'wrapper', c.node, issue.label, {
        key: `${ruleId}:${c.callee}:${call?.model ?? ''}`.toLowerCase().slice(0, 160),
        always: true,
        message: issue.summary,
      }));
    }
  }
  return out;
}

/** Textual fallback patterns (one line at a time) for languages or moments without a grammar. */
export const modelTextPatterns: Readonly<Record<ModelRuleId, readonly TextPattern[]>> = {
  'model-load-unpinned': [
    { kind: 'hazard', re: /\b(?:from_pretrained|hf_hub_download|snapshot_download)\(\s*["'][\w.-]{1,96}\/[\w.-]{1,96}["'](?![^\n]{0,300}\brevision\s*[=:])/, label: 'model load without a pinned revision', group: 'model-load-unpinned' },
    { kind: 'hazard', re: /["']http:\/\/(?!localhost|127\.0\.0\.1)[^"'\s]{1,300}\.(?:bin|pt|pth|ckpt|onnx|safetensors|pkl|joblib|h5|gguf|parquet|csv|zip)["']/, label: 'model or dataset over plain HTTP', group: 'model-load-unpinned' },
  ],
  'model-remote-code': [
    { kind: 'hazard', re: /\btrust_remote_code\s*[=:]\s*(?:True|true)\b/, label: 'trust_remote_code=True', group: 'model-remote-code' },
  ],
  'model-unsafe-deserialization': [
    { kind: 'hazard', re: /\btorch\.load\((?![^\n]{0,300}weights_only\s*=\s*True)/, label: 'torch.load without weights_only=True', group: 'model-unsafe-deserialization' },
    { kind: 'hazard', re: /\ballow_pickle\s*=\s*True\b/, label: 'allow_pickle=True', group: 'model-unsafe-deserialization' },
  ],
};
