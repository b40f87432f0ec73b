// Rule: an added npm dependency, installed locally, that runs preinstall/install/postinstall scripts.
import type { Finding, RuleMeta } from '../model';
import { dependencyFingerprint, type DependencyContext } from '../supply-chain/context';
import { installScripts } from '../supply-chain/specifiers';

export const meta: RuleMeta = {
  id: 'dependency-install-script',
  title: 'Dependency runs code when installed',
  family: 'supply-chain',
  defaultSeverity: 'warning',
  languages: '*',
  description: 'Shows the preinstall, install and postinstall scripts of a new dependency that is installed locally.',
  cwe: ['CWE-506', 'CWE-829'],
  owasp: ['A08:2021 Software and Data Integrity Failures'],
};

function shorten(command: string): string {
  const one = command.replace(/\s+/g, ' ').trim();
  return one.length > 120 ? `${one.slice(0, 119)}…` : one;
}

/** Fires when the installed package.json of an added dependency declares install-time scripts. */
export function detect(ctx: DependencyContext): Finding | undefined {
  if (ctx.installedManifest === undefined || ctx.dep.change !== 'added') return undefined;
  const scripts = installScripts(ctx.installedManifest);
  if (scripts.length === 0) return undefined;
  const list = scripts.map((s) => `${s.hook}: \`${shorten(s.command)}\``).join('; ');
  return {
    ruleId: meta.id,
    severity: meta.defaultSeverity,
    confidence: 'high',
    message: `\`${ctx.dep.name}\` runs code when installed (${list}). Read the script before you install, or install with --ignore-scripts.`,
    range: ctx.dep.range,
    context: ctx.dep.section,
    fingerprint: dependencyFingerprint(meta.id, ctx.dep),
  };
}
