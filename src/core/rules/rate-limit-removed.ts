// Rule: rate limiter or throttle middleware/config removed, or a limit raised 10× or more.
import type { RuleMeta } from '../model';
import type { Doc } from '../guardrails/syntax';
import type { GuardrailRule, Protection, TextPattern } from '../guardrails/types';
import { decoratorGuards, holderOf, keyOf, middlewareGuards, numberOf, protection, rateOf } from '../guardrails/extractors';
import { PARSED_LANGUAGES } from '../guardrails/languages';

export const meta: RuleMeta = {
  id: 'rate-limit-removed',
  title: 'Rate limit removed or raised',
  family: 'inference',
  defaultSeverity: 'warning',
  languages: PARSED_LANGUAGES,
  description: 'Finds rate limiter or throttle middleware, decorators and settings that an edit removed, or limits it raised tenfold or more.',
  cwe: ['CWE-770', 'CWE-307'],
  owasp: ['A04:2021 Insecure Design', 'API4:2023 Unrestricted Resource Consumption'],
};

const LIMITER = /rate_?limit|ratelimit|limiter|throttl|slow_?down|brute|LimitBy\w*|tollbooth|httprate|RateLimit|Bucket4j|bucket/i;
const DECORATOR = /(?:^|\.)(?:limit|limits|Throttle|throttle|throttle_classes|ratelimit|rate_limit|RateLimiter|RateLimit|Bulkhead)$/;
const STRENGTH_KEYS = /^(?:max|limit|points|requests|max_requests|maxRequests|rate|burst|capacity|tokens)$/;

/** Finds rate limiting in one version of a file. */
export function extract(doc: Doc): Protection[] {
  const out: Protection[] = [...middlewareGuards(doc, LIMITER, 'ratelimit')];
  for (const p of decoratorGuards(doc, DECORATOR, 'ratelimit')) {
    const d = doc.decoratorAt(p.node);
    const args = d ? d.args.map((a) => doc.textOf(a)).join(' ') : '';
    const strength = rateOf(args) ?? firstNumber(args);
    out.push(strength === undefined ? p : { ...p, strength });
  }
  for (const c of doc.calls) {
    if (!LIMITER.test(c.callee)) continue;
    // Limits given positionally: httprate.LimitByIP(100, time.Minute), rate.NewLimiter(5, 10)
    const n = c.args.length > 0 ? numberOf(doc.textOf(c.args[0] as typeof c.args[number])) : undefined;
    if (n !== undefined && n > 0) out.push(protection(doc, 'guard', 'ratelimit', 'option', c.node, c.callee, { key: `call:${keyOf(c.callee)}`, strength: n, anchor: c.node }));
  }
  for (const p of doc.pairs) {
    if (!STRENGTH_KEYS.test(p.key) || p.kind === 'assign') continue;
    const holder = holderOf(doc, p.node);
    if (insideDecorator(p.node)) continue;
    const holderText = doc.textOf(holder).slice(0, 200);
    if (!LIMITER.test(holderText) && !LIMITER.test(declaredName(doc, holder))) continue;
    const strength = numberOf(doc.textOf(p.value)) ?? rateOf(doc.textOf(p.value));
    out.push(protection(doc, 'guard', 'ratelimit', 'option', p.node, p.key, { key: `option:${p.key}`, anchor: holder, ...(strength !== undefined ? { strength } : {}) }));
  }
  return out;
}

function insideDecorator(n: import('../guardrails/syntax').SNode): boolean {
  for (let p = n.parent; p; p = p.parent) if (p.type === 'decorator' || p.type === 'annotation') return true;
  return false;
}

function firstNumber(text: string): number | undefined {
  const m = /\blimit\s*[:=]\s*(\d+)/.exec(text) ?? /(\d+)/.exec(text);
  return m ? Number(m[1]) : undefined;
}

function declaredName(doc: Doc, holder: import('../guardrails/syntax').SNode): string {
  const decl = holder.parent;
  if (decl && (decl.type === 'variable_declarator' || decl.type === 'assignment')) return doc.textOf(decl.children[0] ?? decl);
  return '';
}

/** Textual fallback: throttling in frameworks without a grammar. */
export const textual: readonly TextPattern[] = [
  { kind: 'guard', re: /\b(?:throttle|rate_limit|RateLimiter::|limit_req)\b/, label: 'rate limit', group: 'ratelimit' },
];

export const rule: GuardrailRule = { meta, extract, textual };
