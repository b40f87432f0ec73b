// The checks `redline check` runs on one changed file: composes the core detectors (no detection logic here).
import { diffLines } from 'diff';
import type { GuardrailEngine } from '../../core/guardrails';
import { languageIdForPath } from '../../core/guardrails';
import { detectIntegrationRisks } from '../../core/instructions';
import type { Finding } from '../../core/model';
import { secretFinding } from '../../core/rules/secret-in-code';
import { detectSecrets } from '../../core/secrets';
import { checkManifestEdit, manifestKind } from '../../core/supply-chain';

/** Two versions of one changed file, as text. */
export interface FileChange {
  /** Repository-relative path of the new version, `/`-separated. */
  readonly path: string;
  /** The base version (of `oldPath` for a rename); undefined for an added file. */
  readonly before: string | undefined;
  readonly after: string;
  /** Lockfile texts of the new version by path (for dependency checks). */
  readonly lockfiles: ReadonlyMap<string, string>;
}

/** Zero-based lines of `after` that are new or changed compared with `before`. */
export function addedLines(before: string | undefined, after: string): Set<number> {
  const b = after.split('\n');
  if (before === undefined) return new Set(b.map((_, i) => i));
  const a = before.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const added = new Set<number>();
  const midOld = a.slice(head, a.length - tail);
  const midNew = b.slice(head, b.length - tail);
  if (midNew.length === 0) return added;
  if (midOld.length === 0) {
    for (let i = 0; i < midNew.length; i++) added.add(head + i);
    return added;
  }
  let line = head;
  for (const part of diffLines(`${midOld.join('\n')}\n`, `${midNew.join('\n')}\n`)) {
    const n = part.count ?? 0;
    if (part.removed) continue;
    if (part.added) for (let i = 0; i < n; i++) added.add(line + i);
    line += n;
  }
  return added;
}

/** Guardrails the change dropped, weakened or downgraded (base version against new version; a new file against nothing). */
export function guardrailFindings(engine: GuardrailEngine, change: FileChange): Finding[] {
  return engine.analyzeEdit({ before: change.before ?? '', after: change.after, languageId: languageIdForPath(change.path), path: change.path }).findings;
}

/** Secrets on added lines whose value was not already in the base version. */
export function addedSecretFindings(change: FileChange, added: ReadonlySet<number>): Finding[] {
  const matches = detectSecrets(change.after, { path: change.path }).filter((m) => added.has(m.range.start.line));
  if (matches.length === 0) return [];
  const old = change.before === undefined ? new Set<string>()
    : new Set(detectSecrets(change.before, { path: change.path }).map((m) => change.before?.slice(m.offset, m.offset + m.length)));
  return matches
    .filter((m) => !old.has(change.after.slice(m.offset, m.offset + m.length)))
    .map((m) => ({ ...secretFinding(change.after, m), change: 'introduced' as const }));
}

function identity(f: Finding): string {
  return `${f.ruleId}|${f.fingerprint ?? f.message}`;
}

/** Hidden Unicode, confusables, instruction-file and agent-config findings that the change brought in. */
export function integrationFindings(change: FileChange, added: ReadonlySet<number>): Finding[] {
  const now = detectIntegrationRisks(change.path, change.after);
  if (now.length === 0) return [];
  const old = new Set(change.before === undefined ? [] : detectIntegrationRisks(change.path, change.before).map(identity));
  return now.filter((f) => added.has(f.range.start.line) || !old.has(identity(f)));
}

/** New dependencies in a manifest: unreviewed (not in the lockfile), lookalikes, risky sources. */
export function dependencyFindings(change: FileChange): Finding[] {
  if (manifestKind(change.path) === undefined) return [];
  return checkManifestEdit({ path: change.path, before: change.before, after: change.after, lockfiles: change.lockfiles, installed: new Set(), trigger: 'scan' });
}

/** Every check on one changed file, sorted by position. */
export function checkFileChange(engine: GuardrailEngine, change: FileChange): Finding[] {
  const added = addedLines(change.before, change.after);
  const findings = [
    ...guardrailFindings(engine, change),
    ...addedSecretFindings(change, added),
    ...integrationFindings(change, added),
    ...dependencyFindings(change),
  ];
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId));
}
