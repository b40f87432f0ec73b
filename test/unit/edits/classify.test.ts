import * as assert from 'assert';
import { classifyChange, differsOnlyInWhitespace, sizeOf, type ContentChange } from '../../../src/core/edits/classify';

const insert = (line: number, text: string): ContentChange => ({ startLine: line, endLine: line, rangeLength: 0, text });
const replace = (startLine: number, endLine: number, rangeLength: number, text: string): ContentChange => ({ startLine, endLine, rangeLength, text });

describe('classifyChange', () => {
  it('treats a single typed character as typing', () => {
    assert.strictEqual(classifyChange([insert(3, 'a')], {}), 'typing');
  });

  it('treats Enter with auto-indent between braces as typing, not bulk', () => {
    assert.strictEqual(classifyChange([insert(3, '\n    \n  ')], {}), 'typing');
  });

  it('treats the same character typed at three cursors as typing', () => {
    assert.strictEqual(classifyChange([insert(1, ';'), insert(2, ';'), insert(3, ';')], {}), 'typing');
  });

  it('reports undo and redo from the change reason whatever their size', () => {
    const big = [insert(0, 'a\nb\nc\nd\n')];
    assert.strictEqual(classifyChange(big, { reason: 'undo' }), 'undo');
    assert.strictEqual(classifyChange(big, { reason: 'redo' }), 'redo');
  });

  it('classifies an insertion of three lines of code as bulk (an accepted completion)', () => {
    assert.strictEqual(classifyChange([insert(4, 'if (!user) {\n  return res.status(401).end();\n}\n')], {}), 'bulk');
  });

  it('classifies a one-line insertion of 120 characters or more as bulk', () => {
    assert.strictEqual(classifyChange([insert(4, 'x'.repeat(120))], {}), 'bulk');
    assert.strictEqual(classifyChange([insert(4, 'x'.repeat(119))], {}), 'typing');
  });

  it('sizes a rewrite delivered as many small changes across lines as one bulk edit', () => {
    const minimalDiff = [replace(6, 6, 13, ''), replace(7, 7, 4, 'const'), replace(9, 9, 2, 'rm')];
    assert.strictEqual(classifyChange(minimalDiff, {}), 'bulk');
    assert.deepStrictEqual(sizeOf(minimalDiff), { insertedChars: 7, removedChars: 19, linesTouched: 3, changeCount: 3 });
  });

  it('classifies removing a block of three lines as bulk', () => {
    assert.strictEqual(classifyChange([replace(10, 13, 80, '')], {}), 'bulk');
  });

  it('honours custom thresholds', () => {
    assert.strictEqual(classifyChange([insert(0, 'a();\nb();\n')], {}, { minLines: 2, minChars: 500 }), 'bulk');
    assert.strictEqual(classifyChange([insert(0, 'x'.repeat(200))], {}, { minLines: 3, minChars: 500 }), 'typing');
  });

  it('recognises a paste announced by the paste provider, with either line ending', () => {
    const pasted = 'app.get("/a", h);\r\napp.get("/b", h);\r\napp.get("/c", h);';
    assert.strictEqual(classifyChange([insert(2, pasted.replace(/\r\n/g, '\n'))], { pastedText: pasted }), 'paste');
  });

  it('keeps a single typed space as typing even though only whitespace changed', () => {
    assert.strictEqual(classifyChange([insert(0, ' ')], { formatting: true }), 'typing');
  });

  it('reports whitespace-only events as formatting', () => {
    assert.strictEqual(classifyChange([insert(0, '    '), insert(1, '  '), replace(2, 2, 1, '\n')], { formatting: true }), 'formatting');
  });
});

describe('differsOnlyInWhitespace', () => {
  it('is true for re-indented code and false when a token changed', () => {
    assert.strictEqual(differsOnlyInWhitespace('if(a){\nb()\n}', 'if (a) {\n  b();\n}'), false);
    assert.strictEqual(differsOnlyInWhitespace('if(a){\nb()\n}', 'if (a) {\n    b()\n}'), true);
    assert.strictEqual(differsOnlyInWhitespace('', '  \n'), true);
  });
});
