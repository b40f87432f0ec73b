import * as assert from 'node:assert/strict';
import { checkAllOnline, checkOnline, LruCache, onlineKey } from '../../../src/core/supply-chain';
import { createFetchJson } from '../../../src/cli/registry-client';
import { startFakeRegistry } from './fake-registry';

describe('supply-chain online checks (fake registry on 127.0.0.1)', () => {
  let registry: Awaited<ReturnType<typeof startFakeRegistry>>;
  const now = new Date('2026-11-26T00:00:00Z');
  before(async () => { registry = await startFakeRegistry(); });
  after(async () => { await registry.close(); });

  it('reports a package the registry does not know as not found', async () => {
    const result = await checkOnline({ name: 'openai-helper', spec: '^0.2.0', ecosystem: 'npm' }, { fetchJson: createFetchJson(), registries: registry.urls, now });
    assert.deepEqual(result, { status: 'not-found' });
  });

  it('reports age and monthly downloads of an npm package that exists', async () => {
    const result = await checkOnline({ name: 'express', spec: '^4.19.2', ecosystem: 'npm' }, { fetchJson: createFetchJson(), registries: registry.urls, now });
    assert.equal(result.status, 'exists');
    assert.equal(result.created, '2010-12-29T19:38:25.450Z');
    assert.equal(result.ageDays, 5810);
    assert.equal(result.downloadsLastMonth, 150000000);
    assert.deepEqual(result.vulnerabilities, []);
  });

  it('takes the first upload of any release as the age of a PyPI package', async () => {
    const result = await checkOnline({ name: 'requests', spec: '>=2', ecosystem: 'pypi' }, { fetchJson: createFetchJson(), registries: registry.urls, now });
    assert.equal(result.status, 'exists');
    assert.equal(result.created, '2011-02-14T00:00:00Z');
  });

  it('keeps only malware reports from OSV when no exact version is pinned', async () => {
    const result = await checkOnline({ name: 'evil-pkg', spec: '^1.0.0', ecosystem: 'npm' }, { fetchJson: createFetchJson(), registries: registry.urls, now });
    assert.deepEqual(result.vulnerabilities, [{ id: 'MAL-2026-1234', summary: 'Malicious code in evil-pkg' }]);
    assert.equal(result.ageDays, 6);
    assert.ok(registry.requests.includes('POST /osv/v1/query'));
  });

  it('turns a timeout into an unknown result instead of failing', async () => {
    const result = await checkOnline({ name: 'slow', spec: '1.0.0', ecosystem: 'npm' }, { fetchJson: createFetchJson({ timeoutMs: 100 }), registries: registry.urls, now });
    assert.equal(result.status, 'unknown');
    assert.match(result.error ?? '', /timed out after 100 ms/);
  });

  it('checks each package once and serves repeats from the cache', async () => {
    const cache = new LruCache<string, Awaited<ReturnType<typeof checkOnline>>>(10, 60_000);
    const options = { fetchJson: createFetchJson(), registries: registry.urls, now };
    const deps = [{ name: 'express', spec: '^4', ecosystem: 'npm' as const }, { name: 'expresss', spec: '^1', ecosystem: 'npm' as const }];
    const first = await checkAllOnline(deps, options, cache);
    const count = registry.requests.length;
    const second = await checkAllOnline(deps, options, cache);
    assert.equal(registry.requests.length, count);
    assert.equal(first.get(onlineKey('npm', 'expresss'))?.status, 'not-found');
    assert.deepEqual(second, first);
  });
});

describe('supply-chain LRU cache', () => {
  it('evicts the least recently used entry and expires entries after their TTL', () => {
    let t = 0;
    const cache = new LruCache<string, number>(2, 100, () => t);
    cache.set('a', 1);
    cache.set('b', 2);
    assert.equal(cache.get('a'), 1);
    cache.set('c', 3);
    assert.equal(cache.get('b'), undefined);
    assert.equal(cache.get('a'), 1);
    t = 150;
    assert.equal(cache.get('c'), undefined);
    assert.equal(cache.size, 1);
  });
});
