// Registry of the guardrail rules (family `inference`): before/after comparisons of one file.
import type { RuleMeta } from '../model';
import type { GuardrailRule } from '../guardrails/types';
import { rule as authCheckRemoved } from './auth-check-removed';

/** Every guardrail rule module, in a stable order. */
export const guardrailRules: readonly GuardrailRule[] = [
  authCheckRemoved,
];

/** Metadata of every guardrail rule. */
export const guardrailRuleMetas: readonly RuleMeta[] = guardrailRules.map((r) => r.meta);
