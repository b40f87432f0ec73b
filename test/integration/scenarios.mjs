// The integration scenarios: each opens VS Code in a different situation and runs one suite entry.
// Shared by the code-server driver and the @vscode/test-electron runner.

/** @typedef {{ name: string, entry?: string, entries?: string[], workspace: 'folder' | 'none' | 'multi-root', trust?: boolean, vsix?: boolean, ui?: boolean, benchOnly?: boolean }} Scenario */

/** @type {Scenario[]} */
export const scenarios = [
  { name: 'workspace', entry: 'out/test/integration/suite/workspace.js', workspace: 'folder', ui: true },
  { name: 'no-folder', entry: 'out/test/integration/suite/noFolder.js', workspace: 'none' },
  { name: 'multi-root', entry: 'out/test/integration/suite/multiRoot.js', workspace: 'multi-root' },
  { name: 'restricted', entry: 'out/test/integration/suite/restricted.js', workspace: 'folder', trust: false },
  // Two windows in turn on the same folder and user data: what a reload keeps.
  { name: 'reload', entries: ['out/test/integration/suite/reloadBefore.js', 'out/test/integration/suite/reloadAfter.js'], workspace: 'folder' },
  { name: 'vsix', entry: 'out/test/integration/suite/vsix.js', workspace: 'folder', vsix: true },
  // Run only when named (npm run bench): editor latency, not a test of behaviour.
  { name: 'bench', entry: 'out/test/integration/suite/bench.js', workspace: 'folder', benchOnly: true },
];
