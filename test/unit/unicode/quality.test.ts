// Gates of the hidden-Unicode and instruction-file evaluation (scripts/eval/unicode.ts).
import * as assert from 'node:assert/strict';
import { runUnicodeEvaluation } from '../../../scripts/eval/unicode';
import { precision, recall } from '../../../scripts/quality';

describe('hidden-Unicode and instruction-file quality gates', () => {
  it('finds every planted hidden character (recall 1.0)', async () => {
    const section = await runUnicodeEvaluation();
    assert.deepEqual(section.misses.filter((m) => m.startsWith('FN')), []);
    assert.equal(recall(section.plantedRecall), 1);
  });

  it('keeps overall precision at or above 0.95 and every kind at recall 1.0', async () => {
    const section = await runUnicodeEvaluation();
    assert.ok(precision(section.total) >= 0.95, `precision ${precision(section.total)}: ${section.misses.join('; ')}`);
    assert.ok(recall(section.total) >= section.gates.recall);
    for (const row of section.tables['per kind (hidden-Unicode detector)'] ?? []) assert.equal(recall(row), 1, row.name);
  });
});
