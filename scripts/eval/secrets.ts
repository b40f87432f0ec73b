// Quality of the secrets detector on the seeded fixture set (test/fixtures/secrets/generate.mjs):
// precision and recall per detector and per hard-negative category.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { detectSecrets, secretDetectors } from '../../src/core/secrets';
import { addCounts, counts, type Counts, type EvalSection, type Evaluation } from '../quality';

/** One generated case. */
export interface SecretCase {
  readonly id: string;
  /** Expected detector id; null for a negative. */
  readonly detector: string | null;
  readonly category: string;
  readonly path: string;
  readonly text: string;
}

/** Builds the cases in memory from the committed generator (nothing token-shaped is stored). */
export async function loadSecretCases(seed = 6): Promise<{ positives: SecretCase[]; negatives: SecretCase[] }> {
  const file = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'secrets', 'generate.mjs');
  const mod = (await import(pathToFileURL(file).href)) as { generateCases(seed: number): { positives: SecretCase[]; negatives: SecretCase[] } };
  return mod.generateCases(seed);
}

/** Runs the detector over every case and fills the tables. */
export async function evaluateSecrets(): Promise<EvalSection> {
  const { positives, negatives } = await loadSecretCases();
  const perDetector = new Map<string, Counts>(secretDetectors.map((d) => [d.id, counts(d.id)]));
  const perCategory = new Map<string, Counts>();
  const row = (map: Map<string, Counts>, name: string): Counts => {
    let c = map.get(name);
    if (!c) map.set(name, (c = counts(name)));
    return c;
  };
  const misses: string[] = [];
  for (const c of [...positives, ...negatives]) {
    const found = detectSecrets(c.text, { path: c.path });
    const ids = new Set(found.map((m) => m.detector));
    const cat = row(perCategory, c.detector ? 'positives' : `negatives: ${c.category}`);
    if (c.detector) {
      if (ids.has(c.detector)) {
        row(perDetector, c.detector).tp++;
        cat.tp++;
      } else {
        row(perDetector, c.detector).fn++;
        cat.fn++;
        misses.push(`missed ${c.id} (${c.path})${ids.size > 0 ? `: found ${[...ids].join(', ')} instead` : ''}`);
      }
      for (const other of ids) if (other !== c.detector) row(perDetector, other).fp++;
    } else if (ids.size === 0) {
      cat.tn++;
    } else {
      cat.fp++;
      for (const id of ids) row(perDetector, id).fp++;
      misses.push(`false positive on ${c.id} (${c.path}): ${found.map((m) => `${m.detector} ${m.masked}`).join(', ')}`);
    }
  }
  const total = counts('all detectors');
  for (const c of perCategory.values()) addCounts(total, c);
  return {
    title: 'Secrets detector',
    summary: `${positives.length} positive and ${negatives.length} hard-negative cases built by the seeded generator in test/fixtures/secrets/generate.mjs.`,
    tables: {
      'per detector': [...perDetector.values()].filter((c) => c.tp + c.fp + c.fn > 0),
      'per case set': [...perCategory.values()],
    },
    total,
    gates: { precision: 0.95, recall: 0.9 },
    misses,
  };
}

/** Picked up by `npm run eval`. */
export const evaluation: Evaluation = { name: 'secrets', run: evaluateSecrets };
