// Acknowledged findings ("waved through with a reason"), shared by the editor and CI through `.redline/acknowledgements.json`.
import type { Finding } from './model';

/** One finding a person accepted, for that exact code only (its fingerprint). */
export interface Acknowledgement {
  readonly ruleId: string;
  readonly fingerprint: string;
  /** Workspace-relative path with `/` separators. */
  readonly file: string;
  readonly reason: string;
  /** git `user.email`, when known. */
  readonly user?: string;
  /** ISO 8601 UTC. */
  readonly time: string;
}

/** The file format: `{ "version": 1, "acknowledgements": [ ... ] }`. */
export interface AcknowledgementsFile {
  readonly version: 1;
  readonly acknowledgements: readonly Acknowledgement[];
}

/** Parsed acknowledgements, and a message per entry that was skipped. */
export interface ParsedAcknowledgements {
  readonly acknowledgements: readonly Acknowledgement[];
  readonly problems: readonly string[];
}

/** Reads `.redline/acknowledgements.json`. Bad entries are skipped with a problem; bad JSON yields none. */
export function parseAcknowledgements(text: string): ParsedAcknowledgements {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { acknowledgements: [], problems: [`not valid JSON: ${(err as Error).message}`] };
  }
  const list = typeof raw === 'object' && raw !== null ? (raw as { acknowledgements?: unknown }).acknowledgements : undefined;
  if (!Array.isArray(list)) return { acknowledgements: [], problems: ['expected { "version": 1, "acknowledgements": [...] }'] };
  const acknowledgements: Acknowledgement[] = [];
  const problems: string[] = [];
  list.forEach((item, i) => {
    const ack = toAcknowledgement(item);
    if (ack) acknowledgements.push(ack);
    else problems.push(`entry ${i + 1} needs string ruleId, fingerprint, file, reason and time`);
  });
  return { acknowledgements, problems };
}

function toAcknowledgement(item: unknown): Acknowledgement | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const a = item as Record<string, unknown>;
  const fields = ['ruleId', 'fingerprint', 'file', 'reason', 'time'] as const;
  if (!fields.every((f) => typeof a[f] === 'string') || (a.user !== undefined && typeof a.user !== 'string')) return undefined;
  return {
    ruleId: a.ruleId as string,
    fingerprint: a.fingerprint as string,
    file: (a.file as string).replace(/\\/g, '/'),
    reason: a.reason as string,
    ...(typeof a.user === 'string' ? { user: a.user } : {}),
    time: a.time as string,
  };
}

/** Writes the file: stable order (file, rule, fingerprint), 2-space JSON, trailing newline, so diffs stay small. */
export function serializeAcknowledgements(acks: readonly Acknowledgement[]): string {
  const sorted = [...acks].sort((a, b) => cmp(a.file, b.file) || cmp(a.ruleId, b.ruleId) || cmp(a.fingerprint, b.fingerprint));
  const file: AcknowledgementsFile = {
    version: 1,
    acknowledgements: sorted.map((a) => ({ ruleId: a.ruleId, fingerprint: a.fingerprint, file: a.file, reason: a.reason, ...(a.user ? { user: a.user } : {}), time: a.time })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Adds or replaces (same file, rule and fingerprint) an acknowledgement. */
export function addAcknowledgement(acks: readonly Acknowledgement[], ack: Acknowledgement): Acknowledgement[] {
  return [...acks.filter((a) => !sameTarget(a, ack)), ack];
}

/** Removes the acknowledgement of a finding, if any. */
export function removeAcknowledgement(acks: readonly Acknowledgement[], target: Pick<Acknowledgement, 'ruleId' | 'fingerprint' | 'file'>): Acknowledgement[] {
  return acks.filter((a) => !sameTarget(a, target));
}

function sameTarget(a: Pick<Acknowledgement, 'ruleId' | 'fingerprint' | 'file'>, b: Pick<Acknowledgement, 'ruleId' | 'fingerprint' | 'file'>): boolean {
  return a.ruleId === b.ruleId && a.fingerprint === b.fingerprint && a.file === b.file;
}

/**
 * `true` when `finding` in `file` (workspace-relative) was acknowledged: same rule, same fingerprint,
 * same file. A finding without a fingerprint can never be acknowledged.
 */
export function isAcknowledged(finding: Pick<Finding, 'ruleId' | 'fingerprint'>, file: string, acks: readonly Acknowledgement[]): boolean {
  if (!finding.fingerprint) return false;
  const f = file.replace(/\\/g, '/');
  return acks.some((a) => a.ruleId === finding.ruleId && a.fingerprint === finding.fingerprint && a.file === f);
}

/** Checks a reason against the policy's `requireAcknowledgementReason`; returns a message when it is not acceptable. */
export function reasonProblem(reason: string, required: boolean): string | undefined {
  if (required && reason.trim().length < 3) return 'Give a reason (at least 3 characters): the team sees it in the audit log.';
  return undefined;
}
