import * as assert from 'node:assert/strict';
import { findLookalike, isPopular, popularNames } from '../../../src/core/supply-chain';
import { boundedEditDistance } from '../../../src/core/supply-chain/lookalike';
import { popularSource } from '../../../src/core/supply-chain/popular';

function imitates(name: string, eco: Parameters<typeof findLookalike>[1]): string {
  const hit = findLookalike(name, eco);
  return hit ? `${hit.kind} ${hit.imitates}` : 'none';
}

describe('supply-chain lookalikes', () => {
  it('bundles at least 5,000 npm and 5,000 PyPI names with their source and date', () => {
    assert.ok(popularNames('npm').length >= 5000);
    assert.ok(popularNames('pypi').length >= 5000);
    assert.match(popularSource.source, /npm\.tsv/);
    assert.match(popularSource.generated, /^\d{4}-\d{2}-\d{2}$/);
  });

  it('computes bounded Damerau-Levenshtein distance', () => {
    assert.equal(boundedEditDistance('loadsh', 'lodash', 2), 1);
    assert.equal(boundedEditDistance('expresss', 'express', 2), 1);
    assert.equal(boundedEditDistance('abcdef', 'ghijkl', 2), 3);
  });

  it('catches the publicly reported typosquats', () => {
    assert.equal(imitates('crossenv', 'npm'), 'separator cross-env');
    assert.equal(imitates('expresss', 'npm'), 'edit-distance express');
    assert.equal(imitates('electorn', 'npm'), 'edit-distance electron');
    assert.equal(imitates('loadsh', 'npm'), 'edit-distance lodash');
    assert.equal(imitates('python3-dateutil', 'pypi'), 'affix python-dateutil');
    assert.equal(imitates('jeIlyfish', 'pypi'), 'homoglyph jellyfish');
    assert.equal(imitates('djanga', 'pypi'), 'edit-distance django');
    assert.equal(imitates('reqeusts', 'pypi'), 'edit-distance requests');
    assert.equal(imitates('colourama', 'pypi'), 'edit-distance colorama');
  });

  it('catches scope, word-order, Cyrillic and AI-themed suffix games', () => {
    assert.equal(imitates('@evil/react', 'npm'), 'scope react');
    assert.equal(imitates('dateutil-python', 'pypi'), 'token-order python-dateutil');
    assert.equal(imitates('reаct', 'npm'), 'homoglyph react');
    assert.equal(imitates('openai-helper', 'npm'), 'affix openai');
    assert.equal(imitates('langchain-utils', 'pypi'), 'affix langchain');
    assert.equal(imitates('anthropic-sdk', 'npm'), 'affix @anthropic-ai/sdk');
  });

  it('never flags popular names, legitimate neighbours or the package itself', () => {
    for (const [name, eco] of [['react-dom', 'npm'], ['@types/node', 'npm'], ['react', 'npm'], ['pytest-cov', 'pypi'],
      ['huggingface_hub', 'pypi'], ['Django', 'pypi'], ['my-company-ui', 'npm']] as const) {
      assert.equal(imitates(name, eco), 'none', name);
    }
    assert.equal(findLookalike('expresss', 'npm', 'expresss'), undefined);
    assert.equal(isPopular('PyYAML', 'pypi'), true);
  });

  it('budgets typos by the name inside a scope, and lets short one-letter variants of lesser-known names pass', () => {
    assert.equal(imitates('@babel/corre', 'npm'), 'edit-distance @babel/core');
    assert.equal(imitates('@types/depd', 'npm'), 'none');
    assert.equal(imitates('torchax', 'pypi'), 'none');
    assert.equal(imitates('object-code', 'npm'), 'none');
  });

  it('explains the imitation in words', () => {
    assert.deepEqual(findLookalike('expresss', 'npm'), { name: 'expresss', imitates: 'express', kind: 'edit-distance', reason: 'is one typo away from `express`' });
  });
});
