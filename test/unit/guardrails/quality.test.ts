// Runs the guardrail evaluation over test/fixtures/guardrails and enforces its gates.
import * as assert from 'node:assert/strict';
import { evaluation, loadCases } from '../../../scripts/eval/guardrails';
import { precision, recall } from '../../../scripts/quality';

describe('guardrail evaluation', () => {
  it('meets precision ≥ 0.90 and recall ≥ 0.85 on the fixture pairs', async () => {
    const section = await evaluation.run();
    const p = precision(section.total);
    const r = recall(section.total);
    assert.ok(p >= section.gates.precision, `precision ${p.toFixed(3)} < ${section.gates.precision}:\n${section.misses.join('\n')}`);
    assert.ok(r >= section.gates.recall, `recall ${r.toFixed(3)} < ${section.gates.recall}:\n${section.misses.join('\n')}`);
  });

  it('has at least 80 pairs in the six parsed languages, 30 of them negatives', () => {
    const cases = loadCases();
    const parsed = new Set(cases.map((c) => c.languageId.replace('javascriptreact', 'javascript')).filter((l) => ['javascript', 'typescript', 'typescriptreact', 'python', 'go', 'java'].includes(l)));
    assert.ok(cases.length >= 80, `${cases.length} pairs`);
    assert.deepEqual([...parsed].sort(), ['go', 'java', 'javascript', 'python', 'typescript', 'typescriptreact']);
    assert.ok(cases.filter((c) => c.expected.length === 0).length >= 30);
  });
});
