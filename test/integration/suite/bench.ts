// Benchmark scenario (run by `npm run bench`, not by `npm test`): editor latency in real VS Code.
import { runSuite } from './runSuite';

export function run(): Promise<void> {
  return runSuite(['bench']);
}
