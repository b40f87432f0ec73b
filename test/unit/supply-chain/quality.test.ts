import * as assert from 'node:assert/strict';
import { precision, recall } from '../../../scripts/quality';
import { evaluation } from '../../../scripts/eval/supply-chain';

describe('supply-chain quality gates', () => {
  it('reaches precision and recall of at least 0.9 on the fixtures', async () => {
    const section = await evaluation.run();
    assert.ok(precision(section.total) >= section.gates.precision, `precision ${precision(section.total)}; ${section.misses.join('; ')}`);
    assert.ok(recall(section.total) >= section.gates.recall, `recall ${recall(section.total)}; ${section.misses.join('; ')}`);
    const lookalike = section.tables['per rule']?.find((r) => r.name === 'dependency-lookalike (names)');
    assert.ok(lookalike && lookalike.tp >= 70, 'evaluates the reported typosquats');
  });
});
