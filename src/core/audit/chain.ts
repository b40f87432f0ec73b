// The audit log's hash chain: entry shape, appending (each entry holds its predecessor's hash) and verification.
import { canonicalJson, sha256 } from './canonical';
import { sanitizeAuditData, type AuditData } from './sanitize';

/** What an audit entry records. */
export type AuditEntryType = 'ai-edit' | 'finding' | 'restore' | 'acknowledge' | 'review' | 'exclusion-sync' | 'policy-change' | 'integration-change';

/** Every entry type, for filters and the view. */
export const AUDIT_ENTRY_TYPES: readonly AuditEntryType[] = ['ai-edit', 'finding', 'restore', 'acknowledge', 'review', 'exclusion-sync', 'policy-change', 'integration-change'];

/** The `prev` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** One line of the audit log. */
export interface AuditEntry {
  /** 1 for the first entry, then +1 per entry, across rotated files. */
  readonly seq: number;
  /** ISO 8601 UTC. */
  readonly time: string;
  readonly type: AuditEntryType;
  /** Workspace-relative path with `/` separators (empty for workspace-wide events). */
  readonly file: string;
  /** git `user.email`, when known. */
  readonly user?: string;
  /** SHA-256 of the policy in force. */
  readonly policyHash?: string;
  readonly data: AuditData;
  /** `hash` of the previous entry, or {@link GENESIS_HASH}. */
  readonly prev: string;
  /** SHA-256 of the canonical JSON of this entry without `hash`. */
  readonly hash: string;
}

/**
 * What a caller supplies. Typical `data` per type: `ai-edit` { class, source, sha256Before, sha256After },
 * `finding` { rule, severity, fingerprint }, `restore` { rule, fingerprint }, `acknowledge` { rule, fingerprint, reason },
 * `review` { sha256 }, `exclusion-sync` { files }, `policy-change` { previousHash }, `integration-change` { kind, name, change }.
 */
export interface AuditDraft {
  readonly type: AuditEntryType;
  readonly file?: string;
  readonly user?: string;
  readonly policyHash?: string;
  readonly data?: Readonly<Record<string, unknown>>;
  /** Defaults to now. */
  readonly time?: Date | string;
}

/** The position of the chain's last entry. */
export interface AuditHead {
  readonly seq: number;
  readonly hash: string;
}

/** Hash of an entry: SHA-256 over its canonical JSON without `hash`. */
export function entryHash(entry: Omit<AuditEntry, 'hash'> | AuditEntry): string {
  const { hash: _hash, ...rest } = entry as AuditEntry;
  return sha256(canonicalJson(rest));
}

/** Appends entries to a chain that ends at `head`. Holds no I/O: the caller writes each returned line. */
export class AuditChain {
  private current: AuditHead;

  /** `head`: the last entry written (from `verifyAuditLog`), or nothing for a new log. */
  constructor(head: AuditHead = { seq: 0, hash: GENESIS_HASH }) {
    this.current = head;
  }

  /** The chain's last entry. */
  get head(): AuditHead {
    return this.current;
  }

  /** Builds the next entry (data sanitised) and the JSON line to append, ending with `\n`. */
  append(draft: AuditDraft): { line: string; entry: AuditEntry } {
    const time = draft.time instanceof Date ? draft.time.toISOString() : (draft.time ?? new Date().toISOString());
    const body: Omit<AuditEntry, 'hash'> = {
      seq: this.current.seq + 1,
      time,
      type: draft.type,
      file: relativeFile(draft.file ?? ''),
      ...(draft.user ? { user: draft.user } : {}),
      ...(draft.policyHash ? { policyHash: draft.policyHash } : {}),
      data: sanitizeAuditData(draft.data ?? {}),
      prev: this.current.hash,
    };
    const entry: AuditEntry = { ...body, hash: entryHash(body) };
    this.current = { seq: entry.seq, hash: entry.hash };
    return { line: `${canonicalJson(entry)}\n`, entry };
  }
}

/** Normalises to `/` separators; an absolute path keeps only its last segment so no home folder leaks. */
function relativeFile(file: string): string {
  const f = file.replace(/\\/g, '/').replace(/^\.\//, '');
  if (f.startsWith('/') || /^[A-Za-z]:/.test(f)) return f.split('/').pop() ?? '';
  return f;
}

/** Where the chain breaks: file name, 1-based line, and what is wrong. */
export interface AuditBreak {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

/** Result of {@link verifyAuditLog}: every entry, or the first broken link (with the entries before it). */
export type AuditVerification =
  | { readonly ok: true; readonly entries: readonly AuditEntry[]; readonly head: AuditHead }
  | { readonly ok: false; readonly brokenAt: AuditBreak; readonly entries: readonly AuditEntry[] };

/** Options of {@link verifyAuditLog}. */
export interface VerifyOptions {
  /** The head the writer last recorded (e.g. in workspace state): detects entries cut from the end. */
  readonly expectedHead?: AuditHead;
}

/**
 * Verifies a log split across files (`audit-1.jsonl`, `audit-2.jsonl`, ... sorted by number; other
 * names keep the given order). Detects edited, deleted, inserted and reordered entries.
 */
export function verifyAuditLog(files: readonly { readonly name: string; readonly text: string }[], options: VerifyOptions = {}): AuditVerification {
  const entries: AuditEntry[] = [];
  let head: AuditHead = { seq: 0, hash: GENESIS_HASH };
  let last: { file: string; line: number } = { file: files[0]?.name ?? '', line: 0 };
  for (const file of orderAuditFiles(files)) {
    const lines = file.text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    for (let i = 0; i < lines.length; i++) {
      const at = { file: file.name, line: i + 1 };
      const checked = checkLine(lines[i] ?? '', head);
      if ('reason' in checked) return { ok: false, brokenAt: { ...at, reason: checked.reason }, entries };
      entries.push(checked);
      head = { seq: checked.seq, hash: checked.hash };
      last = at;
    }
  }
  const expected = options.expectedHead;
  if (expected && (expected.hash !== head.hash || expected.seq !== head.seq)) {
    const reason = expected.seq > head.seq
      ? `the log ends at entry ${head.seq} but entry ${expected.seq} was written: entries were removed from the end`
      : `the log's last entry (${head.seq}) is not the last one written (${expected.seq})`;
    return { ok: false, brokenAt: { ...last, reason }, entries };
  }
  return { ok: true, entries, head };
}

function checkLine(line: string, head: AuditHead): AuditEntry | { reason: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { reason: 'not a JSON entry' };
  }
  if (!isEntry(parsed)) return { reason: 'not an audit entry (fields missing or of the wrong type)' };
  if (entryHash(parsed) !== parsed.hash) return { reason: `entry ${parsed.seq} was modified: its hash does not match its content` };
  if (parsed.prev !== head.hash) {
    return { reason: `entry ${parsed.seq} does not follow entry ${head.seq}: an entry was deleted, inserted or moved before it` };
  }
  if (parsed.seq !== head.seq + 1) return { reason: `sequence jumps from ${head.seq} to ${parsed.seq}` };
  return parsed;
}

function isEntry(x: unknown): x is AuditEntry {
  if (typeof x !== 'object' || x === null) return false;
  const e = x as Record<string, unknown>;
  return Number.isInteger(e.seq) && typeof e.time === 'string' && typeof e.type === 'string' && typeof e.file === 'string'
    && typeof e.prev === 'string' && typeof e.hash === 'string' && typeof e.data === 'object' && e.data !== null
    && (e.user === undefined || typeof e.user === 'string') && (e.policyHash === undefined || typeof e.policyHash === 'string');
}

const ROTATED = /^(?:.*[\\/])?audit-(\d+)\.jsonl$/;

/** Sorts `audit-<n>.jsonl` files by `n` (numerically); any other name keeps its place after them. */
export function orderAuditFiles<T extends { readonly name: string }>(files: readonly T[]): T[] {
  const index = (f: T) => Number(ROTATED.exec(f.name)?.[1] ?? Number.POSITIVE_INFINITY);
  return [...files].sort((a, b) => index(a) - index(b));
}

/** Default size at which a log file is rotated: 5 MiB. */
export const DEFAULT_AUDIT_CAP_BYTES = 5 * 1024 * 1024;

/** `true` when appending `nextLineBytes` to a file of `currentSize` would pass `capBytes` (an empty file is never rotated). */
export function shouldRotate(currentSize: number, capBytes: number = DEFAULT_AUDIT_CAP_BYTES, nextLineBytes = 0): boolean {
  return currentSize > 0 && currentSize + nextLineBytes > capBytes;
}

/** Name of the `n`-th log file (1-based). */
export function auditFileName(n: number): string {
  return `audit-${n}.jsonl`;
}

/** The number of the newest `audit-<n>.jsonl` among `names`, or 0. */
export function latestAuditFile(names: readonly string[]): number {
  return names.reduce((max, name) => Math.max(max, Number(ROTATED.exec(name)?.[1] ?? 0)), 0);
}
