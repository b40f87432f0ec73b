import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { applyAssistantEdit, commitFile, redlineApi, waitForDiagnostic } from '../fileHelpers';
import { ROUTES_AFTER_AI, ROUTES_BEFORE } from '../routeFixtures';
import { waitFor, workspaceFolder } from '../helpers';
import type { FindingRef } from '../../../../src/extension/findingLookup';

const policyFile = (): string => path.join(workspaceFolder().uri.fsPath, '.redline', 'policy.jsonc');

function writePolicy(text: string): void {
  fs.mkdirSync(path.dirname(policyFile()), { recursive: true });
  fs.writeFileSync(policyFile(), text);
}

suite('Workspace policy and audit log', function () {
  this.timeout(90000);
  suiteTeardown(() => fs.rmSync(path.dirname(policyFile()), { recursive: true, force: true }));

  test('a policy written into the workspace changes a finding\'s severity live; a malformed one is reported and the last good one stays', async () => {
    const uri = commitFile('src/routes/policy-a.js', ROUTES_BEFORE);
    await applyAssistantEdit(uri, ROUTES_AFTER_AI);
    const error = await waitForDiagnostic(uri, 'auth-check-removed');
    assert.strictEqual(error.severity, vscode.DiagnosticSeverity.Error);

    writePolicy('{\n  // Team policy\n  "version": 1,\n  "rules": { "auth-check-removed": "warning" }\n}\n');
    await waitFor(() => vscode.languages.getDiagnostics(uri).find((d) => d.source === 'Redline' && d.severity === vscode.DiagnosticSeverity.Warning), 'severity lowered to warning by the policy', 30000);

    writePolicy('{\n  "version": 1,\n  "rules": { "auth-check-removed": "eror" }\n}\n');
    const policyUri = vscode.Uri.file(policyFile());
    const problem = await waitFor(() => vscode.languages.getDiagnostics(policyUri).find((d) => d.source === 'Redline policy'), 'a diagnostic in the policy file', 30000);
    assert.strictEqual(problem.range.start.line, 2);
    const api = await redlineApi();
    await api.analyzeNow(uri);
    assert.ok(vscode.languages.getDiagnostics(uri).some((d) => d.source === 'Redline' && d.severity === vscode.DiagnosticSeverity.Warning), 'the last good policy stays in force');
  });

  test('an acknowledgement lands in the audit log with its reason, and the chain verifies', async () => {
    const uri = commitFile('src/routes/policy-b.js', ROUTES_BEFORE);
    const doc = await applyAssistantEdit(uri, ROUTES_AFTER_AI);
    await waitForDiagnostic(uri, 'auth-check-removed');
    const api = await redlineApi();
    const finding = api.reviews().find((r) => r.uri.toString() === uri.toString())!.findings[0]!;
    const ref: FindingRef = { uri: uri.toString(), ruleId: finding.ruleId, ...(finding.fingerprint ? { fingerprint: finding.fingerprint } : {}), version: doc.version };
    await vscode.commands.executeCommand('redline.acknowledgeFinding', ref, 'Gateway enforces auth for DELETE (SEC-9)');
    const dir = api.auditDirectory();
    assert.ok(dir, 'the audit log has a directory');
    const entry = await waitFor(() => {
      const lines = fs.existsSync(dir) ? fs.readdirSync(dir).flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n')) : [];
      return lines.filter(Boolean).map((l) => JSON.parse(l) as { type: string; file: string; data: { reason?: string } })
        .find((e) => e.type === 'acknowledge' && e.file === 'src/routes/policy-b.js');
    }, 'acknowledge entry in the audit log');
    assert.strictEqual(entry.data.reason, 'Gateway enforces auth for DELETE (SEC-9)');
    const verification = await vscode.commands.executeCommand<{ ok: boolean; entries: unknown[] }>('redline.verifyAuditLog');
    assert.strictEqual(verification?.ok, true);
    assert.ok(verification.entries.length >= 3, 'ai-edit, finding and acknowledge entries at least');
  });

  test('Create Workspace Policy scaffolds .redline/policy.jsonc from the current settings', async () => {
    fs.rmSync(policyFile(), { force: true });
    const uri = await vscode.commands.executeCommand<vscode.Uri>('redline.createPolicy');
    assert.ok(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.match(doc.getText(), /"version": 1/);
    await doc.save();
    const report = await vscode.commands.executeCommand<vscode.TextDocument>('redline.showEffectivePolicy');
    assert.match(report.getText(), /\| `aiEdit\.minLines` \| `3` \|/);
  });
});
