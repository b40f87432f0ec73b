// Rule: a dependency an AI edit added that no lockfile pins and nothing installed: nobody has checked it yet.
import type { Finding, RuleMeta } from '../model';
import { dependencyFingerprint, type DependencyContext } from '../supply-chain/context';
import type { OnlineResult } from '../supply-chain/types';

export const meta: RuleMeta = {
  id: 'dependency-unreviewed',
  title: 'New dependency not yet reviewed',
  family: 'supply-chain',
  defaultSeverity: 'warning',
  languages: '*',
  description: 'Flags a dependency or import an AI edit added that no lockfile pins and that is not installed, so nobody has checked it yet.',
  cwe: ['CWE-1357', 'CWE-829'],
  owasp: ['A06:2021 Vulnerable and Outdated Components', 'A08:2021 Software and Data Integrity Failures'],
};

/** What the registries said, as a sentence to append ("not verified online" when checks are off). */
export function onlineNote(enabled: boolean, online: OnlineResult | undefined): string {
  if (!enabled || !online) return ' (not verified online)';
  if (online.status === 'unknown') return ` (online check failed: ${online.error ?? 'no answer'})`;
  if (online.status === 'not-found') return '';
  const facts: string[] = [];
  if (online.ageDays !== undefined) facts.push(online.ageDays < 30 ? `first published only ${online.ageDays} days ago` : `first published ${online.ageDays} days ago`);
  if (online.downloadsLastMonth !== undefined) facts.push(`${online.downloadsLastMonth.toLocaleString('en-US')} downloads last month`);
  const vulns = online.vulnerabilities ?? [];
  if (vulns.length > 0) facts.push(`OSV lists ${vulns.slice(0, 3).map((v) => v.id).join(', ')}${vulns.length > 3 ? ` and ${vulns.length - 3} more` : ''}`);
  return facts.length > 0 ? ` Registry: ${facts.join('; ')}.` : ' It exists in the registry.';
}

/** Fires for an added dependency that is neither locked nor installed (and not already reported missing). */
export function detect(ctx: DependencyContext): Finding | undefined {
  const { dep } = ctx;
  if (dep.change !== 'added' || ctx.locked || ctx.installed || ctx.online?.status === 'not-found') return undefined;
  const lead = ctx.trigger === 'scan'
    ? `Dependency \`${dep.name}\` is in no lockfile and not installed: verify it exists and is the one you meant.`
    : ctx.origin === 'import'
      ? `Import of \`${dep.name}\`, which no manifest declares and is not installed, added by an AI edit: verify it exists and is the one you meant.`
      : `New dependency \`${dep.name}\` added by an AI edit: verify it exists and is the one you meant.`;
  return {
    ruleId: meta.id,
    severity: meta.defaultSeverity,
    confidence: 'high',
    message: lead + onlineNote(ctx.onlineEnabled, ctx.online),
    range: dep.range,
    context: dep.section,
    fingerprint: dependencyFingerprint(meta.id, dep),
  };
}
