// AI integrations inventory evaluation: builds the inventory of every fixture workspace in
// test/fixtures/inventory/ and counts, per rule, TP (rule, file and line match an expectation),
// FP (any other finding) and FN (a missed expectation); workspaces expecting nothing count TN.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildInventory, type Inventory, type InventoryHost } from '../../src/core/inventory';
import { addCounts, counts, type Counts, type EvalSection, type Evaluation } from '../quality';

/** One expected finding. */
export interface InventoryExpectation {
  readonly ruleId: string;
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly messageIncludes?: string;
}

/** One fixture workspace and what its inventory must hold. */
export interface InventoryCase {
  readonly name: string;
  readonly workspace: string;
  readonly installedExtensionIds?: readonly string[];
  readonly host?: InventoryHost;
  readonly policy?: { readonly allowed?: readonly string[] };
  /** Integrations that must be listed (kind, name and exact capabilities). */
  readonly integrations?: readonly { readonly kind: string; readonly name: string; readonly capabilities: readonly string[] }[];
  readonly expect: readonly InventoryExpectation[];
}

/** The project root: from the working directory, else from this file's place in out/. */
export function projectRoot(): string {
  const fromCwd = process.cwd();
  if (fs.existsSync(path.join(fromCwd, 'test', 'fixtures', 'inventory'))) return fromCwd;
  return path.resolve(__dirname, '..', '..', '..');
}

/** The cases of test/fixtures/inventory/cases.json. */
export function loadInventoryCases(root = projectRoot()): InventoryCase[] {
  const file = path.join(root, 'test', 'fixtures', 'inventory', 'cases.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { cases: InventoryCase[] }).cases;
}

/** Every file of a folder, as the CLI would read it: relative paths and texts. */
export function readWorkspace(dir: string): { files: Map<string, string>; allPaths: string[] } {
  const files = new Map<string, string>();
  const allPaths: string[] = [];
  const visit = (abs: string, rel: string): void => {
    for (const entry of fs.readdirSync(abs, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) visit(path.join(abs, entry.name), childRel);
      else if (entry.isFile()) {
        allPaths.push(childRel);
        files.set(childRel, fs.readFileSync(path.join(abs, entry.name), 'utf8'));
      }
    }
  };
  visit(dir, '');
  return { files, allPaths };
}

/** The inventory of one case's workspace. */
export function inventoryOf(c: InventoryCase, root = projectRoot()): Inventory {
  const ws = readWorkspace(path.join(root, 'test', 'fixtures', 'inventory', 'workspaces', c.workspace));
  return buildInventory({
    ...ws,
    installedExtensionIds: c.installedExtensionIds ?? [],
    ...(c.host ? { host: c.host } : {}),
    ...(c.policy ? { policy: c.policy } : {}),
  });
}

/** Matches findings to expectations (rule, file and exact line). */
export function scoreInventory(c: InventoryCase, inv: Inventory): { tp: InventoryExpectation[]; fp: string[]; fn: InventoryExpectation[] } {
  const left = [...inv.findings];
  const tp: InventoryExpectation[] = [];
  const fn: InventoryExpectation[] = [];
  for (const e of c.expect) {
    const i = left.findIndex((f) => f.finding.ruleId === e.ruleId && f.file === e.file && f.finding.range.start.line + 1 === e.line
      && (e.messageIncludes === undefined || f.finding.message.includes(e.messageIncludes)));
    if (i === -1) fn.push(e);
    else {
      tp.push(e);
      left.splice(i, 1);
    }
  }
  return { tp, fn, fp: left.map((f) => `${f.finding.ruleId} ${f.file}:${f.finding.range.start.line + 1}`) };
}

export const evaluation: Evaluation = {
  name: 'inventory',
  async run(): Promise<EvalSection> {
    const cases = loadInventoryCases();
    const perRule = new Map<string, Counts>();
    const row = (id: string): Counts => {
      let r = perRule.get(id);
      if (!r) perRule.set(id, (r = counts(id)));
      return r;
    };
    const total = counts('total');
    const misses: string[] = [];
    for (const c of cases) {
      const s = scoreInventory(c, inventoryOf(c));
      for (const e of s.tp) row(e.ruleId).tp++;
      for (const e of s.fn) {
        row(e.ruleId).fn++;
        misses.push(`${c.name}: missed ${e.ruleId} at ${e.file}:${e.line}`);
      }
      for (const f of s.fp) {
        row(f.split(' ')[0] ?? '').fp++;
        misses.push(`${c.name}: unexpected ${f}`);
      }
      if (c.expect.length === 0 && s.fp.length === 0) total.tn++;
    }
    const rows = [...perRule.values()].sort((a, b) => a.name.localeCompare(b.name));
    for (const r of rows) addCounts(total, r);
    return {
      title: 'AI integrations inventory',
      summary: `${cases.length} fixture workspaces, ${cases.reduce((n, c) => n + c.expect.length, 0)} expected findings`,
      tables: { 'per rule': rows },
      total,
      gates: { precision: 0.9, recall: 0.9 },
      misses,
    };
  },
};
