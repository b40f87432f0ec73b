// Guardrail engine behaviour on small, inline before/after pairs.
import * as assert from 'node:assert/strict';
import { analyze, applyEdits, lines, summary } from './helpers';

const expressBefore = lines(
  "const express = require('express');",
  "const { requireAuth } = require('./auth');",
  'const router = express.Router();',
  '',
  "router.get('/users', async (req, res) => {",
  '  res.json(await users.list());',
  '});',
  '',
  "router.delete('/users/:id', requireAuth, async (req, res) => {",
  '  await users.remove(req.params.id);',
  '  res.sendStatus(204);',
  '});',
);

describe('guardrail engine', () => {
  it('flags requireAuth removed from DELETE /users/:id, with message, context and ranges', async () => {
    const after = expressBefore.replace("'/users/:id', requireAuth, async", "'/users/:id', async");
    const { findings, language } = await analyze(expressBefore, after, 'javascript');
    assert.equal(language, 'parsed');
    assert.deepEqual(summary(findings), ['auth-check-removed@9:dropped']);
    const f = findings[0];
    assert.equal(f?.message, '`requireAuth` was removed from route `DELETE /users/:id`');
    assert.equal(f?.context, 'DELETE /users/:id');
    assert.equal(f?.severity, 'error');
    assert.equal(f?.removedSnippet, 'requireAuth');
    assert.deepEqual(f?.relatedRange?.start, { line: 8, character: 28 });
    assert.match(f?.fingerprint ?? '', /^auth-check-removed:[0-9a-f]{8}$/);
  });

  it('restores the middleware argument so that a second analysis finds nothing', async () => {
    const after = expressBefore.replace("'/users/:id', requireAuth, async", "'/users/:id', async");
    const { findings } = await analyze(expressBefore, after, 'javascript');
    const restore = findings[0]?.restore ?? [];
    assert.equal(restore.length, 1);
    const restored = applyEdits(after, restore);
    assert.equal(restored, expressBefore);
    assert.deepEqual((await analyze(expressBefore, restored, 'javascript')).findings, []);
  });

  it('keeps the fingerprint stable when unrelated lines move', async () => {
    const after = expressBefore.replace("'/users/:id', requireAuth, async", "'/users/:id', async");
    const shifted = `// header\n\n${after}`;
    const a = (await analyze(expressBefore, after, 'javascript')).findings[0];
    const b = (await analyze(`// header\n\n${expressBefore}`, shifted, 'javascript')).findings[0];
    assert.equal(a?.range.start.line, 8);
    assert.equal(b?.range.start.line, 10);
    assert.equal(a?.fingerprint, b?.fingerprint);
  });

  it('reports nothing when the middleware moves to router.use', async () => {
    const after = expressBefore
      .replace("'/users/:id', requireAuth, async", "'/users/:id', async")
      .replace('const router = express.Router();', 'const router = express.Router();\nrouter.use(requireAuth);');
    assert.deepEqual((await analyze(expressBefore, after, 'javascript')).findings, []);
  });

  it('reports nothing for a rename, a reformat and a reorder of the same routes', async () => {
    const after = lines(
      "const express = require('express');",
      "const { requireAuth: ensureSignedIn } = require('./auth');",
      'const router = express.Router();',
      '',
      'router.delete(',
      "  '/users/:id',",
      '  ensureSignedIn,',
      '  async (req, res) => {',
      '    await users.remove(req.params.id);',
      '    res.sendStatus(204);',
      '  },',
      ');',
      '',
      "router.get('/users', async (req, res) => res.json(await users.list()));",
    );
    assert.deepEqual((await analyze(expressBefore, after, 'javascript')).findings, []);
  });

  it('reports nothing when an ownership check is extracted into a helper that is still called', async () => {
    const before = lines(
      'async function updateDoc(req, res) {',
      '  const doc = await Doc.findById(req.params.id);',
      '  if (doc.ownerId !== req.user.id) {',
      "    return res.status(403).send('Forbidden');",
      '  }',
      '  await doc.update(req.body);',
      '}',
    );
    const after = lines(
      'function assertOwner(doc, user) {',
      '  if (doc.ownerId !== user.id) {',
      "    throw new ForbiddenError('not yours');",
      '  }',
      '}',
      '',
      'async function updateDoc(req, res) {',
      '  const doc = await Doc.findById(req.params.id);',
      '  assertOwner(doc, req.user);',
      '  await doc.update(req.body);',
      '}',
    );
    assert.deepEqual((await analyze(before, after, 'javascript')).findings, []);
  });

  it('flags a removed ownership check at the function header and restores the statement block', async () => {
    const before = lines(
      'async function updateDoc(req, res) {',
      '  const doc = await Doc.findById(req.params.id);',
      '  if (doc.ownerId !== req.user.id) {',
      "    return res.status(403).send('Forbidden');",
      '  }',
      '  await doc.update(req.body);',
      '}',
    );
    const after = lines(
      'async function updateDoc(req, res) {',
      '  const doc = await Doc.findById(req.params.id);',
      '  await doc.update(req.body);',
      '}',
    );
    const { findings } = await analyze(before, after, 'javascript');
    assert.deepEqual(summary(findings), ['auth-check-removed@1:dropped']);
    assert.match(findings[0]?.message ?? '', /^The check `if doc\.ownerId !== req\.user\.id` was removed from function `updateDoc`$/);
    const restored = applyEdits(after, findings[0]?.restore ?? []);
    assert.equal(restored, before);
    assert.deepEqual((await analyze(before, restored, 'javascript')).findings, []);
  });

  it('flags login_required removed from a Flask view and restores the decorator', async () => {
    const before = lines(
      'from flask_login import login_required',
      '',
      "@app.route('/invoices/<int:id>', methods=['DELETE'])",
      '@login_required',
      'def delete_invoice(id):',
      '    invoices.delete(id)',
      "    return '', 204",
    );
    const after = before.replace('@login_required\n', '');
    const { findings } = await analyze(before, after, 'python');
    assert.deepEqual(summary(findings), ['auth-check-removed@4:dropped']);
    assert.equal(findings[0]?.message, '`@login_required` was removed from route `DELETE /invoices/<int:id>`');
    const restored = applyEdits(after, findings[0]?.restore ?? []);
    assert.equal(restored, before);
  });

  it('flags a rate limit raised a hundredfold as weakened, not a modest raise', async () => {
    const before = lines("const limiter = rateLimit({ windowMs: 60000, max: 30 });", "app.post('/login', limiter, login);");
    const raised = (await analyze(before, before.replace('max: 30', 'max: 3000'), 'javascript')).findings;
    assert.deepEqual(summary(raised), ['rate-limit-removed@1:weakened']);
    assert.match(raised[0]?.message ?? '', /`max` was weakened .*raised from 30 to 3000/);
    assert.deepEqual((await analyze(before, before.replace('max: 30', 'max: 45'), 'javascript')).findings, []);
  });

  it('flags InsecureSkipVerify in Go and verify=False in Python as TLS downgrades', async () => {
    const go = lines('package main', '', 'func client() *http.Client {', '\tcfg := &tls.Config{MinVersion: tls.VersionTLS12}', '\treturn newClient(cfg)', '}');
    const goAfter = go.replace('MinVersion: tls.VersionTLS12}', 'MinVersion: tls.VersionTLS12, InsecureSkipVerify: true}');
    const g = (await analyze(go, goAfter, 'go')).findings;
    assert.deepEqual(summary(g), ['tls-verification-disabled@4:downgraded']);
    assert.match(g[0]?.message ?? '', /InsecureSkipVerify/);
    const py = lines('def fetch(url):', '    return requests.get(url, timeout=5)');
    const p = (await analyze(py, py.replace('timeout=5)', 'timeout=5, verify=False)'), 'python')).findings;
    assert.deepEqual(summary(p), ['tls-verification-disabled@2:downgraded']);
  });

  it('flags subprocess with a list replaced by shell=True', async () => {
    const before = lines('def backup(db):', '    subprocess.run(["pg_dump", "-d", db], check=True)');
    const after = lines('def backup(db):', '    subprocess.run(f"pg_dump -d {db}", shell=True, check=True)');
    const f = (await analyze(before, after, 'python')).findings;
    assert.deepEqual(summary(f), ['shell-injection-introduced@2:downgraded']);
    assert.match(f[0]?.message ?? '', /shell=True/);
  });

  it('flags @PreAuthorize removed from a Spring handler', async () => {
    const before = lines(
      '@RestController',
      '@RequestMapping("/users")',
      'class UserController {',
      '  @PreAuthorize("hasRole(\'ADMIN\')")',
      '  @DeleteMapping("/{id}")',
      '  public void delete(@PathVariable Long id) { users.delete(id); }',
      '}',
    );
    const after = before.replace('  @PreAuthorize("hasRole(\'ADMIN\')")\n', '');
    const f = (await analyze(before, after, 'java')).findings;
    assert.deepEqual(summary(f), ['auth-check-removed@5:dropped']);
    assert.match(f[0]?.message ?? '', /^`@PreAuthorize\("hasRole\('ADMIN'\)"\)` was removed from route `DELETE \/users\/\{id\}`$/);
  });

  it('ignores guard names that only appear in comments and strings', async () => {
    const before = lines("app.get('/a', (req, res) => {", "  // requireAuth is applied upstream", "  res.send('requireAuth');", '});');
    const after = lines("app.get('/a', (req, res) => {", "  res.send('ok');", '});');
    assert.deepEqual((await analyze(before, after, 'javascript')).findings, []);
  });
});
