// Keeps secrets and source code out of the audit log: only hashes, rule ids, short text and masked snippets pass.
import { maskSecret } from '../text';

/** A JSON value that may be written to the audit log. */
export type AuditValue = string | number | boolean | null | readonly AuditValue[] | { readonly [key: string]: AuditValue };

/** The `data` member of an audit entry. */
export type AuditData = { readonly [key: string]: AuditValue };

/** Longest string kept as text; longer ones are cut to this length. */
export const MAX_AUDIT_STRING = 200;
const MAX_DEPTH = 4;
const MAX_ITEMS = 100;

/** Keys whose string values are code or secret material: always masked (unless a hash). */
const MASKED_KEY = /^(?:snippet|code|content|contents|text|source_?code|removed|inserted|line|match|value|before|after)$|secret|passw|token|api_?key|credential|private/i;
/** Keys that hold hashes or fingerprints; hex values under them pass unchanged. */
const HASH_KEY = /hash|sha\d*|fingerprint|commit|digest/i;
const HEX = /^[0-9a-f]{7,128}$/i;
/** Candidate secret tokens: one character class, bounded below only, so matching stays linear. */
const TOKEN = /[A-Za-z0-9_+/=.~-]{16,}/g;
const KNOWN_PREFIX = /^(?:AKIA|ASIA|ghp_|gho_|ghu_|ghs_|ghr_|github_pat_|glpat-|xox[abprs]-|sk-|sk_live_|sk_test_|rk_live_|pk_live_|AIza|hf_|npm_|pypi-|SG\.|eyJ|ya29\.|AccountKey=)/;
const URL_CREDENTIALS = /(\/\/[^\s/:@]{1,256}:)([^\s/@]{1,256})@/g;

/**
 * Returns a copy of `data` fit for the audit log: code-like and secret-like fields masked with
 * `maskSecret`, multi-line strings masked, secret-looking tokens inside text masked, long strings cut,
 * non-JSON values dropped. Hex hashes under hash-like keys pass unchanged.
 */
export function sanitizeAuditData(data: Readonly<Record<string, unknown>>): AuditData {
  const out = sanitizeValue(data, '', 0);
  return out !== null && typeof out === 'object' && !Array.isArray(out) ? (out as AuditData) : {};
}

function sanitizeValue(value: unknown, key: string, depth: number): AuditValue | undefined {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return sanitizeString(value, key);
  if (depth >= MAX_DEPTH) return '…';
  if (Array.isArray(value)) {
    return value.slice(0, MAX_ITEMS).map((v) => sanitizeValue(v, key, depth + 1)).filter((v): v is AuditValue => v !== undefined);
  }
  if (typeof value === 'object') {
    const out: Record<string, AuditValue> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>).slice(0, MAX_ITEMS)) {
      const clean = sanitizeValue(v, k, depth + 1);
      if (clean !== undefined) out[k.slice(0, 64)] = clean;
    }
    return out;
  }
  return undefined;
}

/** Masks or cuts one string according to its key and content. */
export function sanitizeString(value: string, key = ''): string {
  if (HASH_KEY.test(key) && HEX.test(value)) return value;
  if (MASKED_KEY.test(key) || /[\r\n]/.test(value) || value.includes('-----BEGIN')) return maskSecret(value);
  const masked = maskTokens(value);
  return masked.length > MAX_AUDIT_STRING ? `${masked.slice(0, MAX_AUDIT_STRING)}…` : masked;
}

/** Masks credentials in URLs and every token that looks like a key, a token or high-entropy material. */
export function maskTokens(text: string): string {
  return text
    .replace(URL_CREDENTIALS, (_m, user: string, password: string) => `${user}${maskSecret(password)}@`)
    .replace(TOKEN, (token) => (looksSecret(token) ? maskSecret(token) : token));
}

function looksSecret(token: string): boolean {
  if (KNOWN_PREFIX.test(token)) return true;
  if (token.length < 20 || !/\d/.test(token) || !/[A-Za-z]/.test(token)) return false;
  if (token.split(/[-_./]/).every(isWordLike)) return false;
  return entropy(token) >= 3.5;
}

/** A piece of a path or name: a word, a number, or a short mix such as `v2`. */
function isWordLike(piece: string): boolean {
  return piece.length <= 4 || (piece.length <= 16 && (/^[A-Za-z]+$/.test(piece) || /^\d+$/.test(piece)));
}

/** Shannon entropy in bits per character. */
function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}
