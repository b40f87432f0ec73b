// Guardrail engine evaluation: runs every before/after pair in test/fixtures/guardrails/ and counts
// TP (rule and line ±3 match an expectation), FP (any other finding) and FN (missed expectation).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GuardrailEngine, languageIdForPath } from '../../src/core/guardrails';
import type { Finding } from '../../src/core/model';
import { addCounts, counts, type Counts, type EvalSection, type Evaluation } from '../quality';

/** One expected finding of an `ng-` case. */
export interface Expectation {
  readonly ruleId: string;
  readonly line: number;
  readonly change?: string;
  readonly messageIncludes?: string;
}

/** One before/after pair on disk. */
export interface FixtureCase {
  readonly ruleId: string;
  readonly name: string;
  readonly dir: string;
  readonly before: string;
  readonly after: string;
  readonly languageId: string;
  readonly expected: readonly Expectation[];
}

/** The project root: found from the working directory, else from this file's place in out/. */
export function projectRoot(): string {
  const fromCwd = process.cwd();
  if (fs.existsSync(path.join(fromCwd, 'test', 'fixtures', 'guardrails'))) return fromCwd;
  return path.resolve(__dirname, '..', '..', '..');
}

/** Reads grammars from node_modules (tests and scripts run from out/, not from the bundle). */
export function nodeModulesLoader(root = projectRoot()): (file: string) => Promise<Uint8Array> {
  const dir = path.join(root, 'node_modules', '@vscode', 'tree-sitter-wasm', 'wasm');
  return async (file) => new Uint8Array(await fs.promises.readFile(path.join(dir, file)));
}

/** Every fixture pair under test/fixtures/guardrails/<rule>/<ok|ng>-<slug>/. */
export function loadCases(root = projectRoot()): FixtureCase[] {
  const base = path.join(root, 'test', 'fixtures', 'guardrails');
  const out: FixtureCase[] = [];
  if (!fs.existsSync(base)) return out;
  for (const ruleId of fs.readdirSync(base).sort()) {
    const ruleDir = path.join(base, ruleId);
    if (!fs.statSync(ruleDir).isDirectory()) continue;
    for (const name of fs.readdirSync(ruleDir).sort()) {
      const dir = path.join(ruleDir, name);
      if (!fs.statSync(dir).isDirectory()) continue;
      const files = fs.readdirSync(dir);
      const beforeFile = files.find((f) => f.startsWith('before.'));
      const afterFile = beforeFile ? files.find((f) => f === `after${beforeFile.slice('before'.length)}`) : undefined;
      if (!beforeFile || !afterFile) continue;
      const expectPath = path.join(dir, 'expect.json');
      const expected = fs.existsSync(expectPath) ? ((JSON.parse(fs.readFileSync(expectPath, 'utf8')) as { findings?: Expectation[] }).findings ?? []) : [];
      out.push({
        ruleId, name, dir,
        before: fs.readFileSync(path.join(dir, beforeFile), 'utf8'),
        after: fs.readFileSync(path.join(dir, afterFile), 'utf8'),
        languageId: languageIdForPath(afterFile),
        expected,
      });
    }
  }
  return out;
}

/** Matches findings against expectations: rule and line within ±3 (1-based lines). */
export function score(c: FixtureCase, findings: readonly Finding[]): { tp: number; fp: Finding[]; fn: Expectation[]; wrongMessage: string[] } {
  const left = [...findings];
  const fn: Expectation[] = [];
  const wrongMessage: string[] = [];
  let tp = 0;
  for (const e of c.expected) {
    const i = left.findIndex((f) => f.ruleId === e.ruleId && Math.abs(f.range.start.line + 1 - e.line) <= 3);
    if (i === -1) {
      fn.push(e);
      continue;
    }
    const f = left.splice(i, 1)[0] as Finding;
    tp++;
    if (e.messageIncludes && !f.message.includes(e.messageIncludes)) wrongMessage.push(`${c.ruleId}/${c.name}: message "${f.message}" does not name \`${e.messageIncludes}\``);
  }
  return { tp, fp: left, fn, wrongMessage };
}

const familyName: Readonly<Record<string, string>> = {
  javascript: 'JavaScript', javascriptreact: 'JavaScript', typescript: 'TypeScript', typescriptreact: 'TSX', python: 'Python', go: 'Go', java: 'Java',
};

export const evaluation: Evaluation = {
  name: 'guardrails',
  async run(): Promise<EvalSection> {
    const root = projectRoot();
    const engine = new GuardrailEngine(nodeModulesLoader(root));
    const cases = loadCases(root);
    const perRule = new Map<string, Counts>();
    const perLanguage = new Map<string, Counts>();
    const total = counts('total');
    const misses: string[] = [];
    for (const c of cases) {
      await engine.ensureLanguage(c.languageId);
      const analysis = engine.analyzeEdit({ before: c.before, after: c.after, languageId: c.languageId, path: c.dir });
      const s = score(c, analysis.findings);
      const row = counts(c.ruleId);
      row.tp = s.tp;
      row.fp = s.fp.length;
      row.fn = s.fn.length;
      row.tn = c.expected.length === 0 && s.fp.length === 0 ? 1 : 0;
      const lang = familyName[c.languageId] ?? `other (text layer)`;
      for (const [map, key] of [[perRule, c.ruleId], [perLanguage, lang]] as const) {
        if (!map.has(key)) map.set(key, counts(key));
        addCounts(map.get(key) as Counts, row);
      }
      addCounts(total, row);
      for (const f of s.fp) misses.push(`FP ${c.ruleId}/${c.name}: ${f.ruleId} line ${f.range.start.line + 1}: ${f.message}`);
      for (const e of s.fn) misses.push(`FN ${c.ruleId}/${c.name}: expected ${e.ruleId} line ${e.line}`);
      misses.push(...s.wrongMessage.map((m) => `message ${m}`));
    }
    const languages = new Set(cases.map((c) => familyName[c.languageId] ?? 'other'));
    const negatives = cases.filter((c) => c.expected.length === 0).length;
    return {
      title: 'Guardrail engine',
      summary: `${cases.length} before/after pairs (${negatives} negatives) in ${languages.size} languages; TP = rule and line ±3.`,
      tables: {
        'per rule': [...perRule.values()].sort((a, b) => a.name.localeCompare(b.name)),
        'per language': [...perLanguage.values()].sort((a, b) => a.name.localeCompare(b.name)),
      },
      total,
      gates: { precision: 0.9, recall: 0.85 },
      misses,
    };
  },
};
