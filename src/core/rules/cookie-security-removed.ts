// Rule: cookie httpOnly/secure/sameSite flags removed or set insecurely.
import type { RuleMeta } from '../model';
import type { Doc, PairFact } from '../guardrails/syntax';
import type { GuardrailRule, Protection, TextPattern } from '../guardrails/types';
import { callGuards, holderOf, isFalse, isTrue, protection } from '../guardrails/extractors';
import { PARSED_LANGUAGES } from '../guardrails/languages';

export const meta: RuleMeta = {
  id: 'cookie-security-removed',
  title: 'Cookie security flag removed',
  family: 'inference',
  defaultSeverity: 'warning',
  languages: PARSED_LANGUAGES,
  description: 'Finds cookie httpOnly, secure and sameSite flags that an edit removed, set to false or relaxed to none.',
  cwe: ['CWE-1004', 'CWE-614', 'CWE-1275'],
  owasp: ['A05:2021 Security Misconfiguration'],
};

const FLAG = /^(?:httpOnly|httponly|HttpOnly|secure|Secure|sameSite|samesite|SameSite|SESSION_COOKIE_SECURE|SESSION_COOKIE_HTTPONLY|SESSION_COOKIE_SAMESITE|CSRF_COOKIE_SECURE|CSRF_COOKIE_HTTPONLY|CSRF_COOKIE_SAMESITE|REMEMBER_COOKIE_SECURE|REMEMBER_COOKIE_HTTPONLY|cookie_secure|cookie_httponly|cookie_samesite|session_cookie_secure)$/;
const COOKIE_CONTEXT = /cookie|Cookie|session|Session|COOKIE/;

/** Finds cookie flags in one version of a file. */
export function extract(doc: Doc): Protection[] {
  const out: Protection[] = [];
  for (const p of doc.pairs) {
    if (!FLAG.test(p.key) || !cookieContext(doc, p)) continue;
    const weak = weakness(doc, p);
    out.push(protection(doc, 'guard', 'cookie', 'option', p.node, p.key, { key: `option:${p.key.toLowerCase().replace(/^(?:session_cookie_|csrf_cookie_|remember_cookie_|cookie_)/, (m) => m)}`, anchor: p.kind === 'assign' ? p.node : holderOf(doc, p.node), ...(weak ? { weak } : {}) }));
  }
  out.push(...callGuards(doc, /(?:^|\.)(?:setHttpOnly|setSecure|httpOnly|secure|sameSite|setSameSite)$/, 'cookie', 'statement', (c) => {
    const arg = c.args[0];
    return arg !== undefined && (isTrue(doc, arg) || /Strict|Lax|strict|lax/.test(doc.textOf(arg))) && COOKIE_CONTEXT.test(doc.textOf(doc.statementOf(c.node)) + c.callee);
  }));
  return out;
}

function cookieContext(doc: Doc, p: PairFact): boolean {
  if (/COOKIE|cookie_/.test(p.key)) return true;
  const holder = holderOf(doc, p.node);
  const near = `${doc.textOf(holder).slice(0, 120)} ${doc.textOf(holder.parent ?? holder).slice(0, 120)}`;
  if (COOKIE_CONTEXT.test(near)) return true;
  const siblings = p.node.parent ? p.node.parent.children.map((c) => doc.textOf(c.children[0] ?? c)).join(' ') : '';
  return /\b(?:httpOnly|HttpOnly|httponly|sameSite|SameSite|samesite|maxAge|MaxAge|max_age|expires|Expires)\b/.test(siblings) && p.key.toLowerCase() !== 'httponly' ? true : /\bhttpOnly\b|\bHttpOnly\b/.test(siblings);
}

function weakness(doc: Doc, p: PairFact): string | undefined {
  const v = doc.textOf(p.value).trim();
  if (/samesite/i.test(p.key)) return /^['"]?none['"]?$|SameSiteNoneMode|^None$|^false$/i.test(v) ? `set to \`${v}\`` : undefined;
  return isFalse(doc, p.value) ? `set to \`${v}\`` : undefined;
}

/** Textual fallback. */
export const textual: readonly TextPattern[] = [
  { kind: 'guard', re: /\b(?:httponly|http_only|secure)\s*[:=]>?\s*true\b/i, label: 'cookie flag', group: 'cookie' },
  { kind: 'hazard', re: /\bsame_?site\s*[:=]>?\s*:?['"]?none\b/i, label: 'SameSite=None', group: 'cookie-weak' },
];

export const rule: GuardrailRule = { meta, extract, textual };
