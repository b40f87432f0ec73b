#!/usr/bin/env node
// The same integration suites in desktop VS Code through @vscode/test-electron, for machines that
// can download VS Code (on Linux without a display: xvfb-run -a npm run test:electron).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { root } from './code-server.mjs';
import { prepareWorkspace } from './workspaces.mjs';
import { scenarios } from '../scenarios.mjs';

const versions = (process.env.REDLINE_VSCODE_VERSIONS ?? '1.99.3,1.100.3').split(',');
let failed = 0;
for (const version of versions) {
  // The vsix and Restricted Mode scenarios rely on the code-server driver's set-up.
  for (const scenario of scenarios.filter((s) => !s.vsix && s.trust !== false && !s.benchOnly && !s.entries)) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `redline-electron-${scenario.name}-`));
    const { folder, workspaceFile } = prepareWorkspace(scenario, tmp);
    try {
      await runTests({
        version,
        extensionDevelopmentPath: root,
        extensionTestsPath: path.join(root, scenario.entry),
        launchArgs: [...(folder ?? workspaceFile ? [folder ?? workspaceFile] : []), '--disable-extensions', '--disable-workspace-trust'],
        extensionTestsEnv: { REDLINE_TEST_SCENARIO: '' },
      });
    } catch (err) {
      console.error(`VS Code ${version} · ${scenario.name} failed:`, err);
      failed++;
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
}
process.exitCode = failed > 0 ? 1 : 0;
