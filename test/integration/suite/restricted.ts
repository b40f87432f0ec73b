// Scenario: workspace trust on and the folder untrusted (Restricted Mode).
import { runSuite } from './runSuite';

export function run(): Promise<void> {
  return runSuite(['common', 'restricted']);
}
