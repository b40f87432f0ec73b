// Scenario "reload", first window: leaves state behind that the second window must find again.
import { runSuite } from './runSuite';

export function run(): Promise<void> {
  return runSuite(['reloadBefore']);
}
