// Filtering and CSV export for "Redline: Show audit log".
import type { AuditEntry, AuditEntryType } from './chain';

/** Filters of the audit view; every given field must match. */
export interface AuditFilter {
  /** A file path, or a folder (`src/auth` matches `src/auth/login.ts`). */
  readonly file?: string;
  /** A rule id, matched against `data.rule`, `data.ruleId` or `data.rules`. */
  readonly rule?: string;
  /** Likely source of an AI edit (`data.source`), e.g. `copilot`. Case-insensitive. */
  readonly source?: string;
  /** A UTC day, `YYYY-MM-DD`. */
  readonly day?: string;
  readonly type?: AuditEntryType;
}

/** The entries matching every field of `filter`, in their order. */
export function filterAudit(entries: readonly AuditEntry[], filter: AuditFilter): AuditEntry[] {
  return entries.filter((e) =>
    (filter.file === undefined || e.file === filter.file || e.file.startsWith(`${filter.file.replace(/\/+$/, '')}/`))
    && (filter.rule === undefined || ruleOf(e).includes(filter.rule))
    && (filter.source === undefined || String(e.data.source ?? '').toLowerCase() === filter.source.toLowerCase())
    && (filter.day === undefined || e.time.startsWith(filter.day))
    && (filter.type === undefined || e.type === filter.type));
}

function ruleOf(e: AuditEntry): string[] {
  const { rule, ruleId, rules } = e.data;
  return [rule, ruleId, ...(Array.isArray(rules) ? rules : [])].filter((r): r is string => typeof r === 'string');
}

const COLUMNS = ['seq', 'time', 'type', 'file', 'user', 'rule', 'source', 'reason', 'policyHash', 'data', 'prev', 'hash'] as const;

/**
 * The entries as CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled).
 * Cells starting with `=`, `+`, `-`, `@` or a tab get a leading `'` so spreadsheets do not run them as formulas.
 */
export function auditToCsv(entries: readonly AuditEntry[]): string {
  const rows = [COLUMNS.join(',')];
  for (const e of entries) {
    const cells: Record<(typeof COLUMNS)[number], string> = {
      seq: String(e.seq),
      time: e.time,
      type: e.type,
      file: e.file,
      user: e.user ?? '',
      rule: ruleOf(e).join(' '),
      source: typeof e.data.source === 'string' ? e.data.source : '',
      reason: typeof e.data.reason === 'string' ? e.data.reason : '',
      policyHash: e.policyHash ?? '',
      data: JSON.stringify(e.data),
      prev: e.prev,
      hash: e.hash,
    };
    rows.push(COLUMNS.map((c) => csvCell(cells[c])).join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** One RFC 4180 field, with spreadsheet formula neutralised. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
