// Scenario: one folder (a git repository), trusted. UI tests join when the code-server driver serves them.
import { runSuite } from './runSuite';

export function run(): Promise<void> {
  return runSuite(['common', 'workspace', ...(process.env.REDLINE_UI_DRIVER ? ['ui'] : [])]);
}
