// No secret and no source code in the audit log: hashes, rule ids and masked snippets only.
import * as assert from 'node:assert/strict';
import { AuditChain, maskTokens, sanitizeAuditData, sanitizeString } from '../../../src/core/audit';

/** Secrets in the shapes providers issue (made up here; none is real). */
const secrets = [
  'AKIAQ7Z3M4N5P6R7S8T9',
  'ghp_4kQ9wXz2Lm8Rt5Yv1Bn6Hc3Jd7Fg0Se2Ua9Po',
  'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCD',
  'glpat-x7Yz3Qw9Er1Ty5Ui8Op2',
  'xoxb-2048-4096-aZ9bY8cX7dW6eV5fU4gT3',
  'sk-proj-9fK2mQ7xR4tW1zL8vB3nC6yH0jD5',
  'sk_live_51Hx7Qz2Rk9Lm3Np8Vt4Ws6Yb',
  'AIzaSyD4x9Q2m7R1t8W3z6L0v5B2n9C4y7H1j',
  'hf_Qm7Rx2Tz9Lk4Wv1Bn8Yc3Hd6Jf0Sg5Ua',
  'npm_8Kq2Wx7Rz4Lm9Tv1Bn6Yc3Hd0Jf5Sg2Ua',
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYz9k3Lq7Wx',
];

describe('sanitizeAuditData', () => {
  for (const secret of secrets) {
    it(`never lets ${secret.slice(0, 6)}… through, in any field or nesting`, () => {
      const data = {
        reason: `ok to keep, the key ${secret} is rotated`,
        note: secret,
        snippet: `const key = "${secret}";`,
        nested: { list: [secret, { deeper: `url=https://api.example.com?key=${secret}` }] },
      };
      const out = JSON.stringify(sanitizeAuditData(data));
      assert.equal(out.includes(secret), false, out);
      assert.equal(out.includes(secret.slice(4)), false, out);
    });
  }

  it('masks passwords in URLs', () => {
    assert.equal(maskTokens('db at postgres://app:S3cr3tPassw0rd@db.internal:5432/app'), 'db at postgres://app:S3cr…@db.internal:5432/app');
  });

  it('masks private key blocks and multi-line code entirely', () => {
    assert.equal(sanitizeString('-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----'), '----…');
    assert.equal(sanitizeString('router.delete("/users/:id",\n  requireAuth, handler)'), 'rout…');
  });

  it('masks code-like and secret-like fields whole', () => {
    assert.deepEqual(sanitizeAuditData({ removed: 'requireAuth,', password: 'hunter2', apiKey: 'abc', content: 'x = 1' }), { removed: 'requ…', password: 'hunt…', apiKey: '…', content: 'x = …' });
  });

  it('keeps hashes, rule ids, classes, sources, paths and short reasons', () => {
    const data = {
      rule: 'auth-check-removed',
      class: 'external-write',
      source: 'claude-code',
      sha256Before: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      fingerprint: '3f2a9c01d4e5b6a7c8d9',
      files: ['.cursorignore', '.claude/settings.json', 'src/auth/session-2024-rotation.ts'],
      reason: 'Public health-check route; see ticket SEC-1234.',
      count: 3,
      ok: true,
      none: null,
    };
    assert.deepEqual(sanitizeAuditData(data), data);
  });

  it('truncates long single-line text to 200 characters', () => {
    const reason = 'because '.repeat(40);
    const out = sanitizeAuditData({ reason }).reason as string;
    assert.equal(out, `${reason.slice(0, 200)}…`);
  });

  it('drops values that are not JSON and replaces non-finite numbers', () => {
    assert.deepEqual(sanitizeAuditData({ f: () => 1, u: undefined, n: Number.NaN, d: 2 }), { n: null, d: 2 });
  });

  it('is applied by AuditChain.append, so callers cannot bypass it', () => {
    const { line } = new AuditChain().append({ type: 'acknowledge', file: 'a.ts', data: { reason: `token ${secrets[1]}` } });
    assert.equal(line.includes(secrets[1]!), false);
    assert.match(line, /"reason":"token ghp_…"/);
  });

  it('masks tokens in linear time on adversarial 100 kB input', () => {
    const inputs = ['a'.repeat(100_000), 'a1'.repeat(50_000), '//x:'.repeat(25_000), `${'//u:'.repeat(10_000)}${'p'.repeat(60_000)}`];
    const start = Date.now();
    for (const input of inputs) maskTokens(input);
    assert.ok(Date.now() - start < 1000, `took ${Date.now() - start} ms`);
  });
});
