// Public API of the supply-chain checks: what an edit adds to a manifest or imports, and whether
// each new dependency is unreviewed, a lookalike, from a risky source, or unknown to its registry.
//
// Typical adapter flow (extension or CLI):
//   const added = addedDependencies(path, before, after);                  // Result<AddedDependency[]>
//   const online = onlineOn ? await checkAllOnline(added.value, { fetchJson, registries, now: new Date() }, cache) : undefined;
//   const findings = checkManifestEdit({ path, before, after, lockfiles, installed, online });

export type {
  Ecosystem, ManifestKind, Dependency, AddedDependency, ImportRef, Lookalike, LookalikeKind, SourceIssue,
  SourceIssueKind, InstallScript, Vulnerability, OnlineResult, OnlineResults, JsonRequest, FetchJson, RegistryUrls,
} from './types';

// `manifestKind(path)`: which manifest format a file is (by base name), or undefined.
// `parseManifest(path, text)`: every dependency of a manifest, or an error for malformed text.
// `addedDependencies(path, before, after)`: dependencies new (or with a changed specifier) in `after`.
// `declaredPackages(path, text)`: names a manifest makes importable (its dependencies, its own name, go.mod's module).
export { manifestKind, ecosystemOfManifest, parseManifest, addedDependencies, declaredPackages, ownPackageName } from './manifests';

// `isLockfile(path)` and `lockedPackages(path, text)`: package names a lockfile pins (empty set when unreadable).
export { isLockfile, lockfileEcosystem, lockedPackages, LOCKFILE_NAMES } from './lockfiles';

// `undeclaredImports(languageId, text, declared)`: imports of packages not declared, not built in.
export { importedModules, undeclaredImports, importEcosystem } from './imports';

// `findLookalike(name, ecosystem)`: the popular package a name imitates, if any.
export { findLookalike, isPopular, popularNames, normalizeName } from './lookalike';
export { popularSource } from './popular';

// `sourceIssue(dep)`: why a specifier is risky (URL, git, tarball, `*`, unpinned fork); `installScripts(packageJsonText)`.
export { sourceIssue, installScripts } from './specifiers';

// Online checks with an injected `fetchJson`, and a small LRU cache with TTL for the adapter.
export { checkOnline, checkAllOnline, onlineKey, LruCache, type OnlineCheckOptions } from './online';

// Main entry points: findings for a manifest edit or a source edit that imports packages.
export { checkManifestEdit, checkImportEdit, type ManifestEditInput, type ImportEditInput } from './check';
