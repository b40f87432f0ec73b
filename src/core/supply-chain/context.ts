// What a supply-chain rule knows about one dependency an edit added: where it came from, whether
// the project already locked or installed it, and what the registries said (when asked).
import type { Finding, RuleMeta } from '../model';
import type { AddedDependency, OnlineResult } from './types';

/** One added dependency (from a manifest) or undeclared import, with everything the rules need. */
export interface DependencyContext {
  readonly dep: AddedDependency;
  /** `manifest`: a manifest line; `import`: an import of a package no manifest declares. */
  readonly origin: 'manifest' | 'import';
  /** `edit`: an AI edit just added it; `scan`: a whole-project scan found it (no edit to blame). */
  readonly trigger: 'edit' | 'scan';
  /** The project's lockfiles already pin it. */
  readonly locked: boolean;
  /** It is installed locally (node_modules, site-packages, …). */
  readonly installed: boolean;
  /** Online checks are on for this run. */
  readonly onlineEnabled: boolean;
  /** What the registries said; undefined when online checks are off or failed to run. */
  readonly online?: OnlineResult;
  /** The installed package.json text (npm), when the adapter could read it. */
  readonly installedManifest?: string;
  /** The name of the package the manifest itself defines (never a lookalike of itself). */
  readonly ownName?: string;
}

/** A supply-chain rule: metadata and a detector over one dependency. */
export interface DependencyRule {
  readonly meta: RuleMeta;
  detect(ctx: DependencyContext): Finding | undefined;
}

/** A stable fingerprint for a dependency finding (rule, registry, name). */
export function dependencyFingerprint(ruleId: string, dep: AddedDependency): string {
  return `${ruleId}:${dep.ecosystem}:${dep.name}`;
}

/** Registry display names for messages. */
export const REGISTRY_NAME: Readonly<Record<AddedDependency['ecosystem'], string>> = {
  npm: 'npm', pypi: 'PyPI', go: 'Go module', cargo: 'crates.io', maven: 'Maven Central', rubygems: 'RubyGems', packagist: 'Packagist',
};
