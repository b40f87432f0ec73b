import * as assert from 'assert';
import { activateRedline, ui } from '../helpers';

suite('UI: status bar', () => {
  test('the Redline status bar entry is visible in the workbench', async () => {
    await activateRedline();
    const r = await ui('statusbar', [
      { action: 'waitFor', selector: '[id$="redline.status"]' },
      { action: 'screenshot', name: 'statusbar' },
    ]);
    assert.ok(r.ok, r.error);
    assert.match(r.results[0]?.text ?? '', /Redline/);
  });
});
