import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateRedline } from '../helpers';
import type { RedlineApi } from '../../../../src/extension/main';

suite('Multi-root workspace', () => {
  test('activates with two folders open without logging an error', async () => {
    assert.deepStrictEqual(vscode.workspace.workspaceFolders?.map((f) => f.name), ['api', 'web']);
    const ext = await activateRedline();
    const api = ext.exports as RedlineApi;
    assert.deepStrictEqual(api.errors(), []);
  });
});
