// Public API of the guardrail engine: compare two versions of a file, get dropped/weakened guardrails.
export { GuardrailEngine, analyzeEdit, changedSpan, type EditAnalysis, type EditInput } from './engine';
export type { GrammarLoader } from '../parsing/runtime';
export { languageIdForPath, parsedLanguageIds, grammarFileFor } from '../parsing/languages';
export type { GuardrailRule, Protection, ProtectionForm, TextPattern } from './types';
export { guardrailRules, guardrailRuleMetas } from '../rules/guardrail-rules';
