// Registry of the guardrail rules (family `inference`): before/after comparisons of one file.
import type { RuleMeta } from '../model';
import type { GuardrailRule } from '../guardrails/types';
import { rule as auditLogRemoved } from './audit-log-removed';
import { rule as authCheckRemoved } from './auth-check-removed';
import { rule as cookieSecurityRemoved } from './cookie-security-removed';
import { rule as corsPolicyWeakened } from './cors-policy-weakened';
import { rule as errorDetailsExposed } from './error-details-exposed';
import { rule as inputValidationRemoved } from './input-validation-removed';
import { rule as jwtVerificationWeakened } from './jwt-verification-weakened';
import { rule as openRedirectCheckRemoved } from './open-redirect-check-removed';
import { rule as outputEscapingRemoved } from './output-escaping-removed';
import { rule as pathTraversalCheckRemoved } from './path-traversal-check-removed';
import { rule as queryParameterizationRemoved } from './query-parameterization-removed';
import { rule as rateLimitRemoved } from './rate-limit-removed';
import { rule as resourceLimitRemoved } from './resource-limit-removed';
import { rule as securityMiddlewareRemoved } from './security-middleware-removed';
import { rule as shellInjectionIntroduced } from './shell-injection-introduced';
import { rule as tlsVerificationDisabled } from './tls-verification-disabled';
import { rule as unsafeDeserializationIntroduced } from './unsafe-deserialization-introduced';
import { rule as weakHashIntroduced } from './weak-hash-introduced';
import { rule as modelLoadUnpinned } from './model-load-unpinned';
import { rule as modelRemoteCode } from './model-remote-code';
import { rule as modelUnsafeDeserialization } from './model-unsafe-deserialization';

/** Every guardrail rule module, in a stable order (by id). */
export const guardrailRules: readonly GuardrailRule[] = [
  auditLogRemoved,
  authCheckRemoved,
  cookieSecurityRemoved,
  corsPolicyWeakened,
  errorDetailsExposed,
  inputValidationRemoved,
  jwtVerificationWeakened,
  openRedirectCheckRemoved,
  outputEscapingRemoved,
  pathTraversalCheckRemoved,
  queryParameterizationRemoved,
  rateLimitRemoved,
  resourceLimitRemoved,
  securityMiddlewareRemoved,
  shellInjectionIntroduced,
  tlsVerificationDisabled,
  unsafeDeserializationIntroduced,
  weakHashIntroduced,
  modelLoadUnpinned,
  modelRemoteCode,
  modelUnsafeDeserialization,
];

/** Metadata of every guardrail rule. */
export const guardrailRuleMetas: readonly RuleMeta[] = guardrailRules.map((r) => r.meta);
