import * as assert from 'node:assert/strict';
import { findLookalike, lockedPackages, parseManifest, sourceIssue, undeclaredImports } from '../../../src/core/supply-chain';

/** Safety check, not a benchmark: every parser must stay linear on hostile 100 kB inputs. */
function within(limitMs: number, fn: () => unknown): void {
  const start = Date.now();
  fn();
  const took = Date.now() - start;
  assert.ok(took < limitMs, `took ${took} ms`);
}

describe('supply-chain parsers on adversarial input', () => {
  const big = 100_000;
  it('parses 100 kB hostile manifests in linear time', () => {
    within(1000, () => parseManifest('pom.xml', `<project>${'<dependency>'.repeat(big / 12)}`));
    within(1000, () => parseManifest('requirements.txt', `${'a'.repeat(big)}[${'x,'.repeat(big / 2)}`));
    within(1000, () => parseManifest('pyproject.toml', `[project]\ndependencies = [${'"a",'.repeat(big / 4)}`));
    within(1000, () => parseManifest('build.gradle', `implementation '${'a:'.repeat(big / 2)}'`));
    within(1000, () => parseManifest('Gemfile', `gem '${"a', ".repeat(big / 4)}`));
    within(1000, () => parseManifest('Cargo.toml', `[dependencies]\nx = { ${'git = "a", '.repeat(big / 10)}`));
    within(1000, () => parseManifest('go.mod', `require (\n${'\t'.repeat(big)}`));
  });

  it('reads 100 kB hostile lockfiles, imports and specifiers in linear time', () => {
    within(1000, () => lockedPackages('yarn.lock', `${'a@'.repeat(big / 2)}:\n`));
    within(1000, () => lockedPackages('pnpm-lock.yaml', `packages:\n  ${'/@'.repeat(big / 2)}:\n`));
    within(1000, () => undeclaredImports('typescript', `import ${'from '.repeat(big / 5)}'x`, new Set()));
    within(1000, () => undeclaredImports('python', `import ${'a, '.repeat(big / 3)}`, new Set()));
    within(1000, () => undeclaredImports('go', `import (\n${'"'.repeat(big)}`, new Set()));
    within(1000, () => sourceIssue({ spec: `git+https://${'a.'.repeat(big / 2)}`, ecosystem: 'npm' }));
  });

  it('checks a 100 kB name against the popular list quickly', () => {
    within(1000, () => findLookalike(`${'a-'.repeat(big / 2)}`, 'npm'));
  });
});
