// Behaviour of the secrets detector: provider formats, generic assignments, placeholders, masking.
import * as assert from 'node:assert/strict';
import { detectSecrets, redactSecrets } from '../../../src/core/secrets';

/** Deterministic filler so no token-shaped literal sits in this file. */
function filler(n: number, alphabet = 'aB3dE5gH7jK9mN2pQ4sT6vW8yZcF1hL0rX'): string {
  let s = '';
  let x = n * 2654435761;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    s += alphabet[(x >>> 16) % alphabet.length];
  }
  return s;
}
const join = (...parts: string[]): string => parts.join('');

describe('detectSecrets', () => {
  it('finds a GitHub token in a TypeScript constant, with its exact range and a masked value', () => {
    const token = join('gh', 'p_', filler(36));
    const text = `// client\nconst token = "${token}";\n`;
    const [m, ...rest] = detectSecrets(text, { path: 'src/client.ts' });
    assert.equal(rest.length, 0);
    assert.equal(m?.detector, 'github-token');
    assert.deepEqual(m?.range, { start: { line: 1, character: 15 }, end: { line: 1, character: 15 + token.length } });
    assert.equal(m?.masked, 'ghp_…');
    assert.equal(m?.confidence, 'high');
    assert.equal(text.slice(m?.offset, (m?.offset ?? 0) + (m?.length ?? 0)), token);
  });

  const providers: [string, string, string][] = [
    ['aws-access-key-id', 'AWS_ACCESS_KEY_ID', join('AK', 'IA', filler(16, 'QWERTZUP234567'))],
    ['gitlab-token', 'GITLAB_TOKEN', join('gl', 'pat-', filler(20))],
    ['slack-token', 'SLACK_TOKEN', join('xo', 'xb-', '4820193765', '-', '7391046285', '-', filler(24))],
    ['stripe-key', 'STRIPE_KEY', join('sk', '_live_', filler(24))],
    ['google-api-key', 'MAPS_KEY', join('AI', 'za', filler(35))],
    ['openai-key', 'OPENAI_API_KEY', join('sk', '-proj-', filler(60))],
    ['anthropic-key', 'ANTHROPIC_API_KEY', join('sk', '-ant-api03-', filler(93), 'AA')],
    ['huggingface-token', 'HF_TOKEN', join('h', 'f_', filler(34, 'aBcDeFgHiJkLmNoPqRsT'))],
    ['npm-token', 'NPM_TOKEN', join('np', 'm_', filler(36))],
    ['sendgrid-key', 'SENDGRID', join('S', 'G.', filler(22), '.', filler(43))],
    ['twilio-key', 'TWILIO_API_KEY', join('S', 'K', filler(32, '0123456789abcdef'))],
  ];
  for (const [detector, name, value] of providers) {
    it(`finds a ${detector} assigned in a .env file`, () => {
      const found = detectSecrets(`${name}=${value}\n`, { path: '.env' });
      assert.deepEqual(found.map((m) => [m.detector, m.masked, m.range.start.character]), [[detector, `${value.slice(0, 4)}…`, name.length + 1]]);
    });
  }

  it('finds a private key block and reports the body, leaving the armour lines', () => {
    const body = [filler(64, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef0123456789+/'), filler(64, 'ghijklmnopqrstuvwxyz0123456789ABCDEF+/')].join('\n');
    const text = join('-----BEG', 'IN RSA PRIVATE KEY-----\n', body, '\n-----END RSA PRIVATE KEY-----\n');
    const [m] = detectSecrets(text, { path: 'certs/server.pem' });
    assert.equal(m?.detector, 'private-key');
    assert.deepEqual(m?.range, { start: { line: 1, character: 0 }, end: { line: 2, character: 64 } });
    assert.equal(redactSecrets(text), join('-----BEG', 'IN RSA PRIVATE KEY-----\n', body.slice(0, 4), '…\n-----END RSA PRIVATE KEY-----\n'));
  });

  it('finds the private key of a service-account JSON file', () => {
    const body = filler(80, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef0123456789+/');
    const key = join('-----BEG', 'IN PRIVATE KEY-----\\n', body, '\\n-----END PRIVATE KEY-----\\n');
    const text = `{\n  "type": "service_account",\n  "private_key": "${key}"\n}\n`;
    const found = detectSecrets(text, { path: 'service-account.json' });
    assert.deepEqual(found.map((m) => [m.detector, m.masked, m.range.start.line]), [['gcp-service-account', `${body.slice(0, 4)}…`, 2]]);
  });

  it('finds a database URL password and masks only the password', () => {
    const text = 'DATABASE_URL=postgres://orders:Vq7rTz2mWx9k@db.internal:5432/orders\n';
    assert.deepEqual(detectSecrets(text, { path: '.env' }).map((m) => [m.detector, m.masked]), [['database-url', 'Vq7r…']]);
    assert.equal(redactSecrets(text), 'DATABASE_URL=postgres://orders:Vq7r…@db.internal:5432/orders\n');
  });

  it('finds a JWT whose header decodes to JSON with an algorithm', () => {
    const b64 = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
    const jwt = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'user-42', scope: 'admin' })}.${filler(43)}`;
    assert.deepEqual(detectSecrets(`Authorization: Bearer ${jwt}\n`).map((m) => m.detector), ['jwt']);
  });

  it('finds a password assignment in Python and keeps the provider match when both apply', () => {
    assert.deepEqual(detectSecrets('DB_PASSWORD = "Tr0ub4dor&3x"\n', { path: 'app/settings.py' }).map((m) => [m.detector, m.title, m.masked]), [['generic-secret', 'Password', 'Tr0u…']]);
    const token = join('gh', 'p_', filler(36));
    assert.deepEqual(detectSecrets(`api_token = "${token}"\n`, { path: 'a.py' }).map((m) => m.detector), ['github-token']);
  });

  it('accepts unquoted values in config files but not expressions in code', () => {
    assert.deepEqual(detectSecrets('smtp:\n  password: Zq8v!mN3pL\n', { path: 'config/mail.yml' }).map((m) => m.range.start.line), [1]);
    assert.deepEqual(detectSecrets('password = request.form.password\n', { path: 'app/views.py' }), []);
    assert.deepEqual(detectSecrets('const password = hashPassword(input, salt2024);\n', { path: 'src/a.ts' }), []);
  });

  it('ignores documented examples, placeholders and references', () => {
    const negatives = [
      join('AWS_ACCESS_KEY_ID=AKIAIOSFODNN7', 'EXAMPLE'),
      'password = "<your-password>"',
      'api_key: "YOUR_API_KEY"',
      'token = "xxx"',
      'SECRET_KEY=changeme',
      join('GITHUB_TOKEN=gh', 'p_', 'x'.repeat(36)),
      'password: ${DB_PASSWORD}',
      'const apiKey = process.env.OPENAI_API_KEY;',
      'NPM_TOKEN: ${{ secrets.NPM_TOKEN }}',
      'password = os.environ["DB_PASSWORD"]',
      'url: postgres://user:password@localhost:5432/app',
      join('STRIPE_KEY=sk', '_test_', filler(24)),
      `"integrity": "sha512-${filler(86, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/')}=="`,
      'request_id = "0f8fad5b-d9cb-469f-a165-70867728950e"',
      'if (password.length < 12) throw new Error("Password too short");',
    ];
    for (const text of negatives) assert.deepEqual(detectSecrets(`${text}\n`, { path: '.env' }).map((m) => m.detector), [], text);
  });

  it('ignores names, paths and messages assigned to keyword-bearing identifiers', () => {
    const texts = [
      'const RefreshTokenClientAcquireToken = "refreshTokenClient.acquireToken";',
      '  key: "_basename",',
      '"secretlint": "bin/secretlint.js",',
      '  idToken: cachedAccount.idToken,',
      'export const CONTINUATION_TOKEN_MISSING = "continuation_token_missing";',
      '"libsecret-1.so.0": "libsecret-1-0",',
      "export const FINGERPRINT_KEY = 'redlineFindingHash/v1';",
      "_TOKEN_REF = r'[A-Z]\\w*(?:_[0-9])?'",
      'toolskey = "VS%0.f0COMNTOOLS" % version',
      '{ "Expected_token_here": "此处应为标记“{0}”。" }',
    ];
    for (const text of texts) assert.deepEqual(detectSecrets(`${text}\n`, { path: 'src/a.ts' }).map((m) => m.detector), [], text);
  });

  it('still reports random letters assigned to a secret name', () => {
    assert.deepEqual(detectSecrets('var secret = "SWECuZUinupRnfbVBZtoRxhk";\n', { path: 'src/a.js' }).map((m) => m.masked), ['SWEC…']);
  });

  it('skips generic assignments in test paths and lowers provider confidence there', () => {
    assert.deepEqual(detectSecrets('password = "Tr0ub4dor&3x"\n', { path: 'test/fixtures/users.py' }), []);
    const token = join('gh', 'p_', filler(36));
    assert.deepEqual(detectSecrets(`t = "${token}"\n`, { path: 'src/auth.test.ts' }).map((m) => m.confidence), ['low']);
  });

  it('never returns the raw secret in any string field', () => {
    const token = join('gh', 'p_', filler(36));
    for (const m of detectSecrets(`a = "${token}"\npassword = "Tr0ub4dor&3x"\n`)) {
      const strings = Object.values(m).filter((v): v is string => typeof v === 'string');
      assert.ok(strings.every((s) => !s.includes(token) && !s.includes('Tr0ub4dor&3x')), JSON.stringify(m));
    }
  });

  it('finds secrets on very long minified lines', () => {
    const token = join('gh', 'p_', filler(36));
    const text = `${'var a=1;'.repeat(20000)}var t="${token}";${'var b=2;'.repeat(20000)}`;
    assert.deepEqual(detectSecrets(text).map((m) => [m.detector, m.range.start.character]), [['github-token', 160007]]);
  });
});

describe('redactSecrets', () => {
  it('replaces every secret with its masked form and leaves other text alone', () => {
    const token = join('gh', 'p_', filler(36));
    const text = `token: ${token}\npassword: "Tr0ub4dor&3x"\nname: demo\n`;
    assert.equal(redactSecrets(text, { path: 'config.yml' }), 'token: ghp_…\npassword: "Tr0u…"\nname: demo\n');
  });

  it('returns text without secrets unchanged', () => {
    assert.equal(redactSecrets('const x = 1;\n'), 'const x = 1;\n');
  });
});

describe('detector safety', () => {
  const adversarial: [string, string][] = [
    ['repeated keywords', 'password=password=password='.repeat(4000)],
    ['a long base64 run', 'A'.repeat(100_000)],
    ['prefixes without bodies', 'ghp_sk-AKIAxoxb-eyJ.'.repeat(5000)],
    ['URL-like user parts', `postgres://${'a'.repeat(100_000)}`],
    ['an open private key block', `-----BEGIN PRIVATE KEY-----\n${'QUJD'.repeat(25_000)}`],
    ['keyword soup on one line', 'secret token key pass '.repeat(5000)],
    ['quotes after assignments', 'api_key = "'.repeat(9000)],
    ['JWT prefixes', 'eyJ'.repeat(33_000)],
    ['JWT-like segments', `eyJ${'a'.repeat(20)}.`.repeat(4000)],
    ['URL scheme separators', '://'.repeat(33_000)],
    ['database URLs without hosts', 'postgres://a:'.repeat(8000)],
    ['unquoted assignments', 'token='.repeat(17_000)],
  ];
  for (const [name, text] of adversarial) {
    it(`scans 100 kB of ${name} in under a second`, () => {
      const t0 = Date.now();
      detectSecrets(text);
      assert.ok(Date.now() - t0 < 1000, `${name} took ${Date.now() - t0} ms`);
    });
  }
});
