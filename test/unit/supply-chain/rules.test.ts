import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { supplyChainRuleMetas } from '../../../src/core/rules/supply-chain-rules';

const DOCS = path.resolve(__dirname, '..', '..', '..', '..', 'docs', 'rules');

describe('supply-chain rule registry', () => {
  it('lists the five dependency rules in the supply-chain family', () => {
    assert.deepEqual(supplyChainRuleMetas.map((m) => `${m.id}|${m.family}|${m.defaultSeverity}`).sort(), [
      'dependency-install-script|supply-chain|warning',
      'dependency-lookalike|supply-chain|error',
      'dependency-not-found|supply-chain|error',
      'dependency-suspicious-source|supply-chain|warning',
      'dependency-unreviewed|supply-chain|warning',
    ]);
  });

  it('has a docs page per rule with the title and the five sections', () => {
    for (const meta of supplyChainRuleMetas) {
      const text = fs.readFileSync(path.join(DOCS, `${meta.id}.md`), 'utf8');
      assert.equal(text.split('\n')[0], `# ${meta.title}`, meta.id);
      const sections = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
      assert.deepEqual(sections, ['What happened', 'Why it matters', 'How to fix', 'Check yourself', 'References'], meta.id);
      assert.match(text, /^\*\*Answer:\*\* /m, meta.id);
      for (const cwe of meta.cwe) assert.ok(text.includes(cwe), `${meta.id} cites ${cwe}`);
    }
  });
});
