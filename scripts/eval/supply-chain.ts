// Supply-chain evaluation: lookalike detection over reported typosquats, AI-themed lookalikes and
// legitimate names, and the five dependency rules over manifest before/after pairs in seven registries.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkManifestEdit, findLookalike, type Ecosystem, type OnlineResult } from '../../src/core/supply-chain';
import { supplyChainRuleMetas } from '../../src/core/rules/supply-chain-rules';
import { addCounts, counts, type Counts, type EvalSection, type Evaluation } from '../quality';

interface NameCase { readonly name: string; readonly ecosystem: Ecosystem; readonly imitates?: string | null }
interface ManifestCase {
  readonly name: string;
  readonly path: string;
  readonly before: string;
  readonly after: string;
  readonly expect: readonly { rule: string; dependency: string }[];
  readonly lockfiles?: Readonly<Record<string, string>>;
  readonly installed?: readonly string[];
  readonly installedManifests?: Readonly<Record<string, string>>;
  readonly online?: Readonly<Record<string, OnlineResult>>;
}

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'supply-chain');

function load<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8')) as T;
}

function row(table: Map<string, Counts>, name: string): Counts {
  let c = table.get(name);
  if (!c) {
    c = counts(name);
    table.set(name, c);
  }
  return c;
}

function ecosystemOf(file: string): string {
  if (file.endsWith('.json')) return file === 'composer.json' ? 'packagist' : 'npm';
  if (/requirements|pyproject|Pipfile/.test(file)) return 'pypi';
  if (file === 'go.mod') return 'go';
  if (file === 'Cargo.toml') return 'cargo';
  if (/pom\.xml|gradle/.test(file)) return 'maven';
  return 'rubygems';
}

/** Scores lookalike names: a hit must name the package the case says it imitates. */
function scoreNames(perRule: Map<string, Counts>, perEco: Map<string, Counts>, misses: string[]): number {
  const lookalikes = load<{ ng: NameCase[]; ok: NameCase[]; sampledOk: NameCase[] }>('lookalikes.json');
  const rule = row(perRule, 'dependency-lookalike (names)');
  for (const c of lookalikes.ng) {
    const got = findLookalike(c.name, c.ecosystem);
    const eco = row(perEco, c.ecosystem);
    if (got && got.imitates === c.imitates) { rule.tp++; eco.tp++; } else {
      rule.fn++; eco.fn++;
      misses.push(`lookalike missed: ${c.ecosystem} \`${c.name}\` (imitates \`${c.imitates ?? ''}\`, got ${got ? `\`${got.imitates}\`` : 'nothing'})`);
      if (got) { rule.fp++; eco.fp++; }
    }
  }
  for (const c of [...lookalikes.ok, ...lookalikes.sampledOk]) {
    const got = findLookalike(c.name, c.ecosystem);
    const eco = row(perEco, c.ecosystem);
    if (got) {
      rule.fp++; eco.fp++;
      misses.push(`lookalike false alarm: ${c.ecosystem} \`${c.name}\` flagged as \`${got.imitates}\` (${got.kind})`);
    } else { rule.tn++; eco.tn++; }
  }
  return lookalikes.ng.length + lookalikes.ok.length + lookalikes.sampledOk.length;
}

/** Scores manifest edits: every (rule, dependency) pair expected must be found, and nothing else. */
function scoreManifests(perRule: Map<string, Counts>, perEco: Map<string, Counts>, misses: string[]): number {
  const { cases } = load<{ cases: ManifestCase[] }>('manifest-cases.json');
  for (const c of cases) {
    const findings = checkManifestEdit({
      path: c.path, before: c.before, after: c.after,
      lockfiles: new Map(Object.entries(c.lockfiles ?? {})),
      installed: new Set(c.installed ?? []),
      installedManifests: new Map(Object.entries(c.installedManifests ?? {})),
      online: c.online ? new Map(Object.entries(c.online)) : undefined,
    });
    const got = new Set(findings.map((f) => `${f.ruleId} ${f.fingerprint?.split(':').slice(2).join(':') ?? ''}`));
    const want = new Set(c.expect.map((e) => `${e.rule} ${e.dependency}`));
    const eco = row(perEco, ecosystemOf(path.basename(c.path)));
    for (const meta of supplyChainRuleMetas) {
      const r = row(perRule, meta.id);
      const wantHere = [...want].filter((w) => w.startsWith(`${meta.id} `));
      const gotHere = [...got].filter((g) => g.startsWith(`${meta.id} `));
      if (wantHere.length === 0 && gotHere.length === 0) { r.tn++; eco.tn++; }
      for (const w of wantHere) {
        if (got.has(w)) { r.tp++; eco.tp++; } else { r.fn++; eco.fn++; misses.push(`${c.name}: missed ${w}`); }
      }
      for (const g of gotHere) {
        if (!want.has(g)) { r.fp++; eco.fp++; misses.push(`${c.name}: unexpected ${g}`); }
      }
    }
  }
  return cases.length;
}

export const evaluation: Evaluation = {
  name: 'supply-chain',
  async run(): Promise<EvalSection> {
    const perRule = new Map<string, Counts>();
    const perEco = new Map<string, Counts>();
    const misses: string[] = [];
    const names = scoreNames(perRule, perEco, misses);
    const edits = scoreManifests(perRule, perEco, misses);
    const total = counts('total');
    for (const c of perRule.values()) addCounts(total, c);
    return {
      title: 'Supply chain: new dependencies',
      summary: `${names} package names (reported typosquats, AI-themed lookalikes, popular and sampled legitimate names) and ${edits} manifest edits in 7 registries.`,
      tables: { 'per rule': [...perRule.values()], 'per ecosystem': [...perEco.values()].sort((a, b) => a.name.localeCompare(b.name)) },
      total,
      gates: { precision: 0.9, recall: 0.9 },
      misses,
    };
  },
};
