// The registry of every rule, across the three risk families. Docs, SARIF, the mentoring panel
// and the conformance test all walk this list.
import type { RuleMeta } from '../model';

/** Every rule's metadata, in a stable order (family, then id). */
export function allRuleMetas(): readonly RuleMeta[] {
  const metas: RuleMeta[] = [];
  return metas.sort((a, b) => a.family.localeCompare(b.family) || a.id.localeCompare(b.id));
}

/** Looks a rule up by id. */
export function ruleMeta(id: string): RuleMeta | undefined {
  return allRuleMetas().find((m) => m.id === id);
}
