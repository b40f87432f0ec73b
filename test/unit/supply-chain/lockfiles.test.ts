import * as assert from 'node:assert/strict';
import { isLockfile, lockedPackages } from '../../../src/core/supply-chain';

function sorted(set: Set<string>): string[] {
  return [...set].sort();
}

describe('supply-chain lockfiles', () => {
  it('reads package-lock.json v3 package keys, including nested and scoped packages', () => {
    const text = JSON.stringify({ lockfileVersion: 3, packages: { '': {}, 'node_modules/express': {}, 'node_modules/@types/node': {}, 'node_modules/a/node_modules/ms': {}, 'packages/web': {} } });
    assert.deepEqual(sorted(lockedPackages('/repo/package-lock.json', text)), ['@types/node', 'express', 'ms']);
  });

  it('reads package-lock.json v1 nested dependencies', () => {
    const text = JSON.stringify({ lockfileVersion: 1, dependencies: { debug: { dependencies: { ms: {} } } } });
    assert.deepEqual(sorted(lockedPackages('package-lock.json', text)), ['debug', 'ms']);
  });

  it('reads yarn.lock (classic and berry) and pnpm-lock.yaml', () => {
    const yarn = '# yarn lockfile v1\n\n"@babel/core@^7.0.0", "@babel/core@^7.24.0":\n  version "7.24.0"\n\nlodash@^4.17.21:\n  version "4.17.21"\n\n"zod@npm:^3.23.8":\n  version: 3.23.8\n';
    assert.deepEqual(sorted(lockedPackages('yarn.lock', yarn)), ['@babel/core', 'lodash', 'zod']);
    const pnpm = "lockfileVersion: '9.0'\n\nimporters:\n  .:\n    dependencies:\n      express:\n        specifier: ^4\n\npackages:\n  express@4.19.2:\n    resolution: {integrity: sha512-x}\n  '@types/node@20.14.0':\n    resolution: {integrity: sha512-y}\n\nsnapshots:\n  debug@4.3.5(supports-color@8.1.1):\n    dependencies: {}\n";
    assert.deepEqual(sorted(lockedPackages('pnpm-lock.yaml', pnpm)), ['@types/node', 'debug', 'express']);
  });

  it('reads poetry.lock, Pipfile.lock, go.sum, Cargo.lock, composer.lock and Gemfile.lock', () => {
    assert.deepEqual(sorted(lockedPackages('poetry.lock', '[[package]]\nname = "PyYAML"\nversion = "6.0.1"\n\n[package.dependencies]\nname = "not-a-package"\n')), ['pyyaml']);
    assert.deepEqual(sorted(lockedPackages('Pipfile.lock', JSON.stringify({ _meta: {}, default: { requests: {} }, develop: { pytest: {} } }))), ['pytest', 'requests']);
    assert.deepEqual(sorted(lockedPackages('go.sum', 'github.com/pkg/errors v0.9.1 h1:x=\ngithub.com/pkg/errors v0.9.1/go.mod h1:y=\n')), ['github.com/pkg/errors']);
    assert.deepEqual(sorted(lockedPackages('Cargo.lock', 'version = 3\n\n[[package]]\nname = "serde"\nversion = "1.0.203"\n')), ['serde']);
    assert.deepEqual(sorted(lockedPackages('composer.lock', JSON.stringify({ packages: [{ name: 'laravel/framework' }], 'packages-dev': [{ name: 'phpunit/phpunit' }] }))), ['laravel/framework', 'phpunit/phpunit']);
    assert.deepEqual(sorted(lockedPackages('Gemfile.lock', 'GEM\n  remote: https://rubygems.org/\n  specs:\n    rack (3.0.11)\n    rails (7.1.3)\n      actionpack (= 7.1.3)\n')), ['rack', 'rails']);
  });

  it('gives an empty set for unreadable lockfiles and unknown files', () => {
    assert.deepEqual(sorted(lockedPackages('package-lock.json', '{ broken')), []);
    assert.deepEqual(sorted(lockedPackages('notes.txt', 'express')), []);
    assert.equal(isLockfile('/repo/Cargo.lock'), true);
    assert.equal(isLockfile('/repo/Cargo.toml'), false);
  });
});
