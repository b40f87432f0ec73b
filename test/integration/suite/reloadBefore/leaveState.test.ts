import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { commitFile, redlineApi, sleep, waitForDiagnostic, waitForNoDiagnostics } from '../fileHelpers';
import { ROUTES_AFTER_AI, ROUTES_BEFORE } from '../routeFixtures';
import type { FindingRef } from '../../../../src/extension/findingLookup';

suite('Before a reload', () => {
  test('an agent rewrites two files on disk; one finding is acknowledged, the other left for review', async () => {
    await redlineApi();
    await sleep(3000);  // VS Code's workspace file watcher starts asynchronously after the window opens
    const a = commitFile('src/routes/reload-a.js', ROUTES_BEFORE);
    const b = commitFile('src/routes/reload-b.js', ROUTES_BEFORE);
    await sleep(500);  // let the creation events pass before the agent's rewrite
    fs.writeFileSync(a.fsPath, ROUTES_AFTER_AI);
    fs.writeFileSync(b.fsPath, ROUTES_AFTER_AI);
    await waitForDiagnostic(a, 'auth-check-removed', 20000);
    await waitForDiagnostic(b, 'auth-check-removed', 20000);
    const api = await redlineApi();
    const finding = api.reviews().find((r) => r.uri.toString() === a.toString())!.findings[0]!;
    const ref: FindingRef = { uri: a.toString(), ruleId: finding.ruleId, ...(finding.fingerprint ? { fingerprint: finding.fingerprint } : {}) };
    assert.strictEqual(await vscode.commands.executeCommand('redline.acknowledgeFinding', ref, 'Reviewed with the security team (SEC-77)'), true);
    await waitForNoDiagnostics(a);
    await sleep(800);  // the review store persists on a short debounce
  });
});
