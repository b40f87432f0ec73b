import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateRedline } from '../helpers';
import type { RedlineApi } from '../../../../src/extension/main';

suite('No folder open', () => {
  test('activates in an empty window without logging an error', async () => {
    assert.strictEqual(vscode.workspace.workspaceFolders, undefined);
    const ext = await activateRedline();
    const api = ext.exports as RedlineApi;
    assert.deepStrictEqual(api.errors(), []);
    assert.match(api.status().text, /Redline/);
  });
});
