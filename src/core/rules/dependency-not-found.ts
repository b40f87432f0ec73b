// Rule: the registry says a new dependency does not exist: a hallucinated name anyone can register.
import type { Finding, RuleMeta } from '../model';
import { dependencyFingerprint, REGISTRY_NAME, type DependencyContext } from '../supply-chain/context';

export const meta: RuleMeta = {
  id: 'dependency-not-found',
  title: 'Dependency does not exist in its registry',
  family: 'supply-chain',
  defaultSeverity: 'error',
  languages: '*',
  description: 'Flags a new dependency or import that the online check found missing from its registry (HTTP 404): a hallucinated package name.',
  cwe: ['CWE-1357', 'CWE-829'],
  owasp: ['A06:2021 Vulnerable and Outdated Components', 'A08:2021 Software and Data Integrity Failures'],
};

/** Fires when the online check answered 404 for the package. */
export function detect(ctx: DependencyContext): Finding | undefined {
  if (ctx.online?.status !== 'not-found') return undefined;
  const { dep } = ctx;
  return {
    ruleId: meta.id,
    severity: meta.defaultSeverity,
    confidence: 'high',
    message: `\`${dep.name}\` is hallucinated: it does not exist in the ${REGISTRY_NAME[dep.ecosystem]} registry. Remove it; anyone could register the name and ship code to you.`,
    range: dep.range,
    context: dep.section,
    fingerprint: dependencyFingerprint(meta.id, dep),
  };
}
