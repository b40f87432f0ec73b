// Rule: helmet, CSP or CSRF protection removed or disabled.
import type { RuleMeta } from '../model';
import type { Doc } from '../guardrails/syntax';
import type { GuardrailRule, Protection, TextPattern } from '../guardrails/types';
import { callGuards, holderOf, isFalse, middlewareGuards, protection } from '../guardrails/extractors';
import { PARSED_LANGUAGES } from '../guardrails/languages';

export const meta: RuleMeta = {
  id: 'security-middleware-removed',
  title: 'Security middleware removed',
  family: 'inference',
  defaultSeverity: 'warning',
  languages: PARSED_LANGUAGES,
  description: 'Finds helmet, Content-Security-Policy and CSRF protection (csurf, CSRFProtect, Spring csrf) removed or switched off, and csrf_exempt added.',
  cwe: ['CWE-352', 'CWE-693', 'CWE-1021'],
  owasp: ['A05:2021 Security Misconfiguration', 'A01:2021 Broken Access Control'],
};

const MIDDLEWARE = /\b(?:helmet|csurf|csrf|csrfProtection|csrfProtect|lusca|csp|contentSecurityPolicy|nosurf|secure\.New|frameguard|hsts|xssFilter|noSniff)\b|csrf\.Protect/i;
const STATEMENT_CALLS = /^(?:CSRFProtect|CsrfProtect|Talisman|SeaSurf|csrf\.init_app|helmet|app\.use)$|(?:^|\.)(?:CSRFProtect|Talisman|enableCsrf)$/;
const MIDDLEWARE_STRINGS = /CsrfViewMiddleware|SecurityMiddleware|XFrameOptionsMiddleware|CSPMiddleware|ContentSecurityPolicyMiddleware/;

/** Finds security middleware in one version of a file. */
export function extract(doc: Doc): Protection[] {
  const out: Protection[] = [...middlewareGuards(doc, MIDDLEWARE, 'secmw')];
  out.push(...callGuards(doc, STATEMENT_CALLS, 'secmw', 'statement', (c) => c.callee !== 'app.use' && c.callee !== 'helmet'));
  for (const s of doc.strings) {
    const t = doc.textOf(s);
    if (MIDDLEWARE_STRINGS.test(t) && /list|array|tuple/.test(s.parent?.type ?? '')) {
      out.push(protection(doc, 'guard', 'secmw', 'option', s, t.replace(/['"]/g, '').split('.').pop() ?? t, { anchor: s, global: true }));
    }
  }
  for (const d of doc.decorators) {
    if (/^(?:csrf_exempt|CsrfExempt|csrf\.exempt|exempt)$/.test(d.name) && (d.name !== 'exempt' || /csrf/.test(doc.textOf(d.node)))) {
      out.push(protection(doc, 'hazard', 'csrf-off', 'decorator', d.node, `@${d.name}`, { key: 'csrf_exempt', always: true, message: `\`@${d.name}\` now switches CSRF protection off for ${doc.scopeOf(d.target ?? d.node).label}` }));
    }
  }
  for (const c of doc.calls) {
    if (c.name === 'disable' && /csrf|frameOptions|headers|contentSecurityPolicy|xssProtection/i.test(c.callee + doc.textOf(c.node.parent ?? c.node).slice(0, 60))) {
      const what = /csrf/i.test(doc.textOf(c.node.parent?.parent ?? c.node)) || /csrf/i.test(c.callee) ? 'csrf' : 'security headers';
      out.push(protection(doc, 'hazard', 'csrf-off', 'wrapper', c.node, `${what}().disable()`, { key: `disable:${what}`, always: true, message: `\`${what}\` protection is now disabled (\`.disable()\`)` }));
    }
    if (c.name === 'csrf' && c.args.some((a) => /::disable|\.disable\(\)/.test(doc.textOf(a)))) {
      out.push(protection(doc, 'hazard', 'csrf-off', 'wrapper', c.node, 'csrf(disable)', { key: 'disable:csrf', always: true, message: '`csrf` protection is now disabled' }));
    }
  }
  for (const p of doc.pairs) {
    if (/^(?:WTF_CSRF_ENABLED|CSRF_ENABLED|csrf_protect|csrfProtection)$/.test(p.key) && isFalse(doc, p.value)) {
      out.push(protection(doc, 'hazard', 'csrf-off', 'option', p.node, p.key, { key: `off:${p.key}`, always: true, message: `\`${p.key}\` now switches CSRF protection off` }));
    }
    if (/^(?:contentSecurityPolicy|frameguard|hsts|noSniff|xssFilter)$/.test(p.key) && isFalse(doc, p.value)) {
      out.push(protection(doc, 'hazard', 'csp-off', 'option', p.node, p.key, { key: `off:${p.key}`, always: true, message: `helmet's \`${p.key}\` is now switched off` }));
    }
    if (/^content-security-policy$/i.test(p.key)) {
      const v = doc.textOf(p.value);
      const weak = /'unsafe-inline'|'unsafe-eval'|(?:^|[\s;'"])\*(?:[\s;'"]|$)/.test(v) ? 'now allows inline or any-origin scripts' : undefined;
      out.push(protection(doc, 'guard', 'csp', 'option', p.node, 'Content-Security-Policy', { key: 'csp', anchor: holderOf(doc, p.node), ...(weak ? { weak } : {}) }));
    }
  }
  return out;
}

/** Textual fallback. */
export const textual: readonly TextPattern[] = [
  { kind: 'guard', re: /\bprotect_from_forgery\b|\bVerifyCsrfToken\b|\[ValidateAntiForgeryToken\]/, label: 'CSRF protection', group: 'secmw' },
  { kind: 'hazard', re: /\bskip_(?:before_action|forgery_protection)\b.{0,40}verify_authenticity_token|\[IgnoreAntiforgeryToken\]/, label: 'CSRF check skipped', group: 'csrf-off' },
];

export const rule: GuardrailRule = { meta, extract, textual };
