import * as assert from 'assert';
import * as vscode from 'vscode';
import { lineOf, redlineApi, redlineDiagnostics, sleep, waitForDiagnostic } from '../fileHelpers';
import { ROUTES_AFTER_AI } from '../routeFixtures';
import { waitFor, workspaceFolder } from '../helpers';

suite('After a reload', () => {
  test('the unreviewed file is back in the Review view with its finding, and the acknowledged one stays away', async () => {
    const root = workspaceFolder().uri;
    const a = vscode.Uri.joinPath(root, 'src/routes/reload-a.js');
    const b = vscode.Uri.joinPath(root, 'src/routes/reload-b.js');
    const api = await redlineApi();
    const d = await waitForDiagnostic(b, 'auth-check-removed', 20000);
    assert.strictEqual(d.range.start.line, lineOf(ROUTES_AFTER_AI, "router.delete('/projects/:id'"));
    await waitFor(() => api.reviews().some((r) => r.uri.toString() === b.toString()), 'reload-b.js in the Review view');
    await api.analyzeNow(a);
    await sleep(300);
    assert.deepStrictEqual(redlineDiagnostics(a), []);
    assert.ok(!api.reviews().some((r) => r.uri.toString() === a.toString() && r.findings.length > 0));
  });
});
