// "Redline: Run Check on Changes": the same check as `redline check`, in-process, shown in the Problems view.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { codeOf, commitFile, lineOf } from '../fileHelpers';
import { ROUTES_AFTER_AI, ROUTES_BEFORE } from '../routeFixtures';

interface CheckSummary {
  readonly folders: number;
  readonly findings: number;
  readonly checkpoints: number;
  readonly errors: readonly string[];
}

suite('Run check on changes', () => {
  test('a saved change that drops requireAuth shows a "Redline check" error on the route line in the Problems view', async () => {
    const uri = commitFile('src/check/orders.js', ROUTES_BEFORE);
    fs.writeFileSync(uri.fsPath, ROUTES_AFTER_AI);
    try {
      const summary = await vscode.commands.executeCommand<CheckSummary>('redline.runCheck');
      assert.deepStrictEqual(summary.errors, []);
      assert.ok(summary.findings >= 1, `expected a finding, got ${JSON.stringify(summary)}`);
      const diagnostics = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Redline check');
      const d = diagnostics.find((x) => codeOf(x) === 'auth-check-removed');
      assert.ok(d, `no auth-check-removed from Redline check on orders.js: ${JSON.stringify(diagnostics.map((x) => x.message))}`);
      assert.strictEqual(d.range.start.line, lineOf(ROUTES_AFTER_AI, "router.delete('/projects/:id'"));
      assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
      assert.match(d.message, /`requireAuth` was removed from route `DELETE \/projects\/:id`/);
      assert.ok(typeof d.code === 'object' && d.code.target.toString().endsWith('/docs/rules/auth-check-removed.md'));
    } finally {
      fs.writeFileSync(uri.fsPath, ROUTES_BEFORE);
    }
    await vscode.commands.executeCommand('redline.runCheck');
    const after = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Redline check');
    assert.deepStrictEqual(after.map((d) => d.message), [], 'the diagnostic stays after the change is undone');
  });
});
