// Restore edits are mechanical and correct: applied to the new text, the guard is back and the
// finding is gone. Checked on every fixture finding that offers one.
import * as assert from 'node:assert/strict';
import { loadCases } from '../../../scripts/eval/guardrails';
import { analyze, applyEdits } from './helpers';

describe('guardrail restore edits', () => {
  it('make each fixture finding that offers one disappear on re-analysis', async () => {
    let checked = 0;
    for (const c of loadCases().filter((x) => x.expected.length > 0)) {
      const { findings } = await analyze(c.before, c.after, c.languageId);
      for (const f of findings.filter((x) => x.restore && x.restore.length > 0)) {
        const restored = applyEdits(c.after, f.restore ?? []);
        const again = (await analyze(c.before, restored, c.languageId)).findings;
        assert.ok(!again.some((g) => g.fingerprint === f.fingerprint), `${c.ruleId}/${c.name}: "${f.message}" still reported after restore:\n${restored}`);
        checked++;
      }
    }
    assert.ok(checked >= 10, `only ${checked} restores checked`);
  });
});
