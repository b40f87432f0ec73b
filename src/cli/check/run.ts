// `redline check` as a function: finds the changed files with git, reads both versions, runs the core checks,
// applies the policy and the acknowledgements. Shared by the CLI command and the VS Code command.
import * as path from 'node:path';
import { minimatch } from 'minimatch';
import { type Acknowledgement } from '../../core/acknowledgements';
import { GuardrailEngine, type GrammarLoader } from '../../core/guardrails';
import type { Finding, Severity } from '../../core/model';
import { LOCKFILE_NAMES, manifestKind } from '../../core/supply-chain';
import { fileGrammarLoader } from '../grammars';
import { UsageError } from '../io';
import { changedFiles, readBlobs, readWorkingFile, repositoryRoot, resolveBase, type BaseCommit, type ChangeStatus, type ChangedFile, type Target } from './git';
import { loadCheckConfig } from './policy';
import { checkChanges, workerCount } from './pool';
import { withPolicyLevel } from '../policy';

/** What to check. */
export interface CheckOptions {
  /** Folder the command runs in (any folder inside the repository). */
  readonly cwd: string;
  /** Limit the check to these files or folders (relative to `cwd`). */
  readonly paths?: readonly string[];
  /** Commit, branch or tag to compare with; default: merge-base with the default branch, else HEAD. */
  readonly base?: string;
  /** Check the index (what `git commit` would record) instead of the working tree. */
  readonly staged?: boolean;
  /** Policy file (relative to `cwd`); default `.redline/policy.jsonc` in the repository. */
  readonly policy?: string;
  /** Reuse an engine (the editor keeps one); default: a new one with the CLI's grammar loader. */
  readonly engine?: GuardrailEngine;
  readonly grammarLoader?: GrammarLoader;
  /** Worker threads for the per-file checks: undefined picks by core count and change size; 0 keeps everything on this thread. */
  readonly workers?: number;
}

/** One changed file and how it was looked at. */
export interface CheckedFile {
  readonly path: string;
  readonly oldPath?: string;
  readonly status: ChangeStatus;
  /** Why the file was not analysed (binary, too large, not valid UTF-8, deleted). */
  readonly skipped?: string;
}

/** A finding in one file; its severity is the one the policy gives the rule. */
export interface CheckFinding {
  readonly file: string;
  readonly finding: Finding;
}

/** A finding someone acknowledged in the editor, with their reason. */
export interface AcknowledgedFinding extends CheckFinding {
  readonly acknowledgement: Acknowledgement;
}

/** A change to a review-required path: a reviewer must look, finding or not. */
export interface Checkpoint {
  readonly file: string;
  readonly oldPath?: string;
  readonly status: ChangeStatus;
  /** The `reviewRequired` globs it matched. */
  readonly patterns: readonly string[];
}

/** Everything a check found. */
export interface CheckResult {
  /** Absolute path of the repository root. */
  readonly root: string;
  readonly base: BaseCommit;
  readonly target: Target;
  readonly files: readonly CheckedFile[];
  readonly findings: readonly CheckFinding[];
  readonly acknowledged: readonly AcknowledgedFinding[];
  readonly checkpoints: readonly Checkpoint[];
  readonly policyFile?: string;
  readonly warnings: readonly string[];
  /** New text of each file with findings, for code frames (never printed whole). */
  readonly texts: ReadonlyMap<string, string>;
}

/** Severity threshold for a failing exit code. */
export type FailOn = 'error' | 'warning' | 'never';

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Findings at or above `failOn` (none for `never`). */
export function failingFindings(result: CheckResult, failOn: FailOn): CheckFinding[] {
  if (failOn === 'never') return [];
  const min = SEVERITY_RANK[failOn];
  return result.findings.filter((f) => SEVERITY_RANK[f.finding.severity] >= min);
}

/** 1 when a finding reaches `failOn`, else 0. */
export function exitCodeFor(result: CheckResult, failOn: FailOn): 0 | 1 {
  return failingFindings(result, failOn).length > 0 ? 1 : 0;
}

const MAX_BYTES = 5 * 1024 * 1024;
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes a file's bytes, or says why it is not text. */
export function decodeText(bytes: Buffer): { text: string } | { skip: string } {
  if (bytes.length > MAX_BYTES) return { skip: 'larger than 5 MB' };
  if (bytes.subarray(0, 8192).includes(0)) return { skip: 'binary' };
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    return { skip: 'not valid UTF-8' };
  }
}

/** Root-relative pathspecs for `paths` given relative to `cwd`. */
function pathspecs(root: string, cwd: string, paths: readonly string[]): string[] {
  return paths.map((p) => {
    const rel = path.relative(root, path.resolve(cwd, p));
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new UsageError(`${p} is outside the repository`);
    return rel === '' ? '.' : rel.split(path.sep).join('/');
  });
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  });
  await Promise.all(workers);
  return out;
}

/** Reads new versions: from the index (`:path`) or the working tree. */
async function readNew(root: string, target: Target, files: readonly string[]): Promise<Map<string, Buffer | undefined>> {
  if (target === 'index') {
    const blobs = await readBlobs(root, files.map((f) => `:${f}`));
    return new Map(files.map((f) => [f, blobs.get(`:${f}`)]));
  }
  const contents = await mapLimit(files, 16, (f) => readWorkingFile(root, f));
  return new Map(files.map((f, i) => [f, contents[i]]));
}

function lockfilePaths(manifest: string): string[] {
  const dir = manifest.includes('/') ? manifest.slice(0, manifest.lastIndexOf('/') + 1) : '';
  return Object.keys(LOCKFILE_NAMES).map((name) => `${dir}${name}`);
}

function reviewPatterns(file: ChangedFile, globs: readonly string[]): string[] {
  return globs.filter((g) => [file.path, file.oldPath].some((p) => p !== undefined && minimatch(p, g, { dot: true })));
}

/** Runs the check. Usage and configuration problems throw `UsageError` (exit code 2). */
export async function runCheck(options: CheckOptions): Promise<CheckResult> {
  const root = await repositoryRoot(options.cwd);
  const target: Target = options.staged ? 'index' : 'working-tree';
  const specs = pathspecs(root, options.cwd, options.paths ?? []);
  const readRepoFile = async (file: string): Promise<string | undefined> => {
    const bytes = (await readNew(root, target, [file])).get(file);
    return bytes?.toString('utf8');
  };
  const [base, settings] = await Promise.all([resolveBase(root, options.base), loadCheckConfig(root, options.cwd, options.policy, readRepoFile)]);
  const changes = await changedFiles(root, base.commit, target, specs);
  const present = changes.filter((c) => c.status !== 'deleted');
  const manifests = present.filter((c) => manifestKind(c.path) !== undefined);
  const lockNames = [...new Set(manifests.flatMap((m) => lockfilePaths(m.path)))];
  const [oldBlobs, newBytes] = await Promise.all([
    readBlobs(root, present.filter((c) => c.status !== 'added').map((c) => `${base.commit}:${c.oldPath ?? c.path}`)),
    readNew(root, target, [...present.map((c) => c.path), ...lockNames]),
  ]);
  const engine = options.engine ?? new GuardrailEngine(options.grammarLoader ?? fileGrammarLoader());
  const lockfiles = new Map<string, string>();
  for (const name of lockNames) {
    const bytes = newBytes.get(name);
    if (bytes) lockfiles.set(name, bytes.toString('utf8'));
  }

  const globs = settings.config.values.reviewRequired.value;
  const files: CheckedFile[] = [];
  const findings: CheckFinding[] = [];
  const acknowledged: AcknowledgedFinding[] = [];
  const checkpoints: Checkpoint[] = [];
  const texts = new Map<string, string>();
  const pending: { file: string; after: string; before: string | undefined }[] = [];
  for (const change of changes) {
    const patterns = reviewPatterns(change, globs);
    const where = { file: change.path, ...(change.oldPath ? { oldPath: change.oldPath } : {}), status: change.status };
    if (patterns.length > 0) checkpoints.push({ ...where, patterns });
    if (change.status === 'deleted') {
      files.push({ path: change.path, status: change.status, skipped: 'deleted' });
      continue;
    }
    const bytes = newBytes.get(change.path);
    const after = bytes === undefined ? { skip: 'not a regular file' } : decodeText(bytes);
    const oldBytes = change.status === 'added' ? undefined : oldBlobs.get(`${base.commit}:${change.oldPath ?? change.path}`);
    const before = oldBytes === undefined ? undefined : decodeText(oldBytes);
    const skip = 'skip' in after ? after.skip : before && 'skip' in before ? `base version ${before.skip}` : undefined;
    const { path: file, oldPath, status } = change;
    files.push({ path: file, ...(oldPath ? { oldPath } : {}), status, ...(skip ? { skipped: skip } : {}) });
    if (skip || !('text' in after)) continue;
    pending.push({ file, after: after.text, before: before && 'text' in before ? before.text : undefined });
  }
  const workers = workerCount(pending.length, options.workers);
  const found = await checkChanges(engine, pending.map((p) => ({ path: p.file, before: p.before, after: p.after, lockfiles })), lockfiles, workers);
  pending.forEach(({ file, after }, i) => {
    for (const raw of found[i] ?? []) {
      const finding = withPolicyLevel(raw, settings.config);
      if (!finding) continue;
      const ack = finding.fingerprint ? settings.acknowledgements.find((a) => a.ruleId === finding.ruleId && a.fingerprint === finding.fingerprint && a.file === file) : undefined;
      if (ack) acknowledged.push({ file, finding, acknowledgement: ack });
      else findings.push({ file, finding });
      texts.set(file, after);
    }
  });
  return {
    root, base, target, files, findings, acknowledged, checkpoints, texts,
    ...(settings.policyFile ? { policyFile: settings.policyFile } : {}),
    warnings: settings.warnings,
  };
}
