// Real `git` for `redline check`: the repository root, the base commit, the changed files and their two versions.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { UsageError } from '../io';

/** git's empty tree: the base of a repository that has no commit yet. */
export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

const MAX_BUFFER = 512 * 1024 * 1024;

/** A git command that exited with an error. */
export class GitError extends Error {
  constructor(readonly args: readonly string[], readonly stderr: string, readonly exitCode: number | undefined) {
    super(`git ${args[0] ?? ''} failed: ${stderr.trim().split('\n')[0] ?? ''}`);
  }
}

/** Runs `git args` in `cwd`; resolves with stdout as bytes, rejects with a GitError. */
export function gitBytes(cwd: string, args: readonly string[], input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile('git', [...args], { cwd, encoding: 'buffer', maxBuffer: MAX_BUFFER, windowsHide: true }, (err, stdout, stderr) => {
      if (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') reject(new UsageError('git is not installed or not on PATH'));
        else reject(new GitError(args, stderr.toString('utf8'), typeof code === 'number' ? code : undefined));
        return;
      }
      resolve(stdout);
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** Runs `git args` in `cwd` and returns stdout as UTF-8 text. */
export async function git(cwd: string, args: readonly string[]): Promise<string> {
  return (await gitBytes(cwd, args)).toString('utf8');
}

/** The top folder of the repository holding `cwd`. */
export async function repositoryRoot(cwd: string): Promise<string> {
  try {
    return path.resolve((await git(cwd, ['rev-parse', '--show-toplevel'])).trim());
  } catch (err) {
    if (err instanceof GitError) throw new UsageError(`${cwd} is not inside a git repository`);
    throw err;
  }
}

async function commitOf(root: string, ref: string): Promise<string | undefined> {
  try {
    return (await git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim() || undefined;
  } catch {
    return undefined;
  }
}

async function hasCommits(root: string): Promise<boolean> {
  try {
    return (await git(root, ['rev-list', '-n', '1', '--all'])).trim() !== '';
  } catch {
    return false;
  }
}

/** What the change is compared with. */
export interface BaseCommit {
  /** What the user asked for, or how the default was found (`merge-base origin/main`, `HEAD`). */
  readonly ref: string;
  /** The commit (or the empty tree in a repository without commits). */
  readonly commit: string;
}

/**
 * The base to compare with: `requested` when given (a missing ref is a usage error), else the merge-base
 * of HEAD with the default branch (`origin/HEAD`, then `origin/main`, `origin/master`, `main`, `master`),
 * else HEAD, else the empty tree.
 */
export async function resolveBase(root: string, requested: string | undefined): Promise<BaseCommit> {
  if (requested !== undefined) {
    const commit = requested.startsWith('-') ? undefined : await commitOf(root, requested);
    // A pre-commit hook runs `--base HEAD` before the first commit too: compare with the empty tree.
    if (!commit && requested === 'HEAD' && !(await hasCommits(root))) return { ref: 'HEAD (no commits yet)', commit: EMPTY_TREE };
    if (!commit) throw new UsageError(`base '${requested}' is not a commit in this repository (try a branch, tag or SHA, and fetch it first in CI)`);
    return { ref: requested, commit };
  }
  const head = await commitOf(root, 'HEAD');
  if (!head) return { ref: '(no commits yet)', commit: EMPTY_TREE };
  for (const branch of await defaultBranchCandidates(root)) {
    if (!(await commitOf(root, branch))) continue;
    try {
      const mergeBase = (await git(root, ['merge-base', 'HEAD', branch])).trim();
      if (mergeBase) return { ref: mergeBase === head ? 'HEAD' : `merge-base ${branch}`, commit: mergeBase };
    } catch {
      // unrelated histories: try the next candidate
    }
  }
  return { ref: 'HEAD', commit: head };
}

async function defaultBranchCandidates(root: string): Promise<string[]> {
  const candidates: string[] = [];
  try {
    const symbolic = (await git(root, ['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD'])).trim();
    if (symbolic) candidates.push(symbolic.replace(/^refs\/remotes\//, ''));
  } catch {
    // no origin/HEAD (a local repository, or a shallow CI clone)
  }
  candidates.push('origin/main', 'origin/master', 'main', 'master');
  return [...new Set(candidates)];
}

/** How a file changed between the base and the new version. */
export type ChangeStatus = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'type-changed';

/** One changed file, paths relative to the repository root with `/`. */
export interface ChangedFile {
  readonly path: string;
  /** The path in the base, for renamed and copied files. */
  readonly oldPath?: string;
  readonly status: ChangeStatus;
}

const STATUS: Record<string, ChangeStatus> = { A: 'added', M: 'modified', D: 'deleted', R: 'renamed', C: 'copied', T: 'type-changed' };

/** Parses `git diff --name-status -z` output. */
export function parseNameStatus(output: string): ChangedFile[] {
  const parts = output.split('\0');
  const files: ChangedFile[] = [];
  for (let i = 0; i < parts.length;) {
    const code = parts[i++] ?? '';
    if (code === '') continue;
    const status = STATUS[code[0] ?? ''];
    if (status === 'renamed' || status === 'copied') {
      const oldPath = parts[i++] ?? '';
      const newPath = parts[i++] ?? '';
      files.push({ path: newPath, oldPath, status });
    } else {
      const file = parts[i++] ?? '';
      if (status) files.push({ path: file, status });
    }
  }
  return files;
}

/** Which version of the files is checked. */
export type Target = 'working-tree' | 'index';

/**
 * Files that differ between `base` and the index (`staged`) or the working tree, limited to `pathspecs`
 * (root-relative). In the working tree, untracked files that are not ignored count as added.
 */
export async function changedFiles(root: string, base: string, target: Target, pathspecs: readonly string[]): Promise<ChangedFile[]> {
  const limit = pathspecs.length > 0 ? ['--', ...pathspecs] : [];
  const diffArgs = ['-c', 'core.quotePath=false', 'diff', '--name-status', '-z', '-M', '--no-ext-diff', '--no-color', '--no-textconv'];
  const output = await git(root, [...diffArgs, ...(target === 'index' ? ['--cached'] : []), base, ...limit]);
  const files = parseNameStatus(output);
  if (target === 'working-tree') {
    const untracked = await git(root, ['ls-files', '--others', '--exclude-standard', '-z', ...limit]);
    const known = new Set(files.map((f) => f.path));
    for (const file of untracked.split('\0')) if (file && !known.has(file)) files.push({ path: file, status: 'added' });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Reads many blobs through one `git cat-file --batch`: each name is `<commit>:<path>` or `:<path>` (the index).
 * Missing objects map to `undefined`.
 */
export async function readBlobs(root: string, names: readonly string[]): Promise<Map<string, Buffer | undefined>> {
  const out = new Map<string, Buffer | undefined>();
  const usable = names.filter((n) => !n.includes('\n'));
  if (usable.length === 0) return out;
  const stdout = await gitBytes(root, ['cat-file', '--batch'], `${usable.join('\n')}\n`);
  let at = 0;
  for (const name of usable) {
    const eol = stdout.indexOf(10, at);
    if (eol < 0) break;
    const header = stdout.subarray(at, eol).toString('utf8');
    at = eol + 1;
    const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!m) {
      out.set(name, undefined);
      continue;
    }
    const size = Number(m[2]);
    out.set(name, m[1] === 'blob' ? stdout.subarray(at, at + size) : undefined);
    at += size + 1;
  }
  return out;
}

/** A file of the working tree, or `undefined` when it is gone or is not a regular file. */
export async function readWorkingFile(root: string, file: string): Promise<Buffer | undefined> {
  try {
    const absolute = path.join(root, file);
    const stat = await fs.lstat(absolute);
    if (stat.isSymbolicLink()) return Buffer.from(await fs.readlink(absolute), 'utf8');
    if (!stat.isFile()) return undefined;
    return await fs.readFile(absolute);
  } catch {
    return undefined;
  }
}
