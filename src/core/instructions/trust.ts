// Integrity of instruction files: content hashes, comparison with the trusted set, and the checked-in trust file.
import { createHash } from 'node:crypto';
import type { Result } from '../model';

/** SHA-256 (hex) of a file's text, with CRLF normalised to LF so a checkout's line endings don't count as a change. */
export function instructionFileHash(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n'), 'utf8').digest('hex');
}

/** Paths that are new, changed or gone compared with the trusted hashes (each list sorted). */
export interface TrustComparison {
  readonly added: string[];
  readonly changed: string[];
  readonly removed: string[];
}

/** Compares current hashes with trusted ones, both keyed by workspace-relative path. */
export function compareWithTrusted(trusted: Readonly<Record<string, string>>, current: Readonly<Record<string, string>>): TrustComparison {
  const added: string[] = [];
  const changed: string[] = [];
  const removed: string[] = [];
  for (const [path, hash] of Object.entries(current)) {
    const before = Object.prototype.hasOwnProperty.call(trusted, path) ? trusted[path] : undefined;
    if (before === undefined) added.push(path);
    else if (before !== hash) changed.push(path);
  }
  for (const path of Object.keys(trusted)) {
    if (!Object.prototype.hasOwnProperty.call(current, path)) removed.push(path);
  }
  return { added: added.sort(), changed: changed.sort(), removed: removed.sort() };
}

/** One trusted file in `.redline/trusted-instructions.json`. */
export interface TrustedFileEntry {
  readonly sha256: string;
  readonly trustedBy: string;
  /** ISO 8601 timestamp. */
  readonly trustedAt: string;
}

/** The checked-in trust file `.redline/trusted-instructions.json`. */
export interface TrustedInstructions {
  readonly version: 1;
  readonly files: Readonly<Record<string, TrustedFileEntry>>;
}

/** Where the optional checked-in trust file lives, relative to the workspace root. */
export const TRUSTED_INSTRUCTIONS_PATH = '.redline/trusted-instructions.json';

/** Parses the trust file; a wrong shape is an error naming the first bad field. */
export function parseTrustedInstructions(text: string): Result<TrustedInstructions> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `${TRUSTED_INSTRUCTIONS_PATH} is not valid JSON: ${(err as Error).message}` };
  }
  if (!isObject(data)) return { ok: false, error: `${TRUSTED_INSTRUCTIONS_PATH} must be a JSON object.` };
  if (data['version'] !== 1) return { ok: false, error: `${TRUSTED_INSTRUCTIONS_PATH}: "version" must be 1.` };
  const files = data['files'];
  if (!isObject(files)) return { ok: false, error: `${TRUSTED_INSTRUCTIONS_PATH}: "files" must be an object keyed by path.` };
  const out: Record<string, TrustedFileEntry> = {};
  for (const [path, entry] of Object.entries(files)) {
    if (!isObject(entry) || typeof entry['sha256'] !== 'string' || !/^[0-9a-f]{64}$/.test(entry['sha256'])) {
      return { ok: false, error: `${TRUSTED_INSTRUCTIONS_PATH}: "files.${path}.sha256" must be 64 lowercase hex digits.` };
    }
    if (typeof entry['trustedBy'] !== 'string' || typeof entry['trustedAt'] !== 'string' || Number.isNaN(Date.parse(entry['trustedAt']))) {
      return { ok: false, error: `${TRUSTED_INSTRUCTIONS_PATH}: "files.${path}" needs "trustedBy" and an ISO "trustedAt".` };
    }
    out[path] = { sha256: entry['sha256'], trustedBy: entry['trustedBy'], trustedAt: entry['trustedAt'] };
  }
  return { ok: true, value: { version: 1, files: out } };
}

/** Serialises the trust file with paths sorted, two-space indent and a final newline (stable diffs). */
export function serialiseTrustedInstructions(file: TrustedInstructions): string {
  const files: Record<string, TrustedFileEntry> = {};
  for (const path of Object.keys(file.files).sort()) {
    const e = file.files[path];
    if (e) files[path] = { sha256: e.sha256, trustedBy: e.trustedBy, trustedAt: e.trustedAt };
  }
  return `${JSON.stringify({ version: 1, files }, null, 2)}\n`;
}

/** The path → hash view of a trust file, for `compareWithTrusted`. */
export function trustedHashes(file: TrustedInstructions): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, e] of Object.entries(file.files)) out[path] = e.sha256;
  return out;
}

/** A copy of the trust file with `path` trusted at `hash` (replacing any earlier entry). */
export function withTrustedFile(file: TrustedInstructions, path: string, entry: TrustedFileEntry): TrustedInstructions {
  return { version: 1, files: { ...file.files, [path]: entry } };
}

/** An empty trust file. */
export function emptyTrustedInstructions(): TrustedInstructions {
  return { version: 1, files: {} };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
