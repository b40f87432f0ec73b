import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateRedline } from '../helpers';
import type { RedlineApi } from '../../../../src/extension/main';

suite('Host detection', () => {
  test('detects a remote host (code-server) and reports it', async () => {
    const api = (await activateRedline()).exports as RedlineApi;
    assert.strictEqual(api.host.appName, vscode.env.appName);
    assert.strictEqual(api.host.version, vscode.version);
    if (process.env.REDLINE_TEST_SCENARIO) {
      // Under the code-server driver the extension host runs next to the files, as in Remote SSH.
      assert.ok(api.host.remoteName, 'remoteName should be set in code-server');
      assert.strictEqual(api.host.uiKind, 'web');
    }
    assert.deepStrictEqual(api.errors(), []);
  });

  test('finds the optional editor APIs it feature-detects on VS Code 1.99 and later', async () => {
    const api = (await activateRedline()).exports as RedlineApi;
    assert.deepStrictEqual(api.capabilities, { pasteEditProvider: true, changeReason: true, logOutputChannel: true });
  });
});
