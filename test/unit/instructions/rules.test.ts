// The five integration rules of this area: metadata, registration and a docs page with the five sections.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { meta as agentConfigRisk } from '../../../src/core/rules/agent-config-risk';
import { meta as confusableIdentifier } from '../../../src/core/rules/confusable-identifier';
import { meta as hiddenUnicode } from '../../../src/core/rules/hidden-unicode';
import { meta as instructionFileChanged } from '../../../src/core/rules/instruction-file-changed';
import { meta as instructionInjection } from '../../../src/core/rules/instruction-injection';
import { integrationRuleMetas } from '../../../src/core/rules/integration-rules';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const metas = [hiddenUnicode, confusableIdentifier, instructionInjection, agentConfigRisk, instructionFileChanged];

describe('hidden-Unicode and instruction-file rules', () => {
  for (const meta of metas) {
    it(`${meta.id}: is an integration rule registered in integrationRuleMetas`, () => {
      assert.equal(meta.family, 'integration');
      assert.ok(integrationRuleMetas.includes(meta));
      assert.ok(meta.cwe.length > 0 && meta.owasp.length > 0);
    });

    it(`${meta.id}: has docs/rules/${meta.id}.md with its title, the five sections and an answer`, () => {
      const text = fs.readFileSync(path.join(root, 'docs', 'rules', `${meta.id}.md`), 'utf8');
      assert.equal(text.split('\n')[0], `# ${meta.title}`);
      const sections = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
      assert.deepEqual(sections, ['What happened', 'Why it matters', 'How to fix', 'Check yourself', 'References']);
      assert.match(text, /\n\*\*Answer:\*\* /);
    });
  }
});
