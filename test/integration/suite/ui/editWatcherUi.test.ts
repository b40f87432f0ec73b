import * as assert from 'assert';
import * as vscode from 'vscode';
import { applyAssistantEdit, commitFile, lineOf, redlineApi, waitForDiagnostic } from '../fileHelpers';
import { ROUTES_AFTER_AI, ROUTES_BEFORE } from '../routeFixtures';
import { ui } from '../helpers';

suite('UI: a dropped guardrail as the user sees it', () => {
  test('squiggle, end-of-line note, hover and the Review view are on screen', async () => {
    // Earlier suites leave files in the Review view; a short list keeps this file's row in sight.
    for (const r of (await redlineApi()).reviews()) await vscode.commands.executeCommand('redline.markFileReviewed', r.uri.toString());
    const uri = commitFile('src/routes/projects-ui.js', ROUTES_BEFORE);
    const doc = await applyAssistantEdit(uri, ROUTES_AFTER_AI);
    const editor = await vscode.window.showTextDocument(doc);
    await waitForDiagnostic(uri, 'auth-check-removed');
    const line = lineOf(ROUTES_AFTER_AI, "router.delete('/projects/:id'");
    editor.selection = new vscode.Selection(line, 10, line, 10);
    await vscode.commands.executeCommand('redline.review.focus');
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('editor.action.showHover');
    const r = await ui('guardrail-removed', [
      { action: 'waitFor', selector: '.monaco-editor .squiggly-error' },
      { action: 'text', selector: '.monaco-editor .view-lines' },
      { action: 'waitFor', selector: '.monaco-hover-content:has-text("Redline")' },
      { action: 'waitFor', selector: '.part.sidebar .title:has-text("Review")' },
      { action: 'waitFor', selector: '.monaco-list-row:has-text("projects-ui.js")' },
      { action: 'waitFor', selector: '.codelens-decoration:has-text("guardrail")' },
      { action: 'screenshot', name: 'guardrail-removed' },
    ]);
    assert.ok(r.ok, r.error);
    assert.match(r.results[2]?.text ?? '', /`?requireAuth`? was removed from route/);
    assert.match(r.results[5]?.text ?? '', /guardrail removed by an AI edit/);
  });
});
