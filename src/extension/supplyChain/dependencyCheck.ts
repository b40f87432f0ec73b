// Gathers what the core needs for one edited file (lockfiles, installed packages, declared names,
// online answers when enabled) and asks it for findings. No detection logic here: see src/core/supply-chain.
import * as vscode from 'vscode';
import type { Finding, TextRange } from '../../core/model';
import {
  addedDependencies, checkAllOnline, checkImportEdit, checkManifestEdit, ecosystemOfManifest, importedModules, importEcosystem,
  undeclaredImports, type Dependency, type Ecosystem, type LruCache, type OnlineCheckOptions, type OnlineResult, type OnlineResults,
} from '../../core/supply-chain';
import { declaredNear, installedNear, lockfilesNear } from './workspaceFacts';

/** A dependency the edit added (manifest line or undeclared import), where it sits. */
export interface AddedPackage {
  readonly name: string;
  readonly ecosystem: Ecosystem;
  readonly range: TextRange;
}

/** The findings for one file, and the packages they are about. */
export interface DependencyCheck {
  readonly findings: readonly Finding[];
  readonly packages: readonly AddedPackage[];
  /** Packages the online check could not verify, with the reason. */
  readonly unverified: readonly string[];
}

/** One file as it is now and as it was at its baseline. */
export interface CheckedFile {
  readonly uri: vscode.Uri;
  readonly languageId: string;
  readonly before: string | undefined;
  readonly after: string;
}

/** How to reach the registries; undefined when online checks are off. */
export interface OnlineAccess {
  readonly options: OnlineCheckOptions;
  readonly cache: LruCache<string, OnlineResult>;
}

const NOTHING: DependencyCheck = { findings: [], packages: [], unverified: [] };

async function askRegistries(deps: readonly Pick<Dependency, 'name' | 'spec' | 'ecosystem'>[], online: OnlineAccess | undefined)
  : Promise<{ results: OnlineResults | undefined; unverified: string[] }> {
  if (!online || deps.length === 0) return { results: online ? new Map() : undefined, unverified: [] };
  const results = await checkAllOnline(deps, online.options, online.cache);
  const unverified = [...results.entries()].filter(([, r]) => r.status === 'unknown' && r.error !== undefined && !r.error.startsWith('no existence check'))
    .map(([key, r]) => `${key}: ${r.error ?? ''}`);
  return { results, unverified };
}

/** Findings for dependencies an edit added to a manifest (`package.json`, `requirements.txt`, …). */
async function checkManifest(file: CheckedFile, online: OnlineAccess | undefined): Promise<DependencyCheck> {
  const added = addedDependencies(file.uri.path, file.before, file.after);
  if (!added.ok || added.value.length === 0) return NOTHING;
  const ecosystem = ecosystemOfManifest(file.uri.path) ?? 'npm';
  const [lockfiles, installed, asked] = await Promise.all([
    lockfilesNear(file.uri),
    installedNear(file.uri, ecosystem, added.value.map((d) => d.name)),
    askRegistries(added.value, online),
  ]);
  const findings = checkManifestEdit({
    path: file.uri.path, before: file.before, after: file.after, lockfiles, installed: installed.names,
    installedManifests: installed.manifests, online: asked.results, trigger: 'edit',
  });
  return { findings, packages: added.value.map((d) => ({ name: d.name, ecosystem: d.ecosystem, range: d.range })), unverified: asked.unverified };
}

/** Findings for imports an edit added of packages no manifest declares. */
async function checkImports(file: CheckedFile, ecosystem: Ecosystem, online: OnlineAccess | undefined): Promise<DependencyCheck> {
  const earlier = new Set(file.before === undefined ? [] : importedModules(file.languageId, file.before).map((r) => r.packageName));
  if (!importedModules(file.languageId, file.after).some((r) => !earlier.has(r.packageName))) return NOTHING;
  const declared = await declaredNear(file.uri, ecosystem);
  const fresh = new Map<string, AddedPackage>();
  for (const ref of undeclaredImports(file.languageId, file.after, declared)) {
    if (!earlier.has(ref.packageName) && !fresh.has(ref.packageName)) fresh.set(ref.packageName, { name: ref.packageName, ecosystem, range: ref.range });
  }
  if (fresh.size === 0) return NOTHING;
  const packages = [...fresh.values()];
  const [lockfiles, installed, asked] = await Promise.all([
    lockfilesNear(file.uri),
    installedNear(file.uri, ecosystem, packages.map((p) => p.name)),
    askRegistries(packages.map((p) => ({ name: p.name, spec: '', ecosystem })), online),
  ]);
  const findings = checkImportEdit({
    path: file.uri.path, languageId: file.languageId, before: file.before, after: file.after, declared, lockfiles,
    installed: installed.names, online: asked.results,
  });
  return { findings, packages, unverified: asked.unverified };
}

/** True when Redline checks dependencies in this file: a manifest, or source in a language whose imports it reads. */
export function isDependencyFile(uri: vscode.Uri, languageId: string): boolean {
  return ecosystemOfManifest(uri.path) !== undefined || importEcosystem(languageId) !== undefined;
}

/** The supply-chain findings for an AI edit of `file` against its baseline. */
export async function checkDependencies(file: CheckedFile, online: OnlineAccess | undefined): Promise<DependencyCheck> {
  if (ecosystemOfManifest(file.uri.path) !== undefined) return checkManifest(file, online);
  const ecosystem = importEcosystem(file.languageId);
  return ecosystem === undefined ? NOTHING : checkImports(file, ecosystem, online);
}
