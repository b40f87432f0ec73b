#!/usr/bin/env node
// `npm start`: builds and packages Redline, installs the vsix into a local code-server and serves
// the demo/ workspace. Prints the URL to open; Ctrl+C stops everything.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DEFAULT_VERSIONS, ensureCodeServer, freePort, installVsix, makeState, root, startCodeServer,
} from '../test/integration/runner/code-server.mjs';

const args = process.argv.slice(2);
const portArg = args.includes('--port') ? Number(args[args.indexOf('--port') + 1]) : undefined;
const version = process.env.REDLINE_CODE_SERVER_VERSION ?? DEFAULT_VERSIONS[DEFAULT_VERSIONS.length - 1];
const t0 = Date.now();
const log = (...a) => console.log('[start]', ...a);

log('building and packaging Redline');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const vsix = path.join(root, `redline-${pkg.version}.vsix`);
execFileSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
const entry = ensureCodeServer(version);
const state = makeState('redline-demo-', { 'workbench.colorTheme': 'Default Dark Modern' });
installVsix(entry, state, vsix);

// Work on a copy, as a git repository, so the demo can be run again from scratch.
const demo = path.join(os.tmpdir(), `redline-demo-workspace-${process.pid}`);
fs.cpSync(path.join(root, 'demo'), demo, { recursive: true });
const git = (...a) => execFileSync('git', a, { cwd: demo, stdio: 'ignore', env: { ...process.env,
  GIT_AUTHOR_NAME: 'Redline Demo', GIT_AUTHOR_EMAIL: 'demo@redline.invalid', GIT_COMMITTER_NAME: 'Redline Demo', GIT_COMMITTER_EMAIL: 'demo@redline.invalid' } });
git('init', '-q', '-b', 'main');
git('add', '-A');
git('commit', '-q', '-m', 'Demo app');

const port = portArg ?? await freePort();
const server = await startCodeServer({ entry, state, port, trust: true });
let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  log('stopping');
  await server.stop();
  fs.rmSync(state.tmpRoot, { recursive: true, force: true });
  fs.rmSync(demo, { recursive: true, force: true });
  process.exit(code);
}
for (const [sig, code] of [['SIGINT', 0], ['SIGTERM', 0], ['SIGHUP', 0]]) process.on(sig, () => stop(code));
log(`ready after ${((Date.now() - t0) / 1000).toFixed(0)} s`);
console.log(`\n  Open Redline's demo in a browser:\n\n    ${server.base}/?folder=${encodeURIComponent(demo)}\n`);
console.log('  Then run "Redline: Run Demo AI Edit" from the Command Palette (F1). Ctrl+C stops the server.\n');
await new Promise(() => {});
