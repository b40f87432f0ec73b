// Lookalike check throughput: every bundled popular name (which must pass) and one typo of each
// (which mostly must flag), per registry. Beside it: a plain exact-set lookup (the floor) and a
// naive peer that computes the edit distance to every popular name (what the bucketing saves).
import { findLookalike, isPopular, popularNames, type Ecosystem } from '../../src/core/supply-chain';
import { boundedEditDistance } from '../../src/core/supply-chain/lookalike';
import type { Benchmark } from '../bench';
import { percentile } from '../stats';

function typoOf(name: string): string {
  const i = Math.max(1, Math.floor(name.length / 2));
  return name.slice(0, i) + name.slice(i + 1, i + 2) + name.slice(i, i + 1) + name.slice(i + 2);
}

function measure(names: readonly string[], check: (name: string) => unknown): { perSecond: number; p50: number; p99: number } {
  const samples: number[] = [];
  const start = performance.now();
  for (const n of names) {
    const t = performance.now();
    check(n);
    samples.push(performance.now() - t);
  }
  const elapsed = performance.now() - start;
  return { perSecond: names.length / (elapsed / 1000), p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

/** The naive peer: distance (bounded at 2) to every popular name, no length buckets, no character masks. */
function naiveNearest(name: string, popular: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const p of popular) {
    const d = boundedEditDistance(name, p, 2);
    if (d < bestDistance) {
      best = p;
      bestDistance = d;
    }
  }
  return best;
}

export const benchmark: Benchmark = {
  name: 'supply-chain',
  async run(log) {
    log('| registry | names | input | lookalike names/s | p50 | p99 | exact lookup names/s | ratio |');
    log('| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |');
    for (const eco of ['npm', 'pypi'] as Ecosystem[]) {
      const names = popularNames(eco);
      findLookalike('warm-up', eco);
      for (const [input, list] of [['popular', names], ['one typo each', names.map(typoOf)]] as const) {
        const look = measure(list, (n) => findLookalike(n, eco));
        const exact = measure(list, (n) => isPopular(n, eco));
        log(`| ${eco} | ${list.length} | ${input} | ${look.perSecond.toFixed(0)} | ${(look.p50 * 1000).toFixed(0)} µs | ${(look.p99 * 1000).toFixed(0)} µs | ${exact.perSecond.toFixed(0)} | ${(exact.perSecond / look.perSecond).toFixed(0)}× |`);
      }
    }
    log('');
    log('| registry | names | input | lookalike names/s | naive scan names/s | speed-up |');
    log('| --- | ---: | --- | ---: | ---: | ---: |');
    for (const eco of ['npm', 'pypi'] as Ecosystem[]) {
      const popular = popularNames(eco);
      const typos = popular.filter((_, i) => i % 25 === 0).map(typoOf);
      const look = measure(typos, (n) => findLookalike(n, eco));
      const naive = measure(typos, (n) => naiveNearest(n, popular));
      log(`| ${eco} | ${typos.length} | one typo each (every 25th name) | ${look.perSecond.toFixed(0)} | ${naive.perSecond.toFixed(0)} | ${(look.perSecond / naive.perSecond).toFixed(1)}× |`);
    }
  },
};
