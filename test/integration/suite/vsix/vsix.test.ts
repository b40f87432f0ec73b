import * as assert from 'assert';
import { activateRedline } from '../helpers';
import type { RedlineApi } from '../../../../src/extension/main';

suite('Installed from the vsix', () => {
  test('the Redline under test is the installed copy, and it activates', async () => {
    const ext = await activateRedline();
    assert.match(ext.extensionUri.path, /\/extensions\/redline-dev\.redline-/);
    const api = ext.exports as RedlineApi;
    assert.deepStrictEqual(api.errors(), []);
  });
});
