// Scenario "reload", second window on the same folder and user data.
import { runSuite } from './runSuite';

export function run(): Promise<void> {
  return runSuite(['reloadAfter']);
}
