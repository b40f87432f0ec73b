import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { applyAssistantEdit, codeOf, commitFile, lineOf, redlineApi, redlineDiagnostics, sleep, waitForDiagnostic, waitForNoDiagnostics } from '../fileHelpers';
import { ROUTES_AFTER_AI, ROUTES_BEFORE } from '../routeFixtures';
import { waitFor } from '../helpers';
import type { FindingRef } from '../../../../src/extension/findingLookup';

suite('Edit watcher: dropped guardrails inline', () => {
  test('an assistant rewrite that drops requireAuth gets a diagnostic on the route line, with rule code and docs link', async () => {
    const uri = commitFile('src/routes/projects-a.js', ROUTES_BEFORE);
    const doc = await applyAssistantEdit(uri, ROUTES_AFTER_AI);
    const d = await waitForDiagnostic(uri, 'auth-check-removed');
    assert.strictEqual(d.range.start.line, lineOf(ROUTES_AFTER_AI, "router.delete('/projects/:id'"));
    assert.match(d.message, /`requireAuth` was removed from route `DELETE \/projects\/:id`/);
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(typeof d.code === 'object' && d.code.target.path.endsWith('/docs/rules/auth-check-removed.md'));
    assert.strictEqual(d.relatedInformation?.[0]?.location.uri.scheme, 'redline-baseline');
    const api = await redlineApi();
    const review = api.reviews().find((r) => r.uri.toString() === uri.toString());
    assert.ok(review, 'the file is in the Review view');
    assert.strictEqual(review.edits[review.edits.length - 1]?.editClass, 'bulk');
    assert.strictEqual(doc.getText(), ROUTES_AFTER_AI);
  });

  test('Restore guardrail puts requireAuth back in one undoable edit and the finding clears', async () => {
    const uri = commitFile('src/routes/projects-b.js', ROUTES_BEFORE);
    const doc = await applyAssistantEdit(uri, ROUTES_AFTER_AI);
    await waitForDiagnostic(uri, 'auth-check-removed');
    const api = await redlineApi();
    const finding = api.reviews().find((r) => r.uri.toString() === uri.toString())!.findings[0]!;
    const ref: FindingRef = { uri: uri.toString(), ruleId: finding.ruleId, ...(finding.fingerprint ? { fingerprint: finding.fingerprint } : {}), version: doc.version };
    assert.strictEqual(await vscode.commands.executeCommand('redline.restoreGuardrail', ref), true);
    assert.match(doc.getText(), /router\.delete\('\/projects\/:id', requireAuth, async/);
    await waitForNoDiagnostics(uri);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.doesNotMatch(doc.getText(), /router\.delete\('\/projects\/:id', requireAuth/);
  });

  test('typing the same change character by character raises nothing', async () => {
    const uri = commitFile('src/routes/projects-c.js', ROUTES_BEFORE);
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const line = lineOf(ROUTES_BEFORE, "router.delete('/projects/:id'");
    const start = doc.lineAt(line).text.indexOf('requireAuth, ');
    for (let i = 0; i < 'requireAuth, '.length; i++) {
      await editor.edit((b) => b.delete(new vscode.Range(line, start, line, start + 1)));
    }
    assert.doesNotMatch(doc.lineAt(line).text, /requireAuth/);
    await sleep(800);
    assert.deepStrictEqual(redlineDiagnostics(uri), []);
    const api = await redlineApi();
    assert.strictEqual(api.analysisStats(uri).runs, 0);
    const classes = api.recentEdits().filter((e) => e.uri === uri.toString()).map((e) => e.editClass);
    assert.strictEqual(classes.length, 'requireAuth, '.length);
    assert.deepStrictEqual(classes.filter((c) => c === 'bulk' || c === 'paste' || c === 'external'), []);
  });

  test('a write to disk by another process (an agent) is caught in a file no editor shows', async () => {
    const uri = commitFile('src/routes/projects-d.js', ROUTES_BEFORE);
    fs.writeFileSync(uri.fsPath, ROUTES_AFTER_AI);
    const d = await waitForDiagnostic(uri, 'auth-check-removed', 20000);
    assert.strictEqual(d.range.start.line, lineOf(ROUTES_AFTER_AI, "router.delete('/projects/:id'"));
    const api = await redlineApi();
    const review = api.reviews().find((r) => r.uri.toString() === uri.toString());
    assert.strictEqual(review?.edits[review.edits.length - 1]?.editClass, 'external');
  });

  test('undo of the assistant edit restores the code and clears the finding', async () => {
    const uri = commitFile('src/routes/projects-e.js', ROUTES_BEFORE);
    const doc = await applyAssistantEdit(uri, ROUTES_AFTER_AI);
    await vscode.window.showTextDocument(doc);
    await waitForDiagnostic(uri, 'auth-check-removed');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), ROUTES_BEFORE);
    await waitForNoDiagnostics(uri);
    const api = await redlineApi();
    await waitFor(() => !api.reviews().some((r) => r.uri.toString() === uri.toString()), 'the file leaves the Review view');
  });

  test('Acknowledge with a reason removes the finding for that code, and it stays away on re-analysis', async () => {
    const uri = commitFile('src/routes/projects-f.js', ROUTES_BEFORE);
    const doc = await applyAssistantEdit(uri, ROUTES_AFTER_AI);
    await waitForDiagnostic(uri, 'auth-check-removed');
    const api = await redlineApi();
    const finding = api.reviews().find((r) => r.uri.toString() === uri.toString())!.findings[0]!;
    const ref: FindingRef = { uri: uri.toString(), ruleId: finding.ruleId, ...(finding.fingerprint ? { fingerprint: finding.fingerprint } : {}), version: doc.version };
    assert.strictEqual(await vscode.commands.executeCommand('redline.acknowledgeFinding', ref, 'Deletion is gated at the API gateway (SEC-142)'), true);
    await waitForNoDiagnostics(uri);
    await api.analyzeNow(uri);
    assert.deepStrictEqual(redlineDiagnostics(uri).map(codeOf), []);
  });

  test('200 rapid edits after an AI edit run the engine a bounded number of times', async () => {
    const uri = commitFile('src/routes/projects-g.js', ROUTES_BEFORE);
    const doc = await applyAssistantEdit(uri, ROUTES_AFTER_AI);
    const editor = await vscode.window.showTextDocument(doc);
    await waitForDiagnostic(uri, 'auth-check-removed');
    const api = await redlineApi();
    const before = api.analysisStats(uri).runs;
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    for (let i = 0; i < 200; i++) {
      await editor.edit((b) => b.insert(end, 'x'), { undoStopBefore: false, undoStopAfter: false });
    }
    await sleep(1000);
    const runs = api.analysisStats(uri).runs - before;
    assert.ok(runs >= 1 && runs <= 10, `engine ran ${runs} times for 200 edits`);
    await waitForDiagnostic(uri, 'auth-check-removed');
  });

  test('Mark file reviewed empties the Review view for that file and moves its baseline', async () => {
    const uri = commitFile('src/routes/projects-h.js', ROUTES_BEFORE);
    await applyAssistantEdit(uri, ROUTES_AFTER_AI);
    await waitForDiagnostic(uri, 'auth-check-removed');
    await vscode.commands.executeCommand('redline.markFileReviewed', uri.toString());
    await waitForNoDiagnostics(uri);
    const api = await redlineApi();
    assert.ok(!api.reviews().some((r) => r.uri.toString() === uri.toString()));
  });

  test('an AI edit to a review-required path joins the Review view even without findings', async () => {
    const uri = commitFile('src/middleware/cors.js', 'module.exports = function cors(req, res, next) {\n  next();\n};\n');
    await applyAssistantEdit(uri, '// Allows the dashboard origin.\nmodule.exports = function cors(req, res, next) {\n  res.set(\'Vary\', \'Origin\');\n  next();\n};\n');
    const api = await redlineApi();
    const review = await waitFor(() => api.reviews().find((r) => r.uri.toString() === uri.toString()), 'review of cors.js');
    assert.strictEqual(review.reviewRequired, true);
    assert.deepStrictEqual(review.findings, []);
    await waitFor(() => /Redline [1-9]/.test(api.status().text) ? true : undefined, 'status bar count');
  });

  test('redline.enabled off: AI edits are not flagged and the status bar says so', async () => {
    const config = vscode.workspace.getConfiguration('redline');
    await config.update('enabled', false, vscode.ConfigurationTarget.Workspace);
    try {
      const api = await redlineApi();
      await waitFor(() => (api.status().text.includes('off') ? true : undefined), 'status bar shows Redline off');
      const uri = commitFile('src/routes/projects-off.js', ROUTES_BEFORE);
      await applyAssistantEdit(uri, ROUTES_AFTER_AI);
      await sleep(1000);
      assert.deepStrictEqual(redlineDiagnostics(uri), []);
      assert.ok(!api.reviews().some((r) => r.uri.toString() === uri.toString()));
    } finally {
      await config.update('enabled', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('the demo AI edit needs the demo layout and produces findings there', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('redline.runDemoAiEdit');
    // The test workspace has src/routes/invoices.js like the demo: the demo edit applies to it.
    assert.ok(uri, 'demo edit applied');
    await waitForDiagnostic(uri, 'auth-check-removed');
  });
});
