// Rule: HTML escaping or sanitising removed, autoescape turned off, raw HTML of unsanitised input.
import type { RuleMeta } from '../model';
import type { Doc } from '../guardrails/syntax';
import type { GuardrailRule, Protection, TextPattern } from '../guardrails/types';
import { isFalse, keyOf, protection } from '../guardrails/extractors';
import { PARSED_LANGUAGES } from '../guardrails/languages';

export const meta: RuleMeta = {
  id: 'output-escaping-removed',
  title: 'Output escaping removed',
  family: 'inference',
  defaultSeverity: 'error',
  languages: PARSED_LANGUAGES,
  description: 'Finds HTML escaping and sanitising (DOMPurify, escape, html.escape, markupsafe, HtmlUtils) that an edit removed, and template autoescaping turned off.',
  cwe: ['CWE-79', 'CWE-116'],
  owasp: ['A03:2021 Injection'],
};

const ESCAPERS = /(?:^|\.)(?:escape|escapeHtml|escape_html|escapeHTML|htmlEscape|htmlspecialchars|sanitize|sanitizeHtml|sanitize_html|clean|encode|encodeForHTML|forHtml|forHtmlContent|escapeHtml4|escapeXml|HTMLEscapeString|EscapeString|xss|filterXSS|purify|escapeExpression|conditional_escape|strip_tags|bleach\.clean)$/;
const ESCAPER_OWNERS = /^(?:DOMPurify|dompurify|purify|he|html|markupsafe|bleach|cgi|xml\.sax\.saxutils|validator|lodash|_|HtmlUtils|StringEscapeUtils|Encode|ESAPI|template|html\.EscapeString|Handlebars|django\.utils\.html|xss|sanitizer|sanitizeHtml|escaper)$/;

/** Finds escaping in one version of a file. */
export function extract(doc: Doc): Protection[] {
  const out: Protection[] = [];
  for (const c of doc.calls) {
    const callee = doc.resolveName(c.callee);
    if (!ESCAPERS.test(callee) || c.args.length === 0) continue;
    const owner = callee.includes('.') ? callee.slice(0, callee.lastIndexOf('.')) : '';
    if (owner && !ESCAPER_OWNERS.test(owner) && !/escape|sanitiz|purif/i.test(c.name)) continue;
    if (!owner && /^(?:clean|encode|purify)$/.test(c.name)) continue;
    const arg = c.args[0];
    out.push(protection(doc, 'guard', 'escape', 'wrapper', c.node, c.callee, { key: keyOf(callee), anchor: c.node, ...(arg ? { requires: doc.textOf(arg) } : {}) }));
  }
  for (const p of doc.pairs) {
    if (!/^(?:autoescape|autoEscape|escape|noEscape)$/.test(p.key)) continue;
    const off = p.key === 'noEscape' ? !isFalse(doc, p.value) : isFalse(doc, p.value);
    out.push(protection(doc, 'guard', 'autoescape', 'option', p.node, p.key, { key: `option:${p.key}`, anchor: p.node, ...(off ? { weak: `set to \`${doc.textOf(p.value)}\`` } : {}) }));
  }
  for (const s of doc.strings) {
    const t = doc.textOf(s);
    if (doc.family === 'go' && s.parent?.type === 'import_spec') {
      if (t === '"html/template"') out.push(protection(doc, 'guard', 'html-template', 'option', s, 'html/template', { anchor: s, counterpart: true }));
      if (t === '"text/template"') {
        out.push(protection(doc, 'hazard', 'text-template', 'option', s, 'text/template', { replaces: 'html-template', message: '`text/template` replaced `html/template`: templates no longer escape HTML' }));
      }
    }
  }
  return out;
}

/** Textual fallback: template engines and raw output helpers. */
export const textual: readonly TextPattern[] = [
  { kind: 'guard', re: /\b(?:h|html_escape|htmlspecialchars|HtmlEncode|escape_javascript|sanitize)\s*\(/, label: 'escaping', group: 'escape' },
  { kind: 'hazard', re: /\b(?:raw|html_safe|\|\s*safe|Html\.Raw|\{\{\{)\b/, label: 'raw HTML output', group: 'raw', replaces: 'escape' },
];

export const rule: GuardrailRule = { meta, extract, textual };
