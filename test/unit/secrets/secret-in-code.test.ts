// The secret-in-code rule: findings with masked messages, and only the secrets an edit added.
import * as assert from 'node:assert/strict';
import { detect, detectAdded, meta } from '../../../src/core/rules/secret-in-code';

const token = ['gh', 'p_', 'Zk3Pq9Lm2Rt7Vx4Wb8Nc6Yd1Hf5Jg0Ks2AeQ'].join('');

describe('secret-in-code', () => {
  it('reports a secret with a masked message, line and stable fingerprint', () => {
    const [f] = detect(`const a = 1;\nconst t = "${token}";\n`, { path: 'src/a.ts' });
    assert.equal(f?.ruleId, meta.id);
    assert.equal(f?.severity, 'error');
    assert.equal(f?.range.start.line, 1);
    assert.equal(f?.message, 'GitHub token `ghp_…` is written into this file. Move it to an environment variable or a secret store, and rotate it if it was ever committed or sent to an assistant.');
    assert.ok(f?.fingerprint?.startsWith('secret-in-code:github-token:') && !f.fingerprint.includes(token.slice(4)));
  });

  it('flags only the secret an edit added, not one that was already there or moved', () => {
    const before = `const t = "${token}";\n`;
    const after = `// moved\n\nconst t = "${token}";\nconst dbPassword = "Tr0ub4dor&3x";\n`;
    const added = detectAdded(before, after, { path: 'src/a.ts' });
    assert.deepEqual(added.map((f) => [f.range.start.line, f.change, f.message.split('`')[1]]), [[3, 'introduced', 'Tr0u…']]);
    assert.ok(added[0]?.message.includes('by an AI edit'));
  });
});
