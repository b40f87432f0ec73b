import * as assert from 'assert';
import { describeCapabilities, detectCapabilities } from '../../../src/extension/capabilities';

describe('detectCapabilities', () => {
  it('finds every optional API on a full VS Code surface', () => {
    const c = detectCapabilities({ languages: { registerDocumentPasteEditProvider: () => ({ dispose() {} }) as never }, TextDocumentChangeReason: {}, LogLevel: {} });
    assert.deepStrictEqual(c, { pasteEditProvider: true, changeReason: true, logOutputChannel: true });
    assert.strictEqual(describeCapabilities(c), 'All optional editor APIs are available.');
  });

  it('reports what degrades on a host without the paste provider and change reasons', () => {
    const c = detectCapabilities({ languages: {} });
    assert.deepStrictEqual(c, { pasteEditProvider: false, changeReason: false, logOutputChannel: false });
    assert.match(describeCapabilities(c), /paste detection \(pastes are treated as bulk edits\); undo\/redo detection/);
  });
});
