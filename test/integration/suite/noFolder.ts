// Scenario: an empty window with no folder open.
import { runSuite } from './runSuite';

export function run(): Promise<void> {
  return runSuite(['common', 'noFolder']);
}
