// Worker thread for `redline check`: runs the per-file checks on its share of the changed files.
// Started by `checkInWorkers` (pool.ts) with its shard in `workerData`; posts the findings back once.
import { parentPort, workerData } from 'node:worker_threads';
import { GuardrailEngine } from '../../core/guardrails';
import type { Finding } from '../../core/model';
import { fileGrammarLoader } from '../grammars';
import { checkFileChange } from './file-checks';
import { loadGrammarsFor, type WorkerShard } from './pool';

async function main(shard: WorkerShard): Promise<Finding[][]> {
  const engine = new GuardrailEngine(fileGrammarLoader());
  await loadGrammarsFor(engine, shard.changes.map((c) => c.path));
  const lockfiles = new Map(shard.lockfiles);
  return shard.changes.map((c) => checkFileChange(engine, { ...c, lockfiles }));
}

if (parentPort && workerData) {
  const port = parentPort;
  main(workerData as WorkerShard).then(
    (findings) => port.postMessage({ ok: true, findings }),
    (err: unknown) => port.postMessage({ ok: false, error: err instanceof Error ? err.stack ?? err.message : String(err) }),
  );
}
