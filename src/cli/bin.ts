// Entry point of the `redline` binary: the bundle's only side effect is running the CLI.
import { run } from './main';
import { processIo } from './io';

run(process.argv.slice(2), processIo()).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    process.stderr.write(`redline: internal error: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
