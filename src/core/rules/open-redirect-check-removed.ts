// Rule: redirect allow-list or same-origin check removed.
import type { RuleMeta } from '../model';
import type { Doc } from '../guardrails/syntax';
import type { GuardrailRule, Protection, TextPattern } from '../guardrails/types';
import { callGuards, functionTextOf, keyOf, protection } from '../guardrails/extractors';
import { PARSED_LANGUAGES } from '../guardrails/languages';
import { shortLabel } from '../guardrails/util';

export const meta: RuleMeta = {
  id: 'open-redirect-check-removed',
  title: 'Redirect allow-list removed',
  family: 'inference',
  defaultSeverity: 'warning',
  languages: PARSED_LANGUAGES,
  description: 'Finds redirect allow-lists and same-origin checks on a user-supplied return URL that an edit removed.',
  cwe: ['CWE-601'],
  owasp: ['A01:2021 Broken Access Control'],
};

const REDIRECT_CONTEXT = /redirect|Redirect|Location|sendRedirect|returnUrl|return_url|next_url|\bnext\b/;
const CHECK = /allow|ALLOW|whitelist|allowlist|safe|Safe|trusted|TRUSTED|IsAbs|isAbsolute|\.Host\b|host|Host|hostname|netloc|origin|Origin|startsWith\(['"]\/|startswith\(['"]\/|HasPrefix\([^)]*"\/"|url_has_allowed_host_and_scheme|is_safe_url/;
const CALLS = /(?:^|\.)(?:url_has_allowed_host_and_scheme|is_safe_url|isSafeRedirect|isSafeUrl|safeRedirect|safe_redirect|isAllowedRedirect|validateRedirect|sanitizeRedirect|isRelativeUrl|is_relative_url|isLocalUrl|IsLocalUrl|isSameOrigin)$/;

/** Finds redirect target checks in one version of a file. */
export function extract(doc: Doc): Protection[] {
  const out: Protection[] = [];
  for (const c of doc.checks) {
    const cond = doc.flat(c.condition);
    if (!CHECK.test(cond) || !REDIRECT_CONTEXT.test(functionTextOf(doc, c.node))) continue;
    if (/cors|Access-Control/i.test(functionTextOf(doc, c.node))) continue;
    const label = `if ${shortLabel(cond.replace(/^\((.*)\)$/, '$1'), 50)}`;
    out.push(protection(doc, 'guard', 'redirect', 'statement', c.node, label, { key: `check:${keyOf(cond)}` }));
  }
  out.push(...callGuards(doc, CALLS, 'redirect', 'statement', (c) => !doc.checks.some((k) => k.condition.start <= c.node.start && k.condition.end >= c.node.end)));
  return out;
}

/** Textual fallback. */
export const textual: readonly TextPattern[] = [
  { kind: 'guard', re: /\b(?:url_from|allow_other_host:\s*false|isLocalUrl|Url\.IsLocalUrl)\b/, label: 'redirect check', group: 'redirect' },
];

export const rule: GuardrailRule = { meta, extract, textual };
