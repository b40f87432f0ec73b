// Runs the mocha test files of some folders (relative to this one) inside the extension host.
// The same entry works under code-server (our driver) and @vscode/test-electron.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

/** Adds every `*.test.js` below the given folders and runs them; rejects when a test fails. */
export function runSuite(folders: readonly string[]): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30000 });
  // REDLINE_TEST_GREP=<regex> runs only the matching tests (the driver's environment reaches the extension host).
  if (process.env.REDLINE_TEST_GREP) mocha.grep(new RegExp(process.env.REDLINE_TEST_GREP));
  for (const folder of folders) {
    const dir = path.resolve(__dirname, folder);
    if (!fs.existsSync(dir)) continue;
    for (const f of (fs.readdirSync(dir, { recursive: true }) as string[]).sort()) {
      if (f.endsWith('.test.js')) mocha.addFile(path.resolve(dir, f));
    }
  }
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} tests failed.`)) : resolve()));
    } catch (err) {
      reject(err);
    }
  });
}
