// Rule: a dependency installed from a URL, git, a tarball or a local path, or with "any version".
import type { Finding, RuleMeta } from '../model';
import { dependencyFingerprint, type DependencyContext } from '../supply-chain/context';
import { sourceIssue } from '../supply-chain/specifiers';

export const meta: RuleMeta = {
  id: 'dependency-suspicious-source',
  title: 'Dependency from a risky source',
  family: 'supply-chain',
  defaultSeverity: 'warning',
  languages: '*',
  description: 'Flags a new or changed dependency that installs from a URL, git repository, tarball or local path, accepts any version, or follows an unpinned fork.',
  cwe: ['CWE-829', 'CWE-494'],
  owasp: ['A08:2021 Software and Data Integrity Failures'],
};

/** Fires when the specifier of an added or changed dependency bypasses the registry or pins nothing. */
export function detect(ctx: DependencyContext): Finding | undefined {
  const { dep } = ctx;
  if (ctx.origin !== 'manifest') return undefined;
  const issue = sourceIssue(dep);
  if (!issue) return undefined;
  return {
    ruleId: meta.id,
    severity: meta.defaultSeverity,
    confidence: issue.kind === 'unpinned' ? 'medium' : 'high',
    message: `\`${dep.name}\` ${issue.reason}. Pin a released registry version${issue.kind === 'unpinned-fork' ? ' or a full commit hash' : ''}.`,
    range: dep.range,
    context: dep.section,
    fingerprint: dependencyFingerprint(meta.id, dep),
  };
}
