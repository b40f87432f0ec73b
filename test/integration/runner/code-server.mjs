// Installs and starts code-server (real VS Code, served to a browser) for tests and the demo.
// Offline recipe: ../shared/VSCODE_TESTING.md. Shared by the test driver and `npm start`.
import { spawn, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** code-server release → the VS Code version it serves. 4.99.4 is the floor (Cursor/Windsurf base). */
export const VSCODE_OF = { '4.99.4': '1.99.3', '4.100.3': '1.100.3' };
export const DEFAULT_VERSIONS = ['4.99.4', '4.100.3'];

const log = (...a) => console.log('[code-server]', ...a);

function cacheDirFor(version) {
  return path.resolve(root, process.env.CODE_SERVER_CACHE || '.vscode-test', `code-server-${version}`);
}

/** Fails early with one clear message when a system prerequisite is missing. */
export function checkPrerequisites() {
  const missing = [];
  const chromium = chromiumPath();
  if (!chromium) missing.push('chromium (apt-get install chromium, or set CHROMIUM_PATH)');
  const krb = ['/usr/include/gssapi/gssapi.h', '/usr/include/gssapi.h'].some((f) => fs.existsSync(f));
  const anyInstalled = DEFAULT_VERSIONS.every((v) => fs.existsSync(path.join(cacheDirFor(v), '.installed')));
  if (!krb && !anyInstalled) missing.push('libkrb5-dev (headers for code-server\'s kerberos module)');
  if (missing.length > 0) {
    throw new Error(`cannot run VS Code integration tests: missing ${missing.join(' and ')}. ` +
      'On Debian/Ubuntu as root: apt-get install -y --no-install-recommends build-essential python3 libkrb5-dev chromium');
  }
}

export function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (fs.existsSync(p)) return p;
  }
  return undefined;
}

/** Installs code-server `version` once into the cache (idempotent); returns its entry script. */
export function ensureCodeServer(version) {
  const cacheDir = cacheDirFor(version);
  const entry = path.join(cacheDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const marker = path.join(cacheDir, '.installed');
  const want = `${version} node-abi-${process.versions.modules}`;
  if (fs.existsSync(entry) && fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === want) return entry;
  const t0 = Date.now();
  log(`installing code-server@${version} into ${cacheDir} (about a minute, once)`);
  fs.rmSync(cacheDir, { recursive: true, force: true });
  const tmp = path.join(cacheDir, 'tmp');
  fs.mkdirSync(tmp, { recursive: true });
  fs.writeFileSync(path.join(cacheDir, 'package.json'), '{ "private": true }\n');
  if (/^4\.(99|100)\./.test(version)) {
    // These releases pin @vscode/ripgrep 1.15.11, whose postinstall downloads rg unless its cache
    // holds this tarball: seed it with the rg shipped in the npm package @vscode/ripgrep.
    const rgCache = path.join(tmp, 'vscode-ripgrep-cache-1.15.11');
    fs.mkdirSync(rgCache, { recursive: true });
    const { rgPath } = require('@vscode/ripgrep');
    execFileSync('tar', ['czf', path.join(rgCache, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz'), '-C', path.dirname(rgPath), 'rg']);
  }
  const env = { ...process.env, TMPDIR: tmp, npm_config_unsafe_perm: 'true', npm_config_yes: 'true' };
  const nodeRoot = path.resolve(path.dirname(process.execPath), '..');
  if (!env.npm_config_nodedir && fs.existsSync(path.join(nodeRoot, 'include', 'node', 'node_version.h'))) env.npm_config_nodedir = nodeRoot;
  env.PATH = `${path.dirname(process.execPath)}${path.delimiter}${env.PATH}`;
  const logFile = path.join(cacheDir, 'install.log');
  try {
    execFileSync('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `code-server@${version}`],
      { cwd: cacheDir, env, stdio: ['ignore', fs.openSync(logFile, 'w'), fs.openSync(logFile, 'a')] });
  } catch {
    console.error(fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n'));
    throw new Error(`code-server ${version} install failed (log: ${logFile}); on Debian it needs build-essential python3 libkrb5-dev`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.writeFileSync(marker, want);
  log(`code-server ${version} installed in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return entry;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

/** Throw-away state folders for one code-server run. */
export function makeState(prefix, userSettings) {
  const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const dir = (n) => { const d = path.join(tmpRoot, n); fs.mkdirSync(d, { recursive: true }); return d; };
  const userData = dir('user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'workbench.tips.enabled': false,
    'chat.disableAIFeatures': true,
    'git.openRepositoryInParentFolders': 'never',
    ...userSettings,
  }, null, 2));
  return { tmpRoot, dir, userData, extensions: dir('extensions') };
}

/** Starts code-server; resolves once /healthz answers. */
export async function startCodeServer({ entry, state, port, trust, env = {} }) {
  const csEnv = {
    ...process.env,
    XDG_CONFIG_HOME: state.dir('xdg/config'), XDG_DATA_HOME: state.dir('xdg/data'),
    XDG_CACHE_HOME: state.dir('xdg/cache'), XDG_RUNTIME_DIR: state.dir('xdg/runtime'),
    TMPDIR: state.dir('tmp'), EXTENSIONS_GALLERY: '{}', ...env,
  };
  const args = ['--auth', 'none', '--disable-telemetry', '--disable-update-check',
    ...(trust ? ['--disable-workspace-trust'] : []), '--disable-getting-started-override',
    '--config', path.join(state.dir('xdg'), 'config.yaml'), '--user-data-dir', state.userData,
    '--extensions-dir', state.extensions, '--bind-addr', `127.0.0.1:${port}`];
  const proc = spawn(process.execPath, [entry, ...args], { env: csEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (b) => { output = (output + b).slice(-20000); };
  proc.stdout.on('data', keep);
  proc.stderr.on('data', keep);
  const base = `http://127.0.0.1:${port}`;
  const end = Date.now() + 60000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`code-server exited early (${proc.exitCode}):\n${output}`);
    if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) break;
    if (Date.now() > end) throw new Error(`code-server did not answer within 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    proc, base, env: csEnv, args,
    output: () => output,
    async stop() {
      if (proc.exitCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      try { process.kill(-proc.pid, 'SIGTERM'); } catch { /* gone */ }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      try { process.kill(-proc.pid, 'SIGKILL'); } catch { /* gone */ }
    },
    kill() { try { process.kill(-proc.pid, 'SIGKILL'); } catch { /* gone */ } },
  };
}

/** Installs a .vsix into the state's extensions folder with code-server's own CLI. */
export function installVsix(entry, state, vsix) {
  execFileSync(process.execPath, [entry, '--user-data-dir', state.userData, '--extensions-dir', state.extensions,
    '--install-extension', path.resolve(vsix)], { stdio: 'pipe', env: { ...process.env, EXTENSIONS_GALLERY: '{}' } });
}

/** The workbench URL that opens `folder` (or a .code-workspace file, or nothing) with a payload. */
export function workbenchUrl(base, port, { folder, workspaceFile, payload }) {
  const q = [];
  if (folder) q.push(`folder=${encodeURIComponent(folder)}`);
  if (workspaceFile) q.push(`workspace=${encodeURIComponent(workspaceFile)}`);
  if (payload) q.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  if (!folder && !workspaceFile) q.push('ew=true');
  return `${base}/?${q.join('&')}`;
}

export const remoteUri = (port, p) => `vscode-remote://127.0.0.1:${port}${p}`;

export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath(), headless: true,
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
    env: { ...process.env, XDG_CONFIG_HOME: path.join(os.tmpdir(), 'redline-chromium-config'), XDG_CACHE_HOME: path.join(os.tmpdir(), 'redline-chromium-cache') },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}
