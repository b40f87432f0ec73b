// Shared shapes and arithmetic for `npm run eval`: each area reports confusion counts per rule.

/** Confusion counts for one row of an evaluation table (a rule, a detector, a language). */
export interface Counts {
  readonly name: string;
  tp: number;
  fp: number;
  fn: number;
  /** Cases with no expected finding that produced none. */
  tn: number;
}

/** One area's evaluation: its tables and the gates its unit test enforces. */
export interface EvalSection {
  readonly title: string;
  /** What was evaluated, e.g. "84 before/after pairs in 6 languages". */
  readonly summary: string;
  /** Tables by heading (e.g. "per rule", "per language"). */
  readonly tables: Readonly<Record<string, readonly Counts[]>>;
  /** Totals over the whole set. */
  readonly total: Counts;
  readonly gates: { readonly precision: number; readonly recall: number };
  /** Cases that went wrong, for the report (never secret values). */
  readonly misses: readonly string[];
}

/** An evaluation module in scripts/eval/ exports `evaluation`. */
export interface Evaluation {
  readonly name: string;
  run(): Promise<EvalSection>;
}

export function counts(name: string): Counts {
  return { name, tp: 0, fp: 0, fn: 0, tn: 0 };
}

export function precision(c: Counts): number {
  return c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
}

export function recall(c: Counts): number {
  return c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
}

/** Adds `b` into `a`. */
export function addCounts(a: Counts, b: Counts): void {
  a.tp += b.tp;
  a.fp += b.fp;
  a.fn += b.fn;
  a.tn += b.tn;
}

/** Renders a Markdown table of counts with precision and recall. */
export function countsTable(rows: readonly Counts[]): string {
  const lines = ['| name | TP | FP | FN | TN | precision | recall |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |'];
  for (const r of rows) {
    lines.push(`| ${r.name} | ${r.tp} | ${r.fp} | ${r.fn} | ${r.tn} | ${precision(r).toFixed(3)} | ${recall(r).toFixed(3)} |`);
  }
  return lines.join('\n');
}
