// Risky specifiers (URLs, git, tarballs, local files, "any version", unpinned forks) and the
// install-time scripts of an installed npm package.
import { parse, type ParseError } from 'jsonc-parser';
import type { Dependency, InstallScript, SourceIssue } from './types';

const COMMIT = /(?:#|@|rev=)(?:commit=)?[0-9a-f]{7,40}$/i;
const UNPINNED = new Set(['*', 'latest', 'x', 'next', '>=0', '>=0.0.0', 'release', 'latest.release', 'latest.integration', '+', 'dev-master', 'dev-main']);
const ARCHIVE = /\.(?:tgz|tar\.gz|tar\.bz2|tar\.xz|tar|zip|whl|egg|gem|jar|crate)(?:[?#].{0,500})?$/i;

function gitIssue(spec: string, what: string): SourceIssue {
  return COMMIT.test(spec)
    ? { kind: 'git', reason: `installs from ${what} pinned to a commit, bypassing the registry` }
    : { kind: 'unpinned-fork', reason: `installs from ${what} without a commit hash, so its code can change under you` };
}

/** Why a dependency's specifier is risky, or undefined for an ordinary registry version range. */
export function sourceIssue(dep: Pick<Dependency, 'spec' | 'ecosystem'>): SourceIssue | undefined {
  const spec = dep.spec.trim();
  const lower = spec.toLowerCase();
  if (/^(?:git\+|git:\/\/|git@|ssh:\/\/|github:|gitlab:|bitbucket:|gist:)/.test(lower) || /\.git(?:[#@].{0,200})?$/.test(lower)) {
    return gitIssue(spec, 'a git repository');
  }
  if (/^https?:\/\//.test(lower)) {
    if (ARCHIVE.test(lower)) return { kind: 'tarball', reason: 'installs an archive from a URL instead of the registry' };
    return { kind: 'url', reason: 'installs from a URL instead of the registry' };
  }
  if (/^(?:file:|link:|portal:|\.{1,2}\/|\/|~\/)/.test(lower)) {
    return ARCHIVE.test(lower)
      ? { kind: 'tarball', reason: 'installs a local archive that nobody can review from the manifest' }
      : { kind: 'file', reason: 'installs from a local path instead of the registry' };
  }
  if (dep.ecosystem === 'npm' && /^[A-Za-z0-9][\w.-]{0,100}\/[\w.-]{1,100}(?:#.{0,200})?$/.test(spec)) {
    return gitIssue(spec, `the GitHub repository \`${spec.replace(/#.*$/, '')}\``);
  }
  if (UNPINNED.has(lower) || /(?:^|\.)\+$/.test(lower) || (spec === '' && (dep.ecosystem === 'npm' || dep.ecosystem === 'packagist' || dep.ecosystem === 'cargo'))) {
    return { kind: 'unpinned', reason: `accepts any version (\`${spec || 'no version'}\`), including a malicious new release` };
  }
  return undefined;
}

/** The `preinstall` / `install` / `postinstall` scripts of a package.json (empty for malformed text). */
export function installScripts(packageJsonText: string): InstallScript[] {
  const errors: ParseError[] = [];
  const json: unknown = parse(packageJsonText, errors, { allowTrailingComma: true });
  if (errors.length > 0 || typeof json !== 'object' || json === null) return [];
  const scripts = (json as { scripts?: unknown }).scripts;
  if (typeof scripts !== 'object' || scripts === null) return [];
  const out: InstallScript[] = [];
  for (const hook of ['preinstall', 'install', 'postinstall'] as const) {
    const command = (scripts as Record<string, unknown>)[hook];
    if (typeof command === 'string' && command.trim() !== '') out.push({ hook, command });
  }
  return out;
}
