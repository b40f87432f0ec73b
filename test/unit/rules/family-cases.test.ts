// Runs the table cases of the rules that work on whole files or workspaces rather than edits:
// secret-in-code, sensitive-file-exposed and instruction-file-changed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assistantById, type Assistant } from '../../../src/core/assistants';
import { computeExposure } from '../../../src/core/context/exposure';
import { sensitiveMatcher } from '../../../src/core/context/sensitive';
import { compareWithTrusted } from '../../../src/core/instructions';
import { instructionFileChangedFindings } from '../../../src/core/rules/instruction-file-changed';
import { detectAdded } from '../../../src/core/rules/secret-in-code';
import { detect as detectExposed } from '../../../src/core/rules/sensitive-file-exposed';

const root = path.resolve(__dirname, '../../../..');
const load = <T>(rel: string): T => JSON.parse(fs.readFileSync(path.join(root, 'test', 'fixtures', rel), 'utf8')) as T;

interface SecretCase { name: string; path: string; before: string; afterParts: string[]; expect: Array<{ ruleId: string; line: number }> }
interface ExposureCase { name: string; files: string[]; assistants: string[]; ignoreFiles: Record<string, string>; expect: Array<{ ruleId: string; path: string }> }
interface TrustCase { name: string; trusted: Record<string, string>; current: Record<string, string>; expect: Array<{ ruleId: string; path: string }> }

const rules = load<{ secretInCode: SecretCase[]; sensitiveFileExposed: ExposureCase[] }>('secrets/rule-cases.json');

describe('secret-in-code cases', () => {
  for (const c of rules.secretInCode) {
    it(c.name, () => {
      const after = c.afterParts.join('');
      const findings = detectAdded(c.before, after, { path: c.path });
      assert.deepEqual(findings.map((f) => ({ ruleId: f.ruleId, line: f.range.start.line + 1 })), c.expect);
      const secretish = c.afterParts.slice(1, -1).join('');
      for (const f of findings) assert.ok(secretish.length === 0 || !f.message.includes(secretish), 'the message masks the value');
    });
  }
});

describe('sensitive-file-exposed cases', () => {
  for (const c of rules.sensitiveFileExposed) {
    it(c.name, () => {
      const assistants = c.assistants.map((id) => assistantById(id)).filter((a): a is Assistant => a !== undefined);
      assert.equal(assistants.length, c.assistants.length, 'every assistant id is in the table');
      const report = computeExposure({ files: c.files, ignoreFiles: new Map(Object.entries(c.ignoreFiles)), assistants, isSensitive: sensitiveMatcher() });
      assert.deepEqual(detectExposed(report).map((f) => ({ ruleId: f.finding.ruleId, path: f.path })), c.expect);
    });
  }
});

describe('instruction-file-changed cases', () => {
  for (const c of load<{ cases: TrustCase[] }>('instructions/trust-cases.json').cases) {
    it(c.name, () => {
      const found = instructionFileChangedFindings(compareWithTrusted(c.trusted, c.current));
      assert.deepEqual(found.map((f) => ({ ruleId: f.finding.ruleId, path: f.path })), c.expect);
    });
  }
});
