// Every subcommand reads the same workspace policy as the editor (--policy or .redline/policy.jsonc).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';

const token = ['gh', 'p_', 'Vb7Nq2Lm9Rt4Xx1Wc8Pc6Yd3Hf5Jg0Ks2AeZ'].join('');

function fakeIo(cwd: string): CliIo & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', out(t: string) { io.stdout += t; }, err(t: string) { io.stderr += t; }, cwd, env: {}, isTTY: false };
  return io;
}

function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'redline-policy-flag-'));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  }
  return root;
}

describe('--policy on redline scan and redline exposure', () => {
  it('scan applies the policy in .redline/policy.jsonc: a rule set to info keeps the finding at info', async () => {
    const root = tree({ 'src/client.ts': `export const token = "${token}";\n`, '.redline/policy.jsonc': '{ "version": 1, "rules": { "secret-in-code": "info" } }\n' });
    const io = fakeIo(root);
    assert.equal(await run(['scan', '--format', 'json'], io), 1);
    const out = JSON.parse(io.stdout) as { findings: Array<{ ruleId: string; severity: string }> };
    assert.deepEqual(out.findings.map((f) => [f.ruleId, f.severity]), [['secret-in-code', 'info']]);
  });

  it('scan with a policy that switches the rule off reports nothing and exits 0', async () => {
    const root = tree({ 'src/client.ts': `export const token = "${token}";\n`, 'team.jsonc': '{ "version": 1, "rules": { "secret-in-code": "off" } }\n' });
    const io = fakeIo(root);
    assert.equal(await run(['scan', '--policy', 'team.jsonc'], io), 0);
    assert.match(io.stdout, /^No findings/);
  });

  it('a malformed policy is a usage error naming file, line and column', async () => {
    const root = tree({ 'src/a.ts': 'export const a = 1;\n', '.redline/policy.jsonc': '{\n  "version": 1,\n  "rules": { "secret-in-code": "loud" }\n}\n' });
    const io = fakeIo(root);
    assert.equal(await run(['scan'], io), 2);
    assert.match(io.stderr, /\.redline\/policy\.jsonc:3:\d+:/);
  });

  it('exposure uses the policy\'s extra sensitive globs', async () => {
    const root = tree({ 'AGENTS.md': '# Agents\n', 'exports/customers.csv': 'id,email\n1,a@example.com\n', '.redline/policy.jsonc': '{ "version": 1, "sensitive": ["exports/**"] }\n' });
    const io = fakeIo(root);
    assert.equal(await run(['exposure', '--format', 'json'], io), 1);
    const out = JSON.parse(io.stdout) as { findings: Array<{ file: string }> };
    assert.ok(out.findings.some((f) => f.file === 'exports/customers.csv'), io.stdout);
  });
});

describe('--policy on redline diff', () => {
  it('applies the policy\'s rule levels to the findings', async () => {
    const before = "router.delete('/a/:id', requireAuth, async (req, res) => {\n  res.status(204).end();\n});\n";
    const after = "router.delete('/a/:id', async (req, res) => {\n  res.status(204).end();\n});\n";
    const root = tree({ 'before.js': before, 'after.js': after, 'lenient.jsonc': '{ "version": 1, "rules": { "auth-check-removed": "warning" } }\n', 'off.jsonc': '{ "version": 1, "rules": { "auth-check-removed": "off" } }\n' });
    const io = fakeIo(root);
    assert.equal(await run(['diff', 'before.js', 'after.js', '--format', 'json', '--policy', 'lenient.jsonc'], io), 1);
    const report = JSON.parse(io.stdout) as { findings: Array<{ ruleId: string; severity: string }> };
    assert.deepEqual(report.findings.map((f) => [f.ruleId, f.severity]), [['auth-check-removed', 'warning']]);
    const off = fakeIo(root);
    assert.equal(await run(['diff', 'before.js', 'after.js', '--policy', 'off.jsonc'], off), 0);
  });
});
