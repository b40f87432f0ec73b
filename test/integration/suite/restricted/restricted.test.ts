import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateRedline } from '../helpers';
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
