// Rows for "Show effective policy": every value Redline runs with, where it came from, and what was ignored.
import type { EffectiveConfig, ValueSource } from './effective';

/** One row of the effective-policy view. */
export interface EffectiveRow {
  /** A setting key without the `redline.` prefix, or `rules.<id>`. */
  readonly key: string;
  /** The value as compact JSON. */
  readonly value: string;
  readonly source: ValueSource;
  readonly enforced: boolean;
  /** Values that were not applied for this key, e.g. "user value ignored: enforced by workspace policy". */
  readonly notes: readonly string[];
}

const REASONS = {
  enforced: 'enforced by workspace policy',
  restricted: 'Restricted Mode allows only tightening',
  invalid: 'invalid value',
} as const;

/** The effective configuration as rows: settings in table order, then one row per rule. */
export function describeEffective(config: EffectiveConfig): EffectiveRow[] {
  const notes = (key: string) => config.ignored.filter((i) => i.key === key).map((i) => `${i.source} value ignored: ${REASONS[i.reason]}`);
  const rows: EffectiveRow[] = [];
  for (const [key, v] of Object.entries(config.values)) {
    if (key === 'rules') continue;
    rows.push({ key, value: JSON.stringify(v.value), source: v.source, enforced: v.enforced, notes: notes(key) });
  }
  for (const [id, v] of Object.entries(config.rules)) {
    const key = `rules.${id}`;
    const options = config.ruleOptions[id];
    rows.push({ key, value: JSON.stringify(options ? { level: v.value, options } : v.value), source: v.source, enforced: v.enforced, notes: [...notes(key), ...notes(`ruleOptions.${id}`)] });
  }
  return rows;
}
