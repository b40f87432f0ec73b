// `redline check --format sarif`: valid against the official SARIF 2.1.0 schema, rules from the registry,
// the annotation on the right line, fingerprints that survive unrelated edits, acknowledgements as suppressions.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import { allRuleMetas } from '../../../src/core/rules';
import { run } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';

const schemaPath = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json');

function sarifValidator(): (data: unknown) => string[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///base/') && !/\s/.test(s));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')) as object);
  return (data) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`));
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function write(dir: string, files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
}

function repo(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'redline-sarif-')));
  git(dir, '-c', 'init.defaultBranch=main', 'init', '-q');
  git(dir, 'config', 'user.name', 'Redline Test');
  git(dir, 'config', 'user.email', 'test@example.com');
  git(dir, 'config', 'commit.gpgsign', 'false');
  write(dir, files);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--no-verify', '-m', 'initial');
  return dir;
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: string; state: string; justification: string }[];
}
interface SarifLog {
  version: string;
  runs: { tool: { driver: { name: string; rules: { id: string; helpUri: string; shortDescription: { text: string } }[] } }; results: SarifResult[] }[];
}

async function sarif(dir: string, ...args: string[]): Promise<{ code: number; log: SarifLog; raw: unknown }> {
  const io = { stdout: '', stderr: '', cwd: dir, env: {}, isTTY: false, out(t: string) { io.stdout += t; }, err(t: string) { io.stderr += t; } } satisfies CliIo & { stdout: string; stderr: string };
  const code = await run(['check', '--format', 'sarif', ...args], io);
  assert.equal(io.stderr, '');
  const raw = JSON.parse(io.stdout) as unknown;
  return { code, log: raw as SarifLog, raw };
}

const route = (prefix: string, middleware: string): string => `${prefix}const express = require('express');
const router = express.Router();

router.post('/invoices/:id/refund', ${middleware}async (req, res) => {
  await billing.refund(req.params.id);
  res.json({ ok: true });
});

module.exports = router;
`;

describe('redline check --format sarif', () => {
  const validate = sarifValidator();
  const dirs: string[] = [];
  after(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });
  const fresh = (files: Record<string, string>): string => {
    const dir = repo(files);
    dirs.push(dir);
    return dir;
  };

  it('validates against the SARIF 2.1.0 schema and puts the annotation on the line of the route that lost requireAuth', async () => {
    const dir = fresh({ 'src/routes/billing.js': route('', 'requireAuth, ') });
    write(dir, { 'src/routes/billing.js': route('', '') });
    const { code, log, raw } = await sarif(dir);
    assert.equal(code, 1);
    assert.deepEqual(validate(raw), []);
    assert.equal(log.version, '2.1.0');
    const [result] = log.runs[0]?.results ?? [];
    assert.ok(result);
    assert.equal(result.ruleId, 'auth-check-removed');
    assert.equal(result.level, 'error');
    assert.equal(result.message.text, '`requireAuth` was removed from route `POST /invoices/:id/refund`');
    assert.deepEqual(result.locations[0]?.physicalLocation.artifactLocation.uri, 'src/routes/billing.js');
    assert.deepEqual(result.locations[0]?.physicalLocation.region.startLine, 4);
    assert.equal(log.runs[0]?.tool.driver.rules[result.ruleIndex]?.id, 'auth-check-removed');
  });

  it('lists every registered rule with a helpUri to its docs page', async () => {
    const dir = fresh({ 'a.txt': 'a\n' });
    const { code, log, raw } = await sarif(dir);
    assert.equal(code, 0);
    assert.deepEqual(validate(raw), []);
    const rules = log.runs[0]?.tool.driver.rules ?? [];
    assert.deepEqual(rules.map((r) => r.id), allRuleMetas().map((m) => m.id));
    const auth = rules.find((r) => r.id === 'auth-check-removed');
    assert.equal(auth?.helpUri, 'https://github.com/redline-dev/redline/blob/main/docs/rules/auth-check-removed.md');
    assert.deepEqual(log.runs[0]?.results, []);
  });

  it('keeps the same partial fingerprint when lines are added above the finding', async () => {
    const dir = fresh({ 'src/routes/billing.js': route('', 'requireAuth, ') });
    write(dir, { 'src/routes/billing.js': route('', '') });
    const first = (await sarif(dir)).log.runs[0]?.results[0];
    write(dir, { 'src/routes/billing.js': route("'use strict';\n// Refunds for the billing team.\n", '') });
    const second = (await sarif(dir)).log.runs[0]?.results[0];
    assert.equal(first?.locations[0]?.physicalLocation.region.startLine, 4);
    assert.equal(second?.locations[0]?.physicalLocation.region.startLine, 6);
    assert.match(Object.values(first?.partialFingerprints ?? {})[0] ?? '', /^[0-9a-f]{64}$/);
    assert.deepEqual(second?.partialFingerprints, first?.partialFingerprints);
  });

  it('reports an acknowledged finding as an accepted external suppression with its reason', async () => {
    const dir = fresh({ 'src/routes/billing.js': route('', 'requireAuth, ') });
    write(dir, { 'src/routes/billing.js': route('', '') });
    const io = { stdout: '', stderr: '', cwd: dir, env: {}, isTTY: false, out(t: string) { io.stdout += t; }, err(t: string) { io.stderr += t; } };
    await run(['check', '--format', 'json'], io);
    const fingerprint = (JSON.parse(io.stdout) as { findings: { fingerprint: string }[] }).findings[0]?.fingerprint;
    write(dir, {
      '.redline/policy.jsonc': '{ "version": 1, "acknowledgements": { "inRepository": true } }\n',
      '.redline/acknowledgements.json': JSON.stringify({ version: 1, acknowledgements: [{ ruleId: 'auth-check-removed', fingerprint, file: 'src/routes/billing.js', reason: 'Refunds are internal-only behind the VPN', time: '2026-01-05T10:00:00Z' }] }),
    });
    const { code, log, raw } = await sarif(dir);
    assert.equal(code, 0);
    assert.deepEqual(validate(raw), []);
    assert.deepEqual(log.runs[0]?.results.map((r) => [r.ruleId, r.suppressions]), [
      ['auth-check-removed', [{ kind: 'external', state: 'accepted', justification: 'Refunds are internal-only behind the VPN' }]],
    ]);
  });

  it('uses a schema that rejects malformed SARIF (a suppression with `status`, a region at line 0)', () => {
    const log = { version: '2.1.0', runs: [{ tool: { driver: { name: 'Redline' } }, results: [{ message: { text: 'x' }, suppressions: [{ kind: 'external', status: 'accepted' }],
      locations: [{ physicalLocation: { artifactLocation: { uri: 'a.js' }, region: { startLine: 0 } } }] }] }] };
    assert.deepEqual(validate(log), [
      '/runs/0/results/0/locations/0/physicalLocation/region/startLine must be >= 1',
      '/runs/0/results/0/suppressions/0 must NOT have additional properties',
    ]);
  });

  it('encodes unusual file names as URI references that still validate', async () => {
    const dir = fresh({ 'src/my routes/bill#ing.js': route('', 'requireAuth, ') });
    write(dir, { 'src/my routes/bill#ing.js': route('', '') });
    const { log, raw } = await sarif(dir);
    assert.deepEqual(validate(raw), []);
    assert.equal(log.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri, 'src/my%20routes/bill%23ing.js');
  });
});
