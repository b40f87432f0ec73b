// The registry of every rule, across the three risk families. Docs, SARIF, the mentoring panel
// and the conformance test all walk this list.
import type { RuleMeta } from '../model';
import { guardrailRuleMetas } from './guardrail-rules';
import { integrationRuleMetas } from './integration-rules';
import { supplyChainRuleMetas } from './supply-chain-rules';

let sorted: readonly RuleMeta[] | undefined;

/** Every rule's metadata, in a stable order (family, then id). */
export function allRuleMetas(): readonly RuleMeta[] {
  sorted ??= [...guardrailRuleMetas, ...integrationRuleMetas, ...supplyChainRuleMetas]
    .sort((a, b) => a.family.localeCompare(b.family) || a.id.localeCompare(b.id));
  return sorted;
}

/** Looks a rule up by id. */
export function ruleMeta(id: string): RuleMeta | undefined {
  return allRuleMetas().find((m) => m.id === id);
}
