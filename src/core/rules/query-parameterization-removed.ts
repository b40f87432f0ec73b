// Rule: a parameterised query replaced by SQL built from strings, or a NoSQL filter losing its cast.
import type { RuleMeta } from '../model';
import type { CallFact, Doc, SNode } from '../guardrails/syntax';
import { isStringNode } from '../guardrails/syntax';
import type { GuardrailRule, Protection, TextPattern } from '../guardrails/types';
import { isBuiltString, protection, resolveLocal } from '../guardrails/extractors';
import { PARSED_LANGUAGES } from '../guardrails/languages';

export const meta: RuleMeta = {
  id: 'query-parameterization-removed',
  title: 'Query parameterisation removed',
  family: 'inference',
  defaultSeverity: 'error',
  languages: PARSED_LANGUAGES,
  description: 'Finds parameterised SQL replaced by string building, concatenation or interpolation, and Mongo filters that now take raw request objects.',
  cwe: ['CWE-89', 'CWE-943'],
  owasp: ['A03:2021 Injection'],
};

const SQL_CALLS = /(?:^|\.)(?:query|execute|executemany|exec|raw|run|all|get|prepare|Exec|Query|QueryRow|QueryContext|ExecContext|QueryRowContext|executeQuery|executeUpdate|executeLargeUpdate|addBatch|createQuery|createNativeQuery|queryForObject|queryForList|queryForMap|update|batchUpdate|\$queryRawUnsafe|\$executeRawUnsafe|queryRaw|text|Raw|Select|Get|prepareStatement|prepareCall|executescript|read_sql|read_sql_query|mogrify)$/;
const SQL_TEXT = /\b(?:SELECT\s[\s\S]*\bFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|WHERE\s|ORDER\s+BY|VALUES\s*\()/i;
const PLACEHOLDER = /\?|\$\d|%s|%\(\w+\)s|:\w+|@\w+/;
const MONGO_CALLS = /(?:^|\.)(?:find|findOne|findOneAndUpdate|findOneAndDelete|updateOne|updateMany|deleteOne|deleteMany|countDocuments|find_one|update_one|delete_one|aggregate|where)$/;
const RAW_INPUT = /^(?:req|request|ctx\.request|ctx)\.(?:body|query|params|json|args|form|GET|POST)\b/;

/** Finds parameterised and string-built queries in one version of a file. */
export function extract(doc: Doc): Protection[] {
  const out: Protection[] = [];
  for (const c of doc.calls) {
    if (SQL_CALLS.test(c.callee)) sqlCall(doc, c, out);
    if (MONGO_CALLS.test(c.callee)) mongoCall(doc, c, out);
    if (/(?:^|\.)(?:String|str|sanitize|mongoSanitize|escapeRegex|ObjectId|parseInt|Number|toString)$/.test(c.callee) && c.args.some((a) => RAW_INPUT.test(doc.textOf(a)))) {
      out.push(protection(doc, 'guard', 'nosql-cast', 'wrapper', c.node, c.callee, { anchor: c.node, counterpart: true }));
    }
  }
  for (const s of doc.strings) {
    // Tagged templates (sql`...`) are parameterised by the library.
    if (s.type === 'template_string' && s.parent?.type === 'call_expression' && /^(?:sql|SQL|Prisma\.sql|db\.sql)$/.test(doc.textOf(s.parent.children[0] as SNode))) {
      out.push(protection(doc, 'guard', 'sql-param', 'wrapper', s.parent, 'sql`…`', { key: 'tagged-sql', counterpart: true }));
    }
  }
  return out;
}

function sqlCall(doc: Doc, c: CallFact, out: Protection[]): void {
  let value: SNode | undefined;
  for (const a of c.args) {
    if (!(isStringNode(a) || a.type === 'identifier' || isBuiltString(doc, a) || a.type === 'binary_expression' || a.type === 'binary_operator')) continue;
    const v = isBuiltString(doc, a) || isStringNode(a) ? a : resolveLocal(doc, a) ?? a;
    if (SQL_TEXT.test(doc.textOf(v))) {
      value = v;
      break;
    }
  }
  if (!value) return;
  const text = doc.textOf(value);
  const bindsParams = /\?|\$\d/.test(text) && c.args.length > 2 && !doc.callAt(value);
  if (isBuiltString(doc, value) && !bindsParams) {
    const how = buildKind(doc, value);
    out.push(protection(doc, 'hazard', 'sql-build', 'wrapper', c.node, c.callee, {
      key: `sql-build:${how}`, replaces: 'sql-param', message: `\`${c.callee}\` now runs SQL built with ${how} instead of bound parameters`,
    }));
  } else if (PLACEHOLDER.test(text)) {
    out.push(protection(doc, 'guard', 'sql-param', 'wrapper', c.node, c.callee, { key: 'sql-param', counterpart: true }));
  }
}

function buildKind(doc: Doc, n: SNode): string {
  if (n.type === 'template_string') return 'a template literal';
  if (n.type === 'string') return 'an f-string';
  const c = doc.callAt(n);
  if (c) return `\`${c.callee}\``;
  return doc.textOf(n).includes('%') && doc.family === 'python' ? '`%` formatting' : 'string concatenation';
}

function mongoCall(doc: Doc, c: CallFact, out: Protection[]): void {
  const filter = c.args[0];
  if (!filter || filter.type !== 'object') return;
  for (const pair of filter.children) {
    const v = pair.children[1];
    if (pair.type === 'pair' && v && RAW_INPUT.test(doc.textOf(v))) {
      out.push(protection(doc, 'hazard', 'nosql', 'wrapper', c.node, c.callee, {
        key: 'nosql-raw', replaces: 'nosql-cast', message: `\`${c.callee}\` now takes \`${doc.textOf(v)}\` straight from the request: an object there becomes a query operator`,
      }));
      return;
    }
  }
}

/** Textual fallback: interpolated SQL in languages without a grammar. */
export const textual: readonly TextPattern[] = [
  { kind: 'guard', re: /\b(?:prepare|bind_param|bindValue|bindParam|where\(\s*['"][^'"]*\?)/, label: 'bound parameters', group: 'sql-param', counterpart: true },
  { kind: 'hazard', re: /["'](?:SELECT|INSERT|UPDATE|DELETE)\b[^"']{0,200}(?:#\{|\$\{|\{\$|["']\s*\.\s*\$|["']\s*\+)/i, label: 'SQL built from strings', group: 'sql-build', replaces: 'sql-param' },
];

export const rule: GuardrailRule = { meta, extract, textual };
