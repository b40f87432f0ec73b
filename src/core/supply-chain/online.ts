// Online checks, off by default: does a package exist in its registry, how old is it, how often is
// it downloaded, and does OSV know vulnerabilities or malware for it. HTTP is injected (`fetchJson`).
import { normalizeName } from './popular';
import type { Dependency, Ecosystem, FetchJson, OnlineResult, OnlineResults, RegistryUrls, Vulnerability } from './types';

/** What an online check needs from the adapter. */
export interface OnlineCheckOptions {
  readonly fetchJson: FetchJson;
  readonly registries: RegistryUrls;
  /** The current time, for package age. */
  readonly now: Date;
}

const OSV_ECOSYSTEM: Readonly<Record<Ecosystem, string>> = {
  npm: 'npm', pypi: 'PyPI', go: 'Go', cargo: 'crates.io', maven: 'Maven', rubygems: 'RubyGems', packagist: 'Packagist',
};

/** The key of a package in `OnlineResults`: `<ecosystem>:<normalised name>`. */
export function onlineKey(ecosystem: Ecosystem, name: string): string {
  return `${ecosystem}:${normalizeName(name, ecosystem)}`;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
}

function ageDays(created: string | undefined, now: Date): number | undefined {
  const t = created === undefined ? NaN : Date.parse(created);
  return Number.isNaN(t) ? undefined : Math.max(0, Math.floor((now.getTime() - t) / 86_400_000));
}

async function npmMetadata(name: string, o: OnlineCheckOptions): Promise<OnlineResult> {
  const encoded = name.startsWith('@') ? `@${encodeURIComponent(name.slice(1))}` : encodeURIComponent(name);
  const res = await o.fetchJson(`${trimSlash(o.registries.npm)}/${encoded}`);
  if (res.status === 404) return { status: 'not-found' };
  if (res.status !== 200) return { status: 'unknown', error: `registry answered ${res.status}` };
  const created = record(record(res.body).time).created;
  const createdIso = typeof created === 'string' ? created : undefined;
  let downloads: number | undefined;
  if (o.registries.npmDownloads !== undefined) {
    const d = await o.fetchJson(`${trimSlash(o.registries.npmDownloads)}/downloads/point/last-month/${name}`);
    const n = record(d.body).downloads;
    if (d.status === 200 && typeof n === 'number') downloads = n;
  }
  return { status: 'exists', created: createdIso, ageDays: ageDays(createdIso, o.now), downloadsLastMonth: downloads };
}

async function pypiMetadata(name: string, o: OnlineCheckOptions): Promise<OnlineResult> {
  const res = await o.fetchJson(`${trimSlash(o.registries.pypi)}/pypi/${encodeURIComponent(name)}/json`);
  if (res.status === 404) return { status: 'not-found' };
  if (res.status !== 200) return { status: 'unknown', error: `registry answered ${res.status}` };
  let first: string | undefined;
  for (const files of Object.values(record(record(res.body).releases))) {
    for (const f of Array.isArray(files) ? files : []) {
      const t = record(f).upload_time_iso_8601 ?? record(f).upload_time;
      if (typeof t === 'string' && (first === undefined || t < first)) first = t;
    }
  }
  return { status: 'exists', created: first, ageDays: ageDays(first, o.now) };
}

function exactVersion(spec: string): string | undefined {
  const m = /^(?:==|=|v)?\s*(\d+(?:\.\d+){0,3}(?:[-+.][\w.]{1,40})?)$/.exec(spec.trim());
  return m?.[1];
}

async function osvVulnerabilities(dep: Pick<Dependency, 'name' | 'spec' | 'ecosystem'>, o: OnlineCheckOptions): Promise<Vulnerability[] | undefined> {
  const version = exactVersion(dep.spec);
  const body = { package: { name: dep.name, ecosystem: OSV_ECOSYSTEM[dep.ecosystem] }, ...(version !== undefined ? { version } : {}) };
  const res = await o.fetchJson(`${trimSlash(o.registries.osv)}/v1/query`, { method: 'POST', body });
  if (res.status !== 200) return undefined;
  const vulns = record(res.body).vulns;
  const list = (Array.isArray(vulns) ? vulns : []).map((v) => {
    const r = record(v);
    return { id: String(r.id ?? ''), summary: typeof r.summary === 'string' ? r.summary : '' };
  }).filter((v) => v.id !== '');
  // Without an exact version, only reports of malicious packages apply to whatever gets installed.
  return version !== undefined ? list : list.filter((v) => v.id.startsWith('MAL-'));
}

/**
 * Asks the registries about one dependency. Never rejects: a failed request gives status `unknown`
 * with the reason. Existence and age are checked for npm and PyPI; OSV for every ecosystem.
 */
export async function checkOnline(dep: Pick<Dependency, 'name' | 'spec' | 'ecosystem'>, options: OnlineCheckOptions): Promise<OnlineResult> {
  try {
    const base: OnlineResult = dep.ecosystem === 'npm' ? await npmMetadata(dep.name, options)
      : dep.ecosystem === 'pypi' ? await pypiMetadata(dep.name, options)
        : { status: 'unknown', error: `no existence check for ${dep.ecosystem}` };
    if (base.status === 'not-found') return base;
    const vulnerabilities = await osvVulnerabilities(dep, options).catch(() => undefined);
    return vulnerabilities === undefined ? base : { ...base, vulnerabilities };
  } catch (err) {
    return { status: 'unknown', error: err instanceof Error ? err.message : String(err) };
  }
}

/** Checks several dependencies (each package once, a few at a time), using and filling `cache` when given. */
export async function checkAllOnline(
  deps: readonly Pick<Dependency, 'name' | 'spec' | 'ecosystem'>[], options: OnlineCheckOptions, cache?: LruCache<string, OnlineResult>,
): Promise<OnlineResults> {
  const results = new Map<string, OnlineResult>();
  const todo = new Map<string, Pick<Dependency, 'name' | 'spec' | 'ecosystem'>>();
  for (const d of deps) {
    const key = onlineKey(d.ecosystem, d.name);
    const cached = cache?.get(key);
    if (cached) results.set(key, cached);
    else todo.set(key, d);
  }
  const queue = [...todo.entries()];
  const worker = async (): Promise<void> => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [key, dep] = next;
      const result = await checkOnline(dep, options);
      results.set(key, result);
      if (result.status !== 'unknown') cache?.set(key, result);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return results;
}

/** A small least-recently-used cache whose entries expire after `ttlMs`. */
export class LruCache<K, V> {
  private readonly entries = new Map<K, { value: V; expires: number }>();

  constructor(private readonly maxEntries: number, private readonly ttlMs: number, private readonly clock: () => number = Date.now) {}

  /** The value, if present and fresh; marks it most recently used. */
  get(key: K): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.entries.delete(key);
    if (e.expires <= this.clock()) return undefined;
    this.entries.set(key, e);
    return e.value;
  }

  /** Stores a value, evicting the least recently used entry when full. */
  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expires: this.clock() + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
