// Rule: body-size limits, request timeouts or pagination caps removed or raised 10× or more.
import type { RuleMeta } from '../model';
import type { Doc } from '../guardrails/syntax';
import type { GuardrailRule, Protection, TextPattern } from '../guardrails/types';
import { holderOf, keyOf, numberOf, protection } from '../guardrails/extractors';
import { PARSED_LANGUAGES } from '../guardrails/languages';

export const meta: RuleMeta = {
  id: 'resource-limit-removed',
  title: 'Size limit, timeout or page cap removed',
  family: 'inference',
  defaultSeverity: 'warning',
  languages: PARSED_LANGUAGES,
  description: 'Finds request body limits, upload sizes, timeouts and pagination caps that an edit removed or raised tenfold or more.',
  cwe: ['CWE-770', 'CWE-400'],
  owasp: ['API4:2023 Unrestricted Resource Consumption'],
};

const SIZE_KEYS = /^(?:fileSize|fieldSize|fieldNameSize|files|fields|parts|maxFileSize|maxFiles|maxBodyLength|maxContentLength|bodyLimit|max_content_length|MAX_CONTENT_LENGTH|DATA_UPLOAD_MAX_MEMORY_SIZE|FILE_UPLOAD_MAX_MEMORY_SIZE|DATA_UPLOAD_MAX_NUMBER_FIELDS|MaxBytes|MaxHeaderBytes|maxHeaderSize|max_page_size|maxPageSize|max_limit|max_per_page|MAX_PAGE_SIZE|MAX_PER_PAGE|PAGE_SIZE_MAX)$/;
const TIMEOUT_KEYS = /^(?:ReadTimeout|WriteTimeout|IdleTimeout|ReadHeaderTimeout|timeout|Timeout|requestTimeout|headersTimeout|keepAliveTimeout|connectTimeout|socketTimeout|readTimeout|statement_timeout|connect_timeout|read_timeout|idleTimeout|serverSelectionTimeoutMS|connectTimeoutMS|socketTimeoutMS)$/;
const BODY_PARSERS = /(?:^|\.)(?:json|urlencoded|raw|text|bodyParser|multer|formidable|busboy|fastify|Fastify|express\.json)$/;
const HTTP_CLIENTS = /^(?:requests|httpx|session|client|urllib|aiohttp|http|axios|fetch)\b|(?:^|\.)(?:urlopen|get|post|put|delete|patch|request|Client|AsyncClient|Session|Server|create_engine|connect)$/;
const PAGE_CONTEXT = /page|size|limit|per_?page|count|take|top|max/i;

/** Finds size limits, timeouts and caps in one version of a file. */
export function extract(doc: Doc): Protection[] {
  const out: Protection[] = [];
  for (const p of doc.pairs) {
    const holder = holderOf(doc, p.node);
    let relevant = SIZE_KEYS.test(p.key) && (/^[A-Z_]+$|[A-Z]/.test(p.key) || p.kind !== 'assign') && (!/^(?:files|fields|parts)$/.test(p.key) || /limits|multer|busboy|formidable/i.test(doc.textOf(holder).slice(0, 80) + doc.textOf(p.node.parent?.parent ?? p.node).slice(0, 40)));
    if (!relevant && p.key === 'limit') relevant = isBodyParserOption(doc, p.node);
    if (!relevant && TIMEOUT_KEYS.test(p.key)) {
      const call = doc.callAt(holder);
      relevant = p.kind !== 'keyword' || (call !== undefined && HTTP_CLIENTS.test(call.callee) && !/subprocess|Popen|run$|check_output|wait/.test(call.callee));
    }
    if (!relevant) continue;
    const value = doc.textOf(p.value);
    const strength = /^(?:0|None|null|nil|Infinity|false|False)$/.test(value.trim()) ? Infinity : numberOf(value);
    out.push(protection(doc, 'guard', 'limit', 'option', p.node, p.key, { key: `option:${p.key.toLowerCase()}`, anchor: p.kind === 'assign' ? p.node : holder, ...(strength !== undefined ? { strength } : {}) }));
  }
  for (const c of doc.calls) {
    // Caps: min(requested, MAX), Math.min(size, 100)
    if ((c.name === 'min' || c.callee === 'Math.min') && c.args.length >= 2) {
      const capArg = c.args.find((a) => /^[A-Z][A-Z0-9_]+$/.test(doc.textOf(a).replace(/^\w+\./, '')) || numberOf(doc.textOf(a)) !== undefined);
      if (!capArg || !PAGE_CONTEXT.test(doc.textOf(c.node) + statementText(doc, c.node))) continue;
      const n = numberOf(doc.textOf(capArg));
      out.push(protection(doc, 'guard', 'limit', 'wrapper', c.node, `${c.callee}(…, ${doc.textOf(capArg)})`, { key: `cap:${keyOf(doc.textOf(capArg))}`, anchor: c.node, ...(n !== undefined ? { strength: n } : {}) }));
    }
    if (/(?:^|\.)(?:MaxBytesReader|TimeoutHandler|WithTimeout|setTimeout|LimitReader)$/.test(c.callee) && c.name !== 'setTimeout') {
      out.push(protection(doc, 'guard', 'limit', 'statement', doc.statementOf(c.node), c.callee, { key: keyOf(c.callee), anchor: c.node }));
    }
  }
  return out;
}

function isBodyParserOption(doc: Doc, n: import('../guardrails/syntax').SNode): boolean {
  for (let p = n.parent; p; p = p.parent) {
    const c = doc.callAt(p);
    if (c) return BODY_PARSERS.test(c.callee) || /bodyParser|express\.(?:json|urlencoded|raw|text)/.test(c.callee);
  }
  return false;
}

function statementText(doc: Doc, n: import('../guardrails/syntax').SNode): string {
  return doc.textOf(doc.statementOf(n)).slice(0, 300);
}

/** Textual fallback: limits in config files (Spring properties, nginx, YAML). */
export const textual: readonly TextPattern[] = [
  { kind: 'guard', re: /\b(?:max-file-size|max-request-size|client_max_body_size|max_body_size|LimitRequestBody|maxRequestLength)\b/, label: 'size limit', group: 'limit' },
  { kind: 'guard', re: /\b(?:proxy_read_timeout|request_timeout|read_timeout|connection-timeout)\b/, label: 'timeout', group: 'limit' },
];

export const rule: GuardrailRule = { meta, extract, textual };
