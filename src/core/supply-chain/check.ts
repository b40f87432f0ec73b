// Entry points: the findings for a manifest edit, or for a source edit that imports undeclared packages.
import type { Finding } from '../model';
import { supplyChainRules } from '../rules/supply-chain-rules';
import type { DependencyContext } from './context';
import { importedModules, undeclaredImports } from './imports';
import { lockedPackages, lockfileEcosystem } from './lockfiles';
import { addedDependencies, ownPackageName } from './manifests';
import { onlineKey } from './online';
import { normalizeName } from './popular';
import type { AddedDependency, Ecosystem, OnlineResults } from './types';

/** Everything the adapter knows about a manifest edit. */
export interface ManifestEditInput {
  readonly path: string;
  /** The manifest before the edit; undefined for a new file. */
  readonly before: string | undefined;
  readonly after: string;
  /** Lockfile texts by path; lockfiles of other registries are ignored. */
  readonly lockfiles: ReadonlyMap<string, string>;
  /** Names of locally installed packages (node_modules, site-packages, …). */
  readonly installed: ReadonlySet<string>;
  /** Installed package.json texts by package name, to show install scripts. */
  readonly installedManifests?: ReadonlyMap<string, string>;
  /** Results of `checkAllOnline`; undefined when online checks are off ("not verified online"). */
  readonly online?: OnlineResults;
  /** `edit` (default): an edit added the dependencies; `scan`: a whole-project scan (messages blame no edit). */
  readonly trigger?: 'edit' | 'scan';
}

/** Everything the adapter knows about a source edit. */
export interface ImportEditInput {
  readonly path: string;
  readonly languageId: string;
  readonly before: string | undefined;
  readonly after: string;
  /** Names the project's manifests declare (for Go: go.mod's module and required module paths). */
  readonly declared: ReadonlySet<string>;
  readonly lockfiles?: ReadonlyMap<string, string>;
  readonly installed: ReadonlySet<string>;
  readonly online?: OnlineResults;
}

function lockedNames(lockfiles: ReadonlyMap<string, string> | undefined, ecosystem: Ecosystem): Set<string> {
  const names = new Set<string>();
  for (const [path, text] of lockfiles ?? []) {
    if (lockfileEcosystem(path) === ecosystem) for (const n of lockedPackages(path, text)) names.add(n);
  }
  return names;
}

function normalizedSet(names: ReadonlySet<string>, ecosystem: Ecosystem): Set<string> {
  return new Set([...names].map((n) => normalizeName(n, ecosystem)));
}

function runRules(ctx: DependencyContext): Finding[] {
  const out: Finding[] = [];
  for (const rule of supplyChainRules) {
    const f = rule.detect(ctx);
    if (f) out.push(f);
  }
  return out;
}

/**
 * Findings for the dependencies an edit added to a manifest: not found online, lookalike,
 * unreviewed, risky source, install scripts. A malformed `after` gives no findings (the adapter
 * can call `addedDependencies` to show the parse error).
 */
export function checkManifestEdit(input: ManifestEditInput): Finding[] {
  const added = addedDependencies(input.path, input.before, input.after);
  if (!added.ok || added.value.length === 0) return [];
  const ecosystem = added.value[0]?.ecosystem ?? 'npm';
  const locked = lockedNames(input.lockfiles, ecosystem);
  const installed = normalizedSet(input.installed, ecosystem);
  const ownName = ownPackageName(input.path, input.after);
  return added.value.flatMap((dep) => {
    const key = normalizeName(dep.name, dep.ecosystem);
    return runRules({
      dep, origin: 'manifest', trigger: input.trigger ?? 'edit', locked: locked.has(key), installed: installed.has(key),
      onlineEnabled: input.online !== undefined, online: input.online?.get(onlineKey(dep.ecosystem, dep.name)),
      installedManifest: input.installedManifests?.get(dep.name), ownName,
    });
  });
}

/** Findings for imports an edit added of packages no manifest declares: not found online, lookalike, unreviewed. */
export function checkImportEdit(input: ImportEditInput): Finding[] {
  const earlier = new Set(input.before === undefined ? [] : importedModules(input.languageId, input.before).map((r) => r.packageName));
  const fresh = undeclaredImports(input.languageId, input.after, input.declared).filter((r) => !earlier.has(r.packageName));
  const seen = new Set<string>();
  return fresh.flatMap((ref) => {
    if (seen.has(ref.packageName)) return [];
    seen.add(ref.packageName);
    const key = normalizeName(ref.packageName, ref.ecosystem);
    const dep: AddedDependency = { name: ref.packageName, spec: '', ecosystem: ref.ecosystem, section: 'import', range: ref.range, change: 'added' };
    return runRules({
      dep, origin: 'import', trigger: 'edit', locked: lockedNames(input.lockfiles, ref.ecosystem).has(key),
      installed: normalizedSet(input.installed, ref.ecosystem).has(key),
      onlineEnabled: input.online !== undefined, online: input.online?.get(onlineKey(ref.ecosystem, ref.packageName)),
    });
  });
}
