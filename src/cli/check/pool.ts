// Spreads the per-file checks of `redline check` over worker threads (the guardrail engine's parsing
// dominates), with the main thread taking a share too. Falls back to one thread when no worker script ships.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { languageIdForPath, parsedLanguageIds, type GuardrailEngine } from '../../core/guardrails';
import type { Finding } from '../../core/model';
import { checkFileChange, type FileChange } from './file-checks';

/** One changed file as sent to a worker (lockfiles travel once per shard). */
export type WorkerChange = Omit<FileChange, 'lockfiles'>;

/** What a worker receives in `workerData`. */
export interface WorkerShard {
  readonly changes: readonly WorkerChange[];
  readonly lockfiles: readonly (readonly [string, string])[];
}

type WorkerReply = { ok: true; findings: Finding[][] } | { ok: false; error: string };

/** Below this many files, starting a worker (modules, grammars) costs more than it saves. */
const MIN_FILES_PER_WORKER = 12;

/** The worker script next to this module (out/ layout) or next to the bundle (dist/check-worker.js), if present. */
export function workerScript(): string | undefined {
  return [path.join(__dirname, 'worker.js'), path.join(__dirname, 'check-worker.js')].find((f) => fs.existsSync(f));
}

/**
 * How many workers to start for `files` changed files, given `requested` (undefined: automatic). Automatic
 * mode uses up to 3 spare cores, and none when the machine is already busier than its core count (a
 * worker's own start-up then costs more than the parallelism gains).
 */
export function workerCount(files: number, requested: number | undefined, load: number = os.loadavg()[0] ?? 0): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const max = requested ?? (load >= cores ? 0 : Math.min(3, cores - 1));
  return Math.max(0, Math.min(max, Math.floor(files / MIN_FILES_PER_WORKER) - 1));
}

/** Splits changes into `n` shards of about the same size (largest files first, each to the lightest shard). */
function shards<T extends { after: string }>(items: readonly T[], n: number): number[][] {
  const out = Array.from({ length: n }, () => ({ bytes: 0, indexes: [] as number[] }));
  const order = items.map((c, i) => i).sort((a, b) => (items[b]?.after.length ?? 0) - (items[a]?.after.length ?? 0));
  for (const i of order) {
    const lightest = out.reduce((best, s) => (s.bytes < best.bytes ? s : best));
    lightest.indexes.push(i);
    lightest.bytes += items[i]?.after.length ?? 0;
  }
  return out.map((s) => s.indexes);
}

function runWorker(script: string, shard: WorkerShard): Promise<Finding[][]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: shard });
    worker.once('message', (reply: WorkerReply) => {
      void worker.terminate();
      if (reply.ok) resolve(reply.findings);
      else reject(new Error(`check worker failed: ${reply.error}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => { if (code !== 0) reject(new Error(`check worker exited with code ${code}`)); });
  });
}

/** Loads the grammars the given files need (once per engine). */
export async function loadGrammarsFor(engine: GuardrailEngine, paths: readonly string[]): Promise<void> {
  const languages = new Set(paths.map((p) => languageIdForPath(p)).filter((l) => parsedLanguageIds.includes(l)));
  await Promise.all([...languages].map((l) => engine.ensureLanguage(l)));
}

/**
 * Findings for each change (same order), computed on `workers` worker threads plus this thread. With
 * `workers` 0 or no worker script, everything runs here. Workers start first, so their start-up overlaps this thread's share.
 */
export async function checkChanges(engine: GuardrailEngine, changes: readonly FileChange[], lockfiles: ReadonlyMap<string, string>, workers: number): Promise<Finding[][]> {
  const script = workers > 0 ? workerScript() : undefined;
  if (!script) {
    await loadGrammarsFor(engine, changes.map((c) => c.path));
    return changes.map((c) => checkFileChange(engine, c));
  }
  const parts = shards(changes, workers + 1);
  const entries = [...lockfiles];
  const [local, ...remote] = parts;
  const pending = remote.map((indexes) => runWorker(script, {
    changes: indexes.map((i) => { const { lockfiles: _unused, ...rest } = changes[i] as FileChange; return rest; }),
    lockfiles: entries,
  }));
  const results: Finding[][] = new Array<Finding[]>(changes.length);
  await loadGrammarsFor(engine, (local ?? []).map((i) => changes[i]?.path ?? ''));
  for (const i of local ?? []) results[i] = checkFileChange(engine, changes[i] as FileChange);
  const replies = await Promise.all(pending);
  remote.forEach((indexes, w) => indexes.forEach((i, k) => { results[i] = replies[w]?.[k] ?? []; }));
  return results;
}
