// The secrets detector meets its quality gates on the seeded fixture set.
import * as assert from 'node:assert/strict';
import { loadSecretCases, evaluateSecrets } from '../../../scripts/eval/secrets';
import { precision, recall } from '../../../scripts/quality';

describe('secrets detector quality', () => {
  it('has at least 150 positive and 150 hard-negative cases', async () => {
    const { positives, negatives } = await loadSecretCases();
    assert.ok(positives.length >= 150, `${positives.length} positives`);
    assert.ok(negatives.length >= 150, `${negatives.length} negatives`);
  });

  it('reaches precision 0.95 and recall 0.90 overall and per detector', async () => {
    const section = await evaluateSecrets();
    assert.ok(precision(section.total) >= section.gates.precision, `precision ${precision(section.total)}: ${section.misses.join('; ')}`);
    assert.ok(recall(section.total) >= section.gates.recall, `recall ${recall(section.total)}: ${section.misses.join('; ')}`);
    for (const row of section.tables['per detector'] ?? []) {
      assert.ok(recall(row) >= 0.8 && precision(row) >= 0.8, `${row.name}: P ${precision(row)} R ${recall(row)}`);
    }
  });
});
