// Rule: a dependency whose name imitates a popular package (typo, separators, scope, homoglyphs, affixes).
import type { Confidence, Finding, RuleMeta } from '../model';
import { dependencyFingerprint, type DependencyContext } from '../supply-chain/context';
import { findLookalike } from '../supply-chain/lookalike';
import type { LookalikeKind } from '../supply-chain/types';

export const meta: RuleMeta = {
  id: 'dependency-lookalike',
  title: 'Dependency name imitates a popular package',
  family: 'supply-chain',
  defaultSeverity: 'error',
  languages: '*',
  description: 'Flags a new dependency whose name is a typo, separator, scope, word-order, homoglyph or suffix variant of a widely used package.',
  cwe: ['CWE-1357', 'CWE-506'],
  owasp: ['A08:2021 Software and Data Integrity Failures'],
};

const CONFIDENCE: Readonly<Record<LookalikeKind, Confidence>> = {
  'homoglyph': 'high', 'separator': 'high', 'token-order': 'high', 'scope': 'medium', 'edit-distance': 'medium', 'affix': 'medium',
};

/** Fires when the dependency's name looks like a popular package's without being it. */
export function detect(ctx: DependencyContext): Finding | undefined {
  const { dep } = ctx;
  if (dep.change !== 'added') return undefined;
  const look = findLookalike(dep.name, dep.ecosystem, ctx.ownName);
  if (!look) return undefined;
  return {
    ruleId: meta.id,
    severity: meta.defaultSeverity,
    confidence: CONFIDENCE[look.kind],
    message: `\`${dep.name}\` looks like the popular package \`${look.imitates}\`: it ${look.reason}. Use \`${look.imitates}\` unless you are sure this is the package you meant.`,
    range: dep.range,
    context: dep.section,
    fingerprint: dependencyFingerprint(meta.id, dep),
  };
}
