import * as assert from 'assert';
import { claudeDenyPatterns } from '../../src/core/context/exposure';
import { syncClaudeSettingsText } from '../../src/core/context/exclusion-sync';
import { jsonTooDeep, nestingBeyond } from '../../src/core/json';
import { parsePolicy } from '../../src/core/policy';
import { parseManifest } from '../../src/core/supply-chain';

const hostile = `${'{"a":'.repeat(20000)}1${'}'.repeat(20000)}`;

describe('deeply nested JSON never overflows the stack', () => {
  it('finds the offset where nesting passes the limit, ignoring brackets in strings', () => {
    assert.strictEqual(nestingBeyond('{"a": "[[[[{{{{"}', 2), -1);
    assert.strictEqual(nestingBeyond('[[[1]]]', 2), 2);
    assert.strictEqual(jsonTooDeep('{"permissions": {"deny": []}}'), false);
    assert.strictEqual(jsonTooDeep(hostile), true);
  });

  it('Claude settings, exclusion sync, the policy and manifests refuse a hostile file with a message', () => {
    assert.deepStrictEqual(claudeDenyPatterns(hostile), []);
    assert.deepStrictEqual(syncClaudeSettingsText(hostile, ['.env*']), { error: 'nests too deeply to be a settings file; left untouched.' });
    const policy = parsePolicy(hostile);
    assert.strictEqual(policy.policy, undefined);
    assert.match(policy.problems[0]?.message ?? '', /nests deeper than 128 levels/);
    const manifest = parseManifest('package.json', hostile);
    assert.strictEqual(manifest.ok, false);
  });
});
