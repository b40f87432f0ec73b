import * as assert from 'assert';
import * as vscode from 'vscode';
import { applyAssistantEdit, commitFile, redlineApi, waitForDiagnostic } from '../fileHelpers';
import { ROUTES_AFTER_AI, ROUTES_BEFORE } from '../routeFixtures';
import { ui, waitFor } from '../helpers';
import type { MentorSnapshot } from '../../../../src/extension/mentor/panel';

const WEBVIEW = 'webview' as const;
/** Our page inside the webview's frames (the outer host frame has a CSP of its own). */
const PAGE = 'head:has(link[href*="mentor.css"])';

suite('UI: the Mentor panel as the user sees it', () => {
  test('shows the removed code, a Restore guardrail button and a reveal-able answer, under a nonce CSP', async () => {
    const uri = commitFile('src/routes/projects-mentor-ui.js', ROUTES_BEFORE);
    await applyAssistantEdit(uri, ROUTES_AFTER_AI);
    await waitForDiagnostic(uri, 'auth-check-removed');
    const api = await redlineApi();
    const finding = api.reviews().find((r) => r.uri.toString() === uri.toString())!.findings.find((f) => f.ruleId === 'auth-check-removed')!;
    const before = (await vscode.commands.executeCommand<MentorSnapshot>('redline._mentorSnapshot')).rendered.length;
    await vscode.commands.executeCommand('redline.explainFinding', { uri: uri.toString(), ruleId: finding.ruleId, fingerprint: finding.fingerprint });
    await waitFor(async () => (await vscode.commands.executeCommand<MentorSnapshot>('redline._mentorSnapshot')).rendered.slice(before).find((r) => r.page === 'finding'),
      'the finding page', 15000);

    const r = await ui('mentor-panel', [
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
    assert.match(r.results[0]?.text ?? '', /Restore guardrail/);
    assert.deepStrictEqual(r.results[1]?.texts, ["router.delete('/projects/:id', requireAuth, async (req, res) => {"]);
    assert.match((r.results[2]?.texts ?? []).join('|'), /^requireAuth,\s?$/);
    const csp = r.results[3]?.html ?? '';
    assert.match(csp, /script-src 'nonce-[A-Za-z0-9+/=]{16,}'/);
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.deepStrictEqual(r.results[4]?.texts, ['What happened in this change', 'Why it matters', 'How to fix', 'Check yourself', 'References']);
    assert.match(r.results[7]?.text ?? '', /app\.use/);
  });
});
