// Scenario: a multi-root workspace with two folders.
import { runSuite } from './runSuite';

export function run(): Promise<void> {
  return runSuite(['common', 'multiRoot']);
}
