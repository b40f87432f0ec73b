import * as assert from 'assert';
import * as vscode from 'vscode';
import * as fs from 'fs';
import * as path from 'path';
import { activateRedline, workspaceFolder } from '../helpers';
import { applyAssistantEdit, commitFile, waitForDiagnostic } from '../fileHelpers';
import { ROUTES_AFTER_AI, ROUTES_BEFORE } from '../routeFixtures';
import type { RedlineApi } from '../../../../src/extension/main';

suite('Restricted Mode', () => {
  test('the folder is untrusted and Redline still activates without errors', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
    const ext = await activateRedline();
    const api = ext.exports as RedlineApi;
    assert.deepStrictEqual(api.errors(), []);
    assert.match(api.status().tooltip, /Restricted Mode/);
  });
});

suite('Restricted Mode: a repository may only tighten', () => {
  test('a policy in an untrusted repository cannot switch a rule off', async () => {
    const root = workspaceFolder().uri.fsPath;
    fs.mkdirSync(path.join(root, '.redline'), { recursive: true });
    fs.writeFileSync(path.join(root, '.redline', 'policy.jsonc'), '{ "version": 1, "rules": { "auth-check-removed": "off" }, "enforced": true }\n');
    const api = (await activateRedline()).exports as RedlineApi;
    await new Promise((r) => setTimeout(r, 500));
    await api.policyReady();
    const uri = commitFile('src/routes/hostile.js', ROUTES_BEFORE);
    await applyAssistantEdit(uri, ROUTES_AFTER_AI);
    const d = await waitForDiagnostic(uri, 'auth-check-removed');
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
  });
});
