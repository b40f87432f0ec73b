// Scenario: the packaged .vsix installed with --install-extension, not the development copy.
import { runSuite } from './runSuite';

export function run(): Promise<void> {
  return runSuite(['common', 'vsix']);
}
