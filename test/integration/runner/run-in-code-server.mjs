#!/usr/bin/env node
// Runs the integration suites inside real VS Code (code-server + headless Chromium), offline, in
// every VS Code version of the matrix and every scenario (folder, no folder, multi-root, Restricted
// Mode, installed vsix). A failure anywhere fails the run.
//   node test/integration/runner/run-in-code-server.mjs [--only <scenario>] [--versions 4.99.4,4.100.3]
// Env: CODE_SERVER_CACHE (default .vscode-test), CHROMIUM_PATH, REDLINE_CODE_SERVER_VERSIONS.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import {
  DEFAULT_VERSIONS, VSCODE_OF, checkPrerequisites, ensureCodeServer, freePort, installVsix, launchChromium,
  makeState, remoteUri, root, startCodeServer, workbenchUrl,
} from './code-server.mjs';
import { prepareWorkspace } from './workspaces.mjs';
import { UiDriver } from './ui-driver.mjs';
import { scenarios } from '../scenarios.mjs';

const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const versions = (opt('--versions') ?? process.env.REDLINE_CODE_SERVER_VERSIONS ?? DEFAULT_VERSIONS.join(',')).split(',');
const only = opt('--only')?.split(',');
const timeoutMs = Number(opt('--timeout') ?? 240) * 1000;
const log = (...a) => console.log('[driver]', ...a);
const started = Date.now();

const WORKBENCH_NOISE = /ENOTFOUND|open-vsx|marketplace|^Ignoring fetching additional builtin|^Creating a socket|^Resolv(ing|ed) connection token|^\[Service Worker\]|^ChatSessionStore|^Updating additional builtin|^Started local extension host|^Extension host .* started/i;

let current;  // { server, browser, state } of the scenario running now, for cleanup on signals
async function cleanupCurrent() {
  const c = current;
  current = undefined;
  if (!c) return;
  await c.browser?.close().catch(() => {});
  await c.server?.stop();
  if (c.state) fs.rmSync(c.state.tmpRoot, { recursive: true, force: true, maxRetries: 3 });
}
for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.on(sig, () => { log(`${sig}: stopping`); cleanupCurrent().finally(() => process.exit(code)); });
}
process.on('exit', () => current?.server?.kill());

function packageVsix() {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const file = path.join(root, `redline-${pkg.version}.vsix`);
  execFileSync('npx', ['vsce', 'package', '--no-dependencies', '--out', file], { cwd: root, stdio: 'pipe' });
  return file;
}

async function runScenario(version, scenario, vsixFile) {
  const entry = ensureCodeServer(version);
  const state = makeState(`redline-it-${scenario.name}-`, scenario.trust === false
    ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.emptyWindow': false }
    : {});
  current = { state };
  const workspace = prepareWorkspace(scenario, state.tmpRoot);
  const resultsDir = path.join(root, 'test-results', VSCODE_OF[version] ?? version);
  fs.mkdirSync(resultsDir, { recursive: true });
  const uiDir = state.dir('ui');
  let devPath = root;
  if (scenario.vsix) {
    installVsix(entry, state, vsixFile);
    // VS Code runs extensionTestsPath only in development mode: use an empty stub as the
    // development extension, so the Redline under test is the installed vsix.
    devPath = state.dir('stub-extension');
    fs.writeFileSync(path.join(devPath, 'package.json'), JSON.stringify(
      { name: 'redline-test-host-stub', publisher: 'redline-tests', version: '0.0.0', engines: { vscode: '*' } }));
  }
  const port = await freePort();
  const server = await startCodeServer({ entry, state, port, trust: scenario.trust !== false,
    env: { REDLINE_UI_DRIVER: scenario.ui ? uiDir : '', REDLINE_TEST_SCENARIO: scenario.name } });
  current.server = server;
  const browser = await launchChromium();
  current.browser = browser;
  // A scenario may run several windows in turn on the same server, state and folder: a reload.
  const counts = { passing: 0, failing: 0 };
  let code = 0;
  const entries = scenario.entries ?? [scenario.entry];
  // One browser profile for every window of the scenario: workbench state (IndexedDB) survives, as in a reload.
  const profile = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  for (const [phase, testsEntry] of entries.entries()) {
    const r = await runWindow({ browser: profile, server, port, devPath, workspace, testsEntry, uiDir, resultsDir,
      name: entries.length > 1 ? `${scenario.name}-${phase + 1}` : scenario.name });
    counts.passing += r.passing;
    counts.failing += r.failing;
    if (r.code !== 0) { code = r.code; break; }
  }
  await cleanupCurrent();
  return { code, ...counts };
}

/** Opens one workbench window that runs `testsEntry`; resolves with mocha's counts and exit code. */
async function runWindow({ browser, server, port, devPath, workspace, testsEntry, uiDir, resultsDir, name }) {
  const page = await browser.newPage();
  const ui = new UiDriver(page, uiDir, resultsDir);
  const counts = { passing: 0, failing: 0 };
  let resolveExit;
  const exited = new Promise((r) => { resolveExit = r; });
  await page.exposeFunction('codeAutomationLog', (type, argsIn) => {
    const line = util.format(...(Array.isArray(argsIn) ? argsIn : [argsIn]));
    if (ui.handles(line)) return;
    if (WORKBENCH_NOISE.test(line)) return;  // the workbench's own chatter, not the tests'
    (type === 'error' ? console.error : console.log)(line);
    const m = /^\s*(\d+) (passing|failing)\b/.exec(line);
    if (m) counts[m[2]] = Number(m[1]);
  });
  await page.exposeFunction('codeAutomationExit', async (code) => {
    await page.screenshot({ path: path.join(resultsDir, `${name}-final.png`) }).catch(() => {});
    resolveExit(code);
  });
  page.on('pageerror', (e) => log('page error:', e.message));
  page.on('dialog', (d) => void d.accept().catch(() => {}));  // "leave the page?" when a window closes
  const payload = [['extensionDevelopmentPath', remoteUri(port, devPath)],
    ['extensionTestsPath', remoteUri(port, path.join(root, testsEntry))]];
  const timer = setTimeout(() => {
    log(`window ${name} timed out after ${timeoutMs / 1000} s; code-server said:\n${server.output().slice(-3000)}`);
    page.screenshot({ path: path.join(resultsDir, `${name}-timeout.png`) }).catch(() => {}).finally(() => resolveExit(124));
  }, timeoutMs);
  await page.goto(workbenchUrl(server.base, port, { ...workspace, payload }));
  const code = await exited;
  clearTimeout(timer);
  // Unload handlers flush the workbench's storage, as closing a real window does.
  await page.close({ runBeforeUnload: true }).catch(() => {});
  await page.waitForEvent('close', { timeout: 5000 }).catch(() => {});
  if (code !== 0 && counts.failing === 0) counts.failing = 1;  // a crash before mocha reported
  return { code, ...counts };
}

async function main() {
  checkPrerequisites();
  const chosen = scenarios.filter((s) => (only ? only.includes(s.name) : !s.benchOnly));
  const vsixFile = chosen.some((s) => s.vsix) ? packageVsix() : undefined;
  const summary = [];
  for (const version of versions) {
    for (const scenario of chosen) {
      const t0 = Date.now();
      log(`== VS Code ${VSCODE_OF[version] ?? '?'} (code-server ${version}) · scenario ${scenario.name} ==`);
      const r = await runScenario(version, scenario, vsixFile);
      summary.push({ version: VSCODE_OF[version] ?? version, scenario: scenario.name, ...r, secs: (Date.now() - t0) / 1000 });
    }
  }
  console.log('\nIntegration results');
  for (const s of summary) {
    console.log(`  VS Code ${s.version.padEnd(8)} ${s.scenario.padEnd(11)} ${String(s.passing).padStart(3)} passed ${String(s.failing).padStart(2)} failed  exit ${s.code}  ${s.secs.toFixed(1)} s`);
  }
  const passed = summary.reduce((n, s) => n + s.passing, 0);
  const failed = summary.reduce((n, s) => n + s.failing, 0);
  log(`all scenarios done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(`integration: ${passed} passed, ${failed} failed`);
  return summary.every((s) => s.code === 0) && failed === 0 ? 0 : 1;
}

main().then((code) => { process.exitCode = code; }, async (err) => {
  console.error('[driver]', err instanceof Error ? err.message : err);
  await cleanupCurrent();
  process.exitCode = 1;
});
