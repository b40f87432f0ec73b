// Public API of the workspace policy: parse, resolve `extends`, merge with settings, scaffold and describe.
export type { Policy, PolicyParseOptions, PolicyParseResult, PolicyProblem, PolicyRuleEntry } from './types';
export { parsePolicy } from './parse';
export { mergePolicies, policyHash, resolvePolicy, type PolicyReader, type ResolvedPolicy } from './resolve';
export {
  effectiveConfig,
  isEnforced,
  ruleLevel,
  settingsOf,
  type EffectiveConfig,
  type EffectiveConfigInput,
  type EffectiveValue,
  type IgnoredValue,
  type ValueSource,
} from './effective';
export { scaffoldPolicy } from './scaffold';
export { describeEffective, type EffectiveRow } from './describe';
export { relativeTarget } from './paths';

/** Where the policy lives, relative to the workspace root. */
export const POLICY_PATH = '.redline/policy.jsonc';
/** Where repository acknowledgements live when the policy sets `acknowledgements.inRepository`. */
export const ACKNOWLEDGEMENTS_PATH = '.redline/acknowledgements.json';
