// docs/policy.md stays true: its example policy is valid and it documents every policy key.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { enforceableNames } from '../../../src/core/config';
import { parsePolicy } from '../../../src/core/policy';

const doc = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', '..', 'docs', 'policy.md'), 'utf8');

describe('docs/policy.md', () => {
  it('holds an example policy that parses without problems', () => {
    const example = /```jsonc\n([\s\S]*?)```/.exec(doc)?.[1];
    assert.ok(example, 'no jsonc example');
    const result = parsePolicy(example, { knownRuleIds: ['auth-check-removed', 'secret-in-code', 'unpinned-mcp-server'] });
    assert.deepEqual(result.problems, []);
    assert.equal(result.policy?.rules?.['auth-check-removed'], 'error');
  });

  it('documents every key a policy can set or enforce', () => {
    for (const name of enforceableNames()) assert.ok(doc.includes(`\`${name}`), `${name} is not documented`);
  });
});
