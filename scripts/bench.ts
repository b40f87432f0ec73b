// `npm run bench`: runs every benchmark in scripts/bench/ (or those named on the command line)
// and prints their tables. Figures are for reading, not asserting: no test times anything.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A benchmark module in scripts/bench/ exports `benchmark`. */
export interface Benchmark {
  readonly name: string;
  /** Prints its own tables through `log`. */
  run(log: (line: string) => void): Promise<void>;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const dir = path.join(__dirname, 'bench');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.js')).sort();
  console.log(`# Redline benchmarks\n\n${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${new Date().toISOString()}\n`);
  for (const file of files) {
    const { benchmark } = (await import(path.join(dir, file))) as { benchmark?: Benchmark };
    if (!benchmark || (only.length > 0 && !only.includes(benchmark.name))) continue;
    console.log(`## ${benchmark.name}\n`);
    await benchmark.run((line) => console.log(line));
    console.log('');
  }
}

main().catch((err: unknown) => { console.error(err); process.exitCode = 1; });
