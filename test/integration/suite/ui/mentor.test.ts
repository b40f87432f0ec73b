import * as assert from 'assert';
import * as vscode from 'vscode';
import { applyAssistantEdit, commitFile, redlineApi, waitForDiagnostic } from '../fileHelpers';
import { ROUTES_AFTER_AI, ROUTES_BEFORE } from '../routeFixtures';
import { ui, waitFor, workspaceFolder } from '../helpers';
import type { MentorSnapshot } from '../../../../src/extension/mentor/panel';
import { nextRendered, renderedSoFar } from '../mentorHelpers';

const WEBVIEW = 'webview' as const;
const FILE = 'src/routes/projects-mentor-ui.js';
const LEARNING_FILE = 'src/routes/projects-mentor-learning.js';
/** Our page inside the webview's frames (the outer host frame has a CSP of its own). */
const PAGE = 'head:has(link[href*="mentor.css"])';

/** Runs `open` and waits until the webview reports it rendered a `kind` page. */
async function showPage(open: () => Thenable<unknown>, kind: string): Promise<void> {
  const since = await renderedSoFar();
  await open();
  await nextRendered(since, (r) => r.page === kind, `the ${kind} page`);
}

suite('UI: the Mentor panel as the user sees it', () => {
  test('shows the removed code, a Restore guardrail button and a reveal-able answer, under a nonce CSP', async () => {
    const uri = commitFile(FILE, ROUTES_BEFORE);
    await applyAssistantEdit(uri, ROUTES_AFTER_AI);
    await waitForDiagnostic(uri, 'auth-check-removed');
    const api = await redlineApi();
    const finding = api.reviews().find((r) => r.uri.toString() === uri.toString())!.findings.find((f) => f.ruleId === 'auth-check-removed')!;
    // Room for the panel: no editor (nor its hover) left over, no side bar, no bottom panel.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await showPage(() => vscode.commands.executeCommand('redline.explainFinding', { uri: uri.toString(), ruleId: finding.ruleId, fingerprint: finding.fingerprint }), 'finding');
    const r = await ui('mentor-panel', [
      { action: 'press', key: 'Escape' },
      { action: 'waitFor', selector: 'button#restore', frame: WEBVIEW },
      { action: 'text', selector: '.pane.before .line.removed .code', frame: WEBVIEW },
      { action: 'text', selector: '.pane.before del.chg', frame: WEBVIEW },
      { action: 'html', selector: `${PAGE} meta[http-equiv="Content-Security-Policy"]`, frame: WEBVIEW },
      { action: 'text', selector: 'h2', frame: WEBVIEW },
      { action: 'screenshot', name: 'mentor-panel' },
      { action: 'click', selector: 'button[aria-controls^="answer-"]', frame: WEBVIEW },
      { action: 'waitFor', selector: '.answer', frame: WEBVIEW },
      { action: 'screenshot', name: 'mentor-panel-answer' },
    ]);
    assert.ok(r.ok, r.error);
    assert.match(r.results[1]?.text ?? '', /Restore guardrail/);
    assert.deepStrictEqual(r.results[2]?.texts, ['  return res.json(project);', "router.delete('/projects/:id', requireAuth, async (req, res) => {"]);
    assert.match((r.results[3]?.texts ?? []).join('|'), /^requireAuth,\s?$/);
    const csp = r.results[4]?.html ?? '';
    assert.match(csp, /script-src 'nonce-[A-Za-z0-9+/=]{16,}'/);
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.deepStrictEqual(r.results[5]?.texts, ['What happened in this change', 'Why it matters', 'How to fix', 'Check yourself', 'References']);
    assert.match(r.results[8]?.text ?? '', /app\.use/);
  });
  test('the risk library lists the three families, the team practices and the rules met so far', async () => {
    await showPage(() => vscode.commands.executeCommand('redline.openRiskLibrary'), 'library');
    const r = await ui('mentor-library', [
      { action: 'waitFor', selector: 'h1:has-text("Risk library")', frame: WEBVIEW },
      { action: 'text', selector: 'section > h2', frame: WEBVIEW },
      { action: 'count', selector: '#family-inference ~ ul.rules > li button.link', frame: WEBVIEW },
      { action: 'text', selector: 'ul.met li button', frame: WEBVIEW },
      { action: 'screenshot', name: 'mentor-library' },
    ]);
    assert.ok(r.ok, r.error);
    assert.deepStrictEqual(r.results[1]?.texts, ['Inference-time behaviour', 'Supply-chain poisoning', 'Integration risks', 'Team practices', 'Rules you have met']);
    assert.ok((r.results[2]?.count ?? 0) >= 18, `inference rules listed: ${r.results[2]?.count}`);
    assert.ok(r.results[3]?.texts?.includes('Authentication or authorization check removed'), (r.results[3]?.texts ?? []).join(', '));
  });

  test('in learning mode, the first finding of a rule brings a one-time note whose Explain opens the panel on that rule', async () => {
    const settings = vscode.workspace.getConfiguration('redline');
    await settings.update('learningMode', true, vscode.ConfigurationTarget.Workspace);
    try {
      const uri = commitFile(LEARNING_FILE, ROUTES_BEFORE);
      await applyAssistantEdit(uri, ROUTES_AFTER_AI);
      await waitForDiagnostic(uri, 'auth-check-removed');
      const toast = '.notification-toast:has-text("learning mode")';
      const r = await ui('mentor-learning-note', [
        { action: 'waitFor', selector: toast },
        { action: 'screenshot', name: 'mentor-learning-note' },
        { action: 'click', selector: `${toast} .monaco-button:has-text("Explain")` },
      ]);
      assert.ok(r.ok, r.error);
      assert.match(r.results[0]?.text ?? '', /first "Authentication or authorization check removed" finding\. Finds auth middleware/);
      // The note comes once per rule, for whichever open file reported it first after the switch.
      await waitFor(async () => {
        const state = (await vscode.commands.executeCommand<MentorSnapshot>('redline._mentorSnapshot')).state;
        return state?.kind === 'finding' && state.ref.ruleId === 'auth-check-removed';
      }, 'the panel on an auth-check-removed finding', 15000);
    } finally {
      await settings.update('learningMode', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('the Get started with Redline walkthrough lists its six steps and shows each step\'s page', async () => {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', 'redline-dev.redline#redline.getStarted', false);
    const r = await ui('mentor-walkthrough', [
      { action: 'waitFor', selector: '.gettingStartedContainer :text("Get started with Redline")' },
      { action: 'text', selector: '.gettingStartedContainer .getting-started-step .step-title' },
      { action: 'waitFor', selector: 'h1:has-text("What Redline watches")', frame: WEBVIEW },
      { action: 'screenshot', name: 'mentor-walkthrough' },
    ]);
    assert.ok(r.ok, r.error);
    assert.deepStrictEqual(r.results[1]?.texts?.map((t) => t.trim()), ['What Redline watches', 'Run the demo AI edit', 'Restore a guardrail',
      'Sync AI exclusions', 'Create a workspace policy', 'Open the risk library']);
  });

  suiteTeardown(async () => {
    for (const rel of [FILE, LEARNING_FILE]) await vscode.commands.executeCommand('redline.markFileReviewed', vscode.Uri.joinPath(workspaceFolder().uri, rel).toString());
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.view.explorer');
  });
});
