import * as assert from 'assert';
import * as vscode from 'vscode';
import { applyAssistantEdit, commitFile, redlineApi, waitForDiagnostic, waitForNoDiagnostics } from '../fileHelpers';
import { ROUTES_AFTER_AI, ROUTES_BEFORE } from '../routeFixtures';
import { mentorSnapshot, nextRendered, renderedSoFar } from '../mentorHelpers';
import type { FindingRef } from '../../../../src/extension/findingLookup';
import type { PanelState, WebviewMessage } from '../../../../src/extension/mentor/protocol';

const REMOVED_ROUTE = "router.delete('/projects/:id', requireAuth, async (req, res) => {";
/** The removed lines in the excerpt: the route's `requireAuth`, and the GET handler's tidied return above it. */
const REMOVED_LINES = ['  return res.json(project);', REMOVED_ROUTE];

/** Files this suite created: marked reviewed at the end so they leave the Review view to later suites. */
const created: vscode.Uri[] = [];

/** A file whose DELETE route lost `requireAuth` in an assistant edit, and that finding's ref. */
async function droppedAuth(rel: string): Promise<{ uri: vscode.Uri; doc: vscode.TextDocument; ref: FindingRef }> {
  const uri = commitFile(rel, ROUTES_BEFORE);
  created.push(uri);
  const doc = await applyAssistantEdit(uri, ROUTES_AFTER_AI);
  await waitForDiagnostic(uri, 'auth-check-removed');
  const api = await redlineApi();
  const review = api.reviews().find((r) => r.uri.toString() === uri.toString())!;
  const finding = review.findings.find((f) => f.ruleId === 'auth-check-removed')!;
  const ref: FindingRef = { uri: uri.toString(), ruleId: finding.ruleId, ...(finding.fingerprint ? { fingerprint: finding.fingerprint } : {}), version: review.version };
  return { uri, doc, ref };
}

suite('Mentor panel', () => {
  suiteTeardown(async () => {
    for (const uri of created) await vscode.commands.executeCommand('redline.markFileReviewed', uri.toString());
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Explain opens the panel on the finding, and the webview shows the exact code the edit removed', async () => {
    const { ref } = await droppedAuth('src/routes/projects-mentor-a.js');
    const since = await renderedSoFar();
    await vscode.commands.executeCommand('redline.explainFinding', ref);
    const rendered = await nextRendered(since, (r) => r.page === 'finding' && r.ruleId === 'auth-check-removed', 'the finding page in the webview');
    assert.deepStrictEqual(rendered.removedLines, REMOVED_LINES);
    assert.ok(rendered.removedCode?.includes(`${REMOVED_ROUTE}\n  await db.projects.remove(req.params.id);`), rendered.removedCode);
    assert.strictEqual(rendered.hasRestoreButton, true);
    const snap = await mentorSnapshot();
    assert.strictEqual(snap.open, true);
    assert.strictEqual(snap.ready, true);
    assert.deepStrictEqual(snap.state, { kind: 'finding', ref });
    assert.ok(snap.metRules.includes('auth-check-removed'), 'the rule joins "rules you have met"');
  });

  test('a second Explain reuses the one panel and shows the other finding', async () => {
    const first = await droppedAuth('src/routes/projects-mentor-b1.js');
    const second = await droppedAuth('src/routes/projects-mentor-b2.js');
    await vscode.commands.executeCommand('redline.explainFinding', first.ref);
    const since = await renderedSoFar();
    await vscode.commands.executeCommand('redline.explainFinding', second.ref);
    await nextRendered(since, (r) => r.page === 'finding', 'the second finding page');
    const snap = await mentorSnapshot();
    assert.deepStrictEqual(snap.state, { kind: 'finding', ref: second.ref });
    const mentorTabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('redline.mentor'));
    assert.strictEqual(mentorTabs.length, 1);
  });

  test('the Restore guardrail button puts requireAuth back in the editor and the finding clears', async () => {
    const { uri, doc, ref } = await droppedAuth('src/routes/projects-mentor-c.js');
    const since = await renderedSoFar();
    await vscode.commands.executeCommand('redline.explainFinding', ref);
    await nextRendered(since, (r) => r.page === 'finding' && r.hasRestoreButton, 'the finding page with its Restore button');
    const press: WebviewMessage = { type: 'restore', ref };
    assert.strictEqual(await vscode.commands.executeCommand('redline._mentorReceive', press), true);
    assert.match(doc.getText(), /router\.delete\('\/projects\/:id', requireAuth, async/);
    await waitForNoDiagnostics(uri);
  });

  test('after a reload the serializer restores the panel on the same finding from its saved state', async () => {
    const { ref } = await droppedAuth('src/routes/projects-mentor-d.js');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');  // after a reload, no other panel is open
    const panel = vscode.window.createWebviewPanel('redline.mentor', 'restored', vscode.ViewColumn.One, { enableScripts: true }); // as VS Code restores it
    const since = await renderedSoFar();
    const saved: PanelState = { kind: 'finding', ref };
    await vscode.commands.executeCommand('redline._mentorDeserialize', panel, saved);
    const rendered = await nextRendered(since, (r) => r.page === 'finding' && r.ruleId === 'auth-check-removed', 'the restored finding page');
    assert.deepStrictEqual(rendered.removedLines, REMOVED_LINES);
    assert.strictEqual(panel.title, 'Redline: Mentor');
    assert.deepStrictEqual(panel.webview.options.localResourceRoots?.map((u) => u.path.split('/').slice(-2).join('/')), ['media/mentor', 'dist/mentor', 'dist/codicons']);
    assert.deepStrictEqual((await mentorSnapshot()).state, saved);
  });

  test('a restored panel whose finding is gone shows the rule page instead', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');  // after a reload, no other panel is open
    const panel = vscode.window.createWebviewPanel('redline.mentor', 'restored', vscode.ViewColumn.One, { enableScripts: true }); // as VS Code restores it
    const since = await renderedSoFar();
    const gone: PanelState = { kind: 'finding', ref: { uri: 'file:///nowhere/gone.js', ruleId: 'rate-limit-removed' } };
    await vscode.commands.executeCommand('redline._mentorDeserialize', panel, gone);
    const rendered = await nextRendered(since, (r) => r.page === 'rule', 'the rule page');
    assert.strictEqual(rendered.ruleId, 'rate-limit-removed');
    assert.strictEqual(rendered.hasRestoreButton, false);
  });

  test('the command palette opens the risk library, and Open Mentor opens the finding under the cursor', async () => {
    let since = await renderedSoFar();
    await vscode.commands.executeCommand('redline.openRiskLibrary');
    await nextRendered(since, (r) => r.page === 'library', 'the risk library');
    assert.deepStrictEqual((await mentorSnapshot()).state, { kind: 'library' });

    const { doc, ref } = await droppedAuth('src/routes/projects-mentor-e.js');
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    const line = ROUTES_AFTER_AI.split('\n').findIndex((l) => l.startsWith("router.delete('/projects/:id'"));
    editor.selection = new vscode.Selection(line, 0, line, 0);
    since = await renderedSoFar();
    await vscode.commands.executeCommand('redline.openMentor');
    await nextRendered(since, (r) => r.page === 'finding' && r.ruleId === 'auth-check-removed', 'the finding under the cursor');
    assert.deepStrictEqual((await mentorSnapshot()).state, { kind: 'finding', ref });
  });
});
