import * as assert from 'node:assert/strict';
import { installScripts, sourceIssue, type Ecosystem } from '../../../src/core/supply-chain';

function kind(spec: string, ecosystem: Ecosystem = 'npm'): string {
  return sourceIssue({ spec, ecosystem })?.kind ?? 'ok';
}

describe('supply-chain specifiers', () => {
  it('flags git sources, and calls them unpinned forks without a commit hash', () => {
    assert.equal(kind('git+https://github.com/acme/left-pad.git'), 'unpinned-fork');
    assert.equal(kind('git+https://github.com/acme/left-pad.git#5f1c2e9d4b7a3c6e8f0a1b2c3d4e5f6a7b8c9d0e'), 'git');
    assert.equal(kind('acme/left-pad'), 'unpinned-fork');
    assert.equal(kind('github:acme/left-pad#v1.2.0'), 'unpinned-fork');
    assert.equal(kind('git+https://github.com/acme/toolkit.git@0a1b2c3d', 'pypi'), 'git');
  });

  it('flags URLs, tarballs and local paths', () => {
    assert.equal(kind('https://cdn.example.com/pkg-1.0.0.tgz'), 'tarball');
    assert.equal(kind('https://example.com/pkg'), 'url');
    assert.equal(kind('file:../shared'), 'file');
    assert.equal(kind('./vendor/pkg-1.0.tar.gz', 'pypi'), 'tarball');
  });

  it('flags any-version specifiers but not ordinary ranges', () => {
    assert.equal(kind('*'), 'unpinned');
    assert.equal(kind('latest'), 'unpinned');
    assert.equal(kind(''), 'unpinned');
    assert.equal(kind('4.+', 'maven'), 'unpinned');
    assert.equal(kind('LATEST', 'maven'), 'unpinned');
    assert.equal(kind('^4.19.2'), 'ok');
    assert.equal(kind('>=2.31', 'pypi'), 'ok');
    assert.equal(kind('', 'pypi'), 'ok');
    assert.equal(kind('npm:string-width@^4.2.0'), 'ok');
  });

  it('lists install-time scripts of an installed package.json', () => {
    const text = JSON.stringify({ name: 'x', scripts: { preinstall: 'node check.js', postinstall: 'node setup.js', test: 'mocha' } });
    assert.deepEqual(installScripts(text), [{ hook: 'preinstall', command: 'node check.js' }, { hook: 'postinstall', command: 'node setup.js' }]);
    assert.deepEqual(installScripts('{ nope'), []);
  });
});
