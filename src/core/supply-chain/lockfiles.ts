// Lockfiles: which package names a project has already resolved (and so someone has reviewed once).
import { normalizeName } from './popular';
import type { Ecosystem } from './types';

/** Base names of the lockfiles Redline reads, with their registry. */
export const LOCKFILE_NAMES: Readonly<Record<string, Ecosystem>> = {
  'package-lock.json': 'npm', 'npm-shrinkwrap.json': 'npm', 'yarn.lock': 'npm', 'pnpm-lock.yaml': 'npm',
  'poetry.lock': 'pypi', 'Pipfile.lock': 'pypi', 'uv.lock': 'pypi', 'go.sum': 'go', 'Cargo.lock': 'cargo',
  'composer.lock': 'packagist', 'Gemfile.lock': 'rubygems',
};

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** True when the file is a lockfile Redline reads. */
export function isLockfile(path: string): boolean {
  return Object.hasOwn(LOCKFILE_NAMES, baseName(path));
}

/** The registry of a lockfile, or undefined. */
export function lockfileEcosystem(path: string): Ecosystem | undefined {
  const base = baseName(path);
  return Object.hasOwn(LOCKFILE_NAMES, base) ? LOCKFILE_NAMES[base] : undefined;
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function objectKeys(v: unknown): string[] {
  return typeof v === 'object' && v !== null ? Object.keys(v) : [];
}

function npmLock(text: string): string[] {
  const json = parseJson(text);
  if (!json) return [];
  const names = objectKeys(json.packages)
    .filter((k) => k.includes('node_modules/'))
    .map((k) => k.slice(k.lastIndexOf('node_modules/') + 13));
  const walk = (deps: unknown): void => {
    for (const [name, v] of Object.entries(typeof deps === 'object' && deps !== null ? deps : {})) {
      names.push(name);
      walk((v as { dependencies?: unknown }).dependencies);
    }
  };
  walk(json.dependencies);
  return names;
}

function nameBeforeVersion(spec: string): string {
  const at = spec.indexOf('@', 1);
  return at < 0 ? spec : spec.slice(0, at);
}

function yarnLock(text: string): string[] {
  const names: string[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith(' ') || line.startsWith('#') || !line.trimEnd().endsWith(':')) continue;
    for (const part of line.trimEnd().slice(0, -1).split(',')) {
      const spec = part.trim().replace(/^"|"$/g, '');
      if (spec !== '' && spec !== '__metadata') names.push(nameBeforeVersion(spec));
    }
  }
  return names;
}

function pnpmLock(text: string): string[] {
  const names: string[] = [];
  let section = '';
  for (const line of text.split('\n')) {
    if (/^\S/.test(line)) section = line.trim();
    if ((section !== 'packages:' && section !== 'snapshots:') || !/^ {2}\S/.test(line)) continue;
    let key = line.trim().replace(/:$/, '').replace(/^['"]|['"]$/g, '').replace(/^\//, '').replace(/\(.*$/, '');
    if (key.indexOf('@', 1) > 0) key = nameBeforeVersion(key);
    else key = key.slice(0, Math.max(0, key.lastIndexOf('/')));
    if (key !== '') names.push(key);
  }
  return names;
}

function tomlPackages(text: string): string[] {
  const names: string[] = [];
  let inPackage = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('[')) inPackage = line.trim() === '[[package]]';
    const m = inPackage ? /^name\s*=\s*"([^"]{1,300})"/.exec(line) : null;
    if (m && m[1]) names.push(m[1]);
  }
  return names;
}

function pipfileLock(text: string): string[] {
  const json = parseJson(text);
  return json ? [...objectKeys(json.default), ...objectKeys(json.develop)] : [];
}

function goSum(text: string): string[] {
  return text.split('\n').map((l) => l.trim().split(/\s+/)[0] ?? '').filter((n) => n !== '');
}

function composerLock(text: string): string[] {
  const json = parseJson(text);
  if (!json) return [];
  const list = [json.packages, json['packages-dev']].flatMap((v) => (Array.isArray(v) ? v : []));
  return list.map((p: unknown) => (typeof p === 'object' && p !== null ? (p as { name?: unknown }).name : undefined))
    .filter((n): n is string => typeof n === 'string');
}

function gemfileLock(text: string): string[] {
  const names: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^ {4}([A-Za-z0-9_.-]{1,200}) \(/.exec(line);
    if (m && m[1]) names.push(m[1]);
  }
  return names;
}

const READERS: Readonly<Record<string, (text: string) => string[]>> = {
  'package-lock.json': npmLock, 'npm-shrinkwrap.json': npmLock, 'yarn.lock': yarnLock, 'pnpm-lock.yaml': pnpmLock,
  'poetry.lock': tomlPackages, 'uv.lock': tomlPackages, 'Cargo.lock': tomlPackages, 'Pipfile.lock': pipfileLock,
  'go.sum': goSum, 'composer.lock': composerLock, 'Gemfile.lock': gemfileLock,
};

/** Normalised names of every package a lockfile pins; empty for an unknown or unreadable lockfile. */
export function lockedPackages(path: string, text: string): Set<string> {
  const base = baseName(path);
  const ecosystem = lockfileEcosystem(path);
  const read = READERS[base];
  if (!read || !ecosystem) return new Set();
  return new Set(read(text).map((n) => normalizeName(n, ecosystem)));
}
