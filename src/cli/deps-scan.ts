// `redline scan --deps`: every dependency manifest under a folder, checked against its lockfiles
// and installed packages, optionally against the registries (`--online`).
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Finding } from '../core/model';
import {
  addedDependencies, checkAllOnline, checkManifestEdit, isLockfile, manifestKind,
  type FetchJson, type OnlineResults, type RegistryUrls,
} from '../core/supply-chain';
import { UsageError } from './io';
import { createFetchJson } from './registry-client';

/** A finding in one file, with the file's path relative to the scanned root (forward slashes). */
export interface FileFinding {
  readonly file: string;
  readonly finding: Finding;
}

/** Options of `scanDependencies`. */
export interface DepsScanOptions {
  /** Ask the registries (off by default). */
  readonly online?: boolean;
  readonly registries?: RegistryUrls;
  readonly fetchJson?: FetchJson;
  readonly now?: Date;
}

/** The parseArgs options `redline scan` adds for `--deps`. */
export const depsScanFlags = {
  'online': { type: 'boolean' },
  'registry-npm': { type: 'string' },
  'registry-pypi': { type: 'string' },
  'registry-osv': { type: 'string' },
} as const;

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'vendor', 'dist', 'out', 'build', 'target', '.venv', 'venv',
  '__pycache__', '.tox', '.mypy_cache', '.next', 'coverage', 'bower_components']);
const MAX_FILES = 20_000;

async function walk(root: string): Promise<{ manifests: string[]; lockfiles: string[] }> {
  const manifests: string[] = [];
  const lockfiles: string[] = [];
  const queue = [root];
  let seen = 0;
  while (queue.length > 0 && seen < MAX_FILES) {
    const dir = queue.shift() ?? root;
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      seen++;
      const full = path.join(dir, e.name);
      if (e.isDirectory() && !SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) queue.push(full);
      else if (e.isFile() && manifestKind(full) !== undefined) manifests.push(full);
      else if (e.isFile() && isLockfile(full)) lockfiles.push(full);
    }
  }
  return { manifests: manifests.sort(), lockfiles: lockfiles.sort() };
}

/** Lockfiles in the manifest's folder or any folder above it (up to the root), for workspaces. */
function lockfilesFor(manifest: string, root: string, lockfiles: readonly string[]): string[] {
  const dirs = new Set<string>();
  for (let d = path.dirname(manifest); ; d = path.dirname(d)) {
    dirs.add(d);
    if (d === root || path.dirname(d) === d || !d.startsWith(root)) break;
  }
  return lockfiles.filter((l) => dirs.has(path.dirname(l)));
}

async function readMaybe(file: string): Promise<string | undefined> {
  return fs.readFile(file, 'utf8').catch(() => undefined);
}

/** Installed npm packages (node_modules/<name>/package.json next to the manifest or above) and Python distributions in .venv/venv. */
async function installedFor(manifest: string, root: string, names: readonly string[]): Promise<{ installed: Set<string>; manifests: Map<string, string> }> {
  const installed = new Set<string>();
  const manifests = new Map<string, string>();
  const dir = path.dirname(manifest);
  if (manifestKind(manifest) === 'package.json') {
    for (const name of names) {
      for (let d = dir; d.startsWith(root); d = path.dirname(d)) {
        const text = await readMaybe(path.join(d, 'node_modules', ...name.split('/'), 'package.json'));
        if (text !== undefined) {
          installed.add(name);
          manifests.set(name, text);
          break;
        }
        if (d === root || path.dirname(d) === d) break;
      }
    }
  } else {
    for (const venv of ['.venv', 'venv']) {
      const lib = path.join(dir, venv, 'lib');
      for (const py of await fs.readdir(lib).catch(() => [] as string[])) {
        for (const entry of await fs.readdir(path.join(lib, py, 'site-packages')).catch(() => [] as string[])) {
          const m = /^(.+?)-[^-]+\.(?:dist-info|egg-info)$/.exec(entry);
          if (m && m[1]) installed.add(m[1]);
        }
      }
    }
  }
  return { installed, manifests };
}

/** Checks every manifest under `root` (all its dependencies count as added) and returns the findings, file by file. */
export async function scanDependencies(root: string, options: DepsScanOptions = {}): Promise<FileFinding[]> {
  const absRoot = path.resolve(root);
  const { manifests, lockfiles } = await walk(absRoot);
  const out: FileFinding[] = [];
  for (const manifest of manifests) {
    const text = await readMaybe(manifest);
    if (text === undefined) continue;
    const added = addedDependencies(manifest, undefined, text);
    if (!added.ok) continue;
    const locks = new Map<string, string>();
    for (const l of lockfilesFor(manifest, absRoot, lockfiles)) {
      const t = await readMaybe(l);
      if (t !== undefined) locks.set(l, t);
    }
    const { installed, manifests: installedManifests } = await installedFor(manifest, absRoot, added.value.map((d) => d.name));
    let online: OnlineResults | undefined;
    if (options.online) {
      if (!options.registries) throw new UsageError('--online needs registry URLs');
      online = await checkAllOnline(added.value, {
        fetchJson: options.fetchJson ?? createFetchJson(), registries: options.registries, now: options.now ?? new Date(),
      });
    }
    const rel = path.relative(absRoot, manifest).split(path.sep).join('/');
    for (const finding of checkManifestEdit({ path: manifest, before: undefined, after: text, lockfiles: locks, installed, installedManifests, online, trigger: 'scan' })) {
      out.push({ file: rel, finding });
    }
  }
  return out;
}

/** Builds `DepsScanOptions` from parsed `redline scan` flags (`--online`, `--registry-npm`, `--registry-pypi`, `--registry-osv`). */
export function depsScanOptions(values: Readonly<Record<string, unknown>>, env: Readonly<Record<string, string | undefined>>): DepsScanOptions {
  if (values.online !== true) return {};
  const pick = (flag: string, variable: string): string | undefined => {
    const v = values[flag];
    return typeof v === 'string' && v !== '' ? v : env[variable];
  };
  const npm = pick('registry-npm', 'REDLINE_REGISTRY_NPM');
  const pypi = pick('registry-pypi', 'REDLINE_REGISTRY_PYPI');
  const osv = pick('registry-osv', 'REDLINE_REGISTRY_OSV');
  if (!npm || !pypi || !osv) {
    throw new UsageError('--online needs --registry-npm, --registry-pypi and --registry-osv (or REDLINE_REGISTRY_NPM/_PYPI/_OSV)');
  }
  return { online: true, registries: { npm, pypi, osv } };
}

/** `redline scan --deps`: scans each root (file or folder) and names files relative to `cwd`. */
export async function scanDependencyRoots(
  roots: readonly string[], cwd: string, values: Readonly<Record<string, unknown>>,
  env: Readonly<Record<string, string | undefined>>, fetchJson?: FetchJson,
): Promise<FileFinding[]> {
  const options = { ...depsScanOptions(values, env), ...(fetchJson ? { fetchJson } : {}) };
  const out: FileFinding[] = [];
  for (const root of roots) {
    const stat = await fs.stat(root).catch(() => undefined);
    const dir = stat?.isFile() ? path.dirname(root) : root;
    for (const f of await scanDependencies(dir, options)) {
      const file = path.relative(cwd, path.join(dir, f.file)).split(path.sep).join('/');
      if (!stat?.isFile() || path.join(dir, f.file) === root) out.push({ file, finding: f.finding });
    }
  }
  return out;
}
