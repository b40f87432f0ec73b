// Pure formatting changes to any fixture file never produce a finding: CRLF, a header comment,
// re-indentation (extra blank lines for Python, where indentation is syntax).
import * as assert from 'node:assert/strict';
import { GuardrailEngine } from '../../../src/core/guardrails';
import { loadCases, nodeModulesLoader } from '../../../scripts/eval/guardrails';
import { analyze } from './helpers';

function variants(text: string, languageId: string): Record<string, string> {
  const comment = languageId === 'python' ? '#' : '//';
  return {
    crlf: text.replace(/\n/g, '\r\n'),
    header: `${comment} header added by a formatter\n${text}`,
    layout: languageId === 'python' ? text.replace(/\n\n/g, '\n\n\n') : text.replace(/^( +)/gm, (m) => m + m).replace(/\t/g, '    '),
  };
}

describe('guardrail engine on formatting-only edits', () => {
  it('reports nothing for CRLF, a header comment or re-indentation of every fixture file', async () => {
    const noisy: string[] = [];
    let checked = 0;
    for (const c of loadCases()) {
      for (const text of [c.before, c.after]) {
        for (const [kind, variant] of Object.entries(variants(text, c.languageId))) {
          const { findings } = await analyze(text, variant, c.languageId);
          checked++;
          if (findings.length > 0) noisy.push(`${c.ruleId}/${c.name} (${kind}): ${findings.map((f) => f.message).join('; ')}`);
        }
      }
    }
    assert.deepEqual(noisy, []);
    assert.ok(checked >= 480, `${checked} variants`);
  });
});

describe('guardrail engine incremental parsing', () => {
  it('finds the same whether the new version is parsed incrementally or in full', async () => {
    const differences: string[] = [];
    for (const c of loadCases()) {
      const incremental = new GuardrailEngine(nodeModulesLoader());
      await incremental.ensureLanguage(c.languageId);
      const a = incremental.analyzeEdit({ before: c.before, after: c.after, languageId: c.languageId }).findings;
      const full = new GuardrailEngine(nodeModulesLoader());
      await full.ensureLanguage(c.languageId);
      full.analyzeEdit({ before: c.after, after: `${c.after}\n`, languageId: c.languageId }); // parses the new version in full, first
      const b = full.analyzeEdit({ before: c.before, after: c.after, languageId: c.languageId }).findings;
      if (JSON.stringify(a) !== JSON.stringify(b)) differences.push(`${c.ruleId}/${c.name}`);
    }
    assert.deepEqual(differences, []);
  });
});
