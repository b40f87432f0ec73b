// Prepares throw-away copies of the test workspace (a git repository, as users have) per run.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { root } from './code-server.mjs';

const template = path.join(root, 'test', 'integration', 'workspace');

function gitInit(dir) {
  const env = { ...process.env, GIT_AUTHOR_NAME: 'Redline Tests', GIT_AUTHOR_EMAIL: 'tests@redline.invalid',
    GIT_COMMITTER_NAME: 'Redline Tests', GIT_COMMITTER_EMAIL: 'tests@redline.invalid' };
  const git = (...args) => execFileSync('git', args, { cwd: dir, env, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'tests@redline.invalid');
  git('config', 'user.name', 'Redline Tests');
  git('add', '-A');
  git('commit', '-q', '-m', 'Initial commit');
}

function copyWorkspace(dest) {
  fs.cpSync(template, dest, { recursive: true });
  gitInit(dest);
  return dest;
}

/** Returns `{ folder?, workspaceFile? }` for the scenario, created under `tmpRoot`. */
export function prepareWorkspace(scenario, tmpRoot) {
  if (scenario.workspace === 'none') return {};
  if (scenario.workspace === 'multi-root') {
    const a = copyWorkspace(path.join(tmpRoot, 'api'));
    const b = copyWorkspace(path.join(tmpRoot, 'web'));
    const file = path.join(tmpRoot, 'redline.code-workspace');
    fs.writeFileSync(file, JSON.stringify({ folders: [{ path: a }, { path: b }], settings: {} }, null, 2));
    return { workspaceFile: file };
  }
  return { folder: copyWorkspace(path.join(tmpRoot, 'workspace')) };
}
