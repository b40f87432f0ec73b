// Rule: a CORS origin allow-list replaced by `*` or by reflecting any origin.
import type { RuleMeta } from '../model';
import type { Doc, SNode } from '../guardrails/syntax';
import { isStringNode } from '../guardrails/syntax';
import type { GuardrailRule, Protection, TextPattern } from '../guardrails/types';
import { holderOf, isTrue, protection } from '../guardrails/extractors';
import { PARSED_LANGUAGES } from '../guardrails/languages';

export const meta: RuleMeta = {
  id: 'cors-policy-weakened',
  title: 'CORS policy opened up',
  family: 'inference',
  defaultSeverity: 'warning',
  languages: PARSED_LANGUAGES,
  description: 'Finds CORS origin allow-lists replaced by `*`, `origin: true` or a reflected Origin header, especially with credentials.',
  cwe: ['CWE-942', 'CWE-346'],
  owasp: ['A05:2021 Security Misconfiguration', 'A01:2021 Broken Access Control'],
};

const ORIGIN_KEYS = /^(?:origin|origins|allow_origins|allowedOrigins|AllowedOrigins|allowOrigins|AllowOrigins|allowed_origins|CORS_ALLOWED_ORIGINS|CORS_ORIGIN_WHITELIST|allowOrigin|value)$/;
const CORS_CONTEXT = /cors|Cors|CORS|CrossOrigin/;

/** Finds CORS origin policies in one version of a file. */
export function extract(doc: Doc): Protection[] {
  const out: Protection[] = [];
  for (const p of doc.pairs) {
    if (/^(?:CORS_ALLOW_ALL_ORIGINS|CORS_ORIGIN_ALLOW_ALL|AllowAllOrigins|allowAllOrigins)$/.test(p.key)) {
      if (isTrue(doc, p.value)) out.push(protection(doc, 'hazard', 'cors-any', 'option', p.node, p.key, { key: `any:${p.key}`, always: true, message: `\`${p.key}\` now allows every origin` }));
      continue;
    }
    if (!ORIGIN_KEYS.test(p.key)) continue;
    const holder = holderOf(doc, p.node);
    const holderName = holderLabel(doc, holder);
    if (!CORS_CONTEXT.test(holderName) && !CORS_CONTEXT.test(doc.textOf(holder).slice(0, 60)) && !/CORS_/.test(p.key)) continue;
    if (p.key === 'value' && !/CrossOrigin/.test(holderName)) continue;
    const weak = openValue(doc, p.value);
    const label = holderName ? `${holderName}(${p.key})` : p.key;
    out.push(protection(doc, 'guard', 'cors', 'option', p.node, label, { key: 'cors-origins', anchor: holder, ...(weak ? { weak } : {}) }));
  }
  for (const c of doc.calls) {
    if (/(?:^|\.)(?:allowedOrigins|allowedOriginPatterns|setAllowedOrigins|addAllowedOrigin|AllowedOrigins)$/.test(c.callee)) {
      const weak = c.args.some((a) => openValue(doc, a)) ? 'now allows every origin' : undefined;
      out.push(protection(doc, 'guard', 'cors', 'option', c.node, c.name, { key: 'cors-origins', anchor: c.node, ...(weak ? { weak } : {}) }));
    }
    if (/(?:^|\.)(?:setHeader|header|set|Set|Add|addHeader|setHeaderValue)$/.test(c.callee) && c.args[0] && /^['"]Access-Control-Allow-Origin['"]$/i.test(doc.textOf(c.args[0]))) {
      const value = c.args[1];
      if (!value) continue;
      const allowListed = guardedByAllowList(doc, c.node);
      if (openValue(doc, value) || (!isStringNode(value) && !allowListed)) {
        out.push(protection(doc, 'hazard', 'cors-reflect', 'wrapper', c.node, 'Access-Control-Allow-Origin', { key: 'acao-open', replaces: 'cors', message: `\`Access-Control-Allow-Origin\` now ${openValue(doc, value) ? 'allows every origin' : 'reflects any request origin'}` }));
      } else {
        out.push(protection(doc, 'guard', 'cors', 'wrapper', c.node, 'Access-Control-Allow-Origin', { key: 'acao-checked' }));
      }
    }
  }
  return out;
}

function holderLabel(doc: Doc, holder: SNode): string {
  const c = doc.callAt(holder);
  if (c) return c.callee;
  const d = doc.decoratorAt(holder);
  if (d) return d.name;
  if (holder.type === 'composite_literal') return doc.textOf(holder.children[0] ?? holder);
  return '';
}

function openValue(doc: Doc, v: SNode): string | undefined {
  const t = doc.textOf(v).replace(/\s+/g, '');
  if (/^(?:['"`]\*['"`]|\[['"`]\*['"`]\]|\[\]string\{"\*"\}|List\.of\("\*"\)|Arrays\.asList\("\*"\)|\{"\*"\})$/.test(t)) return `set to \`${doc.textOf(v)}\``;
  if (/^(?:true|True)$/.test(t)) return `set to \`${t}\` (reflects any origin)`;
  if (/^(?:\(\w*,?\w*\)|\w+)=>\w*\(null,true\)$|^function\(\w*,\w*\)\{\w+\(null,true\);?\}$/.test(t)) return 'now accepts every origin';
  if (/^(?:req|request|r)\.(?:headers?\.origin|get\(['"]origin['"]\)|Header\.Get\("Origin"\)|headers\[['"]origin['"]\])$/i.test(t)) return 'now reflects the request origin';
  return undefined;
}

function guardedByAllowList(doc: Doc, n: SNode): boolean {
  return doc.checks.some((k) => k.node.start <= n.start && k.node.end >= n.end && /allow|ALLOW|\.has\(|includes\(|indexOf|contains|whitelist|trusted|\bin\b|===|==/.test(doc.textOf(k.condition)));
}

/** Textual fallback. */
export const textual: readonly TextPattern[] = [
  { kind: 'hazard', re: /Access-Control-Allow-Origin['"]?\s*[:,=]\s*['"]\*['"]/i, label: 'Access-Control-Allow-Origin: *', group: 'cors-any' },
];

export const rule: GuardrailRule = { meta, extract, textual };
