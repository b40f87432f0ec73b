// Reads `.redline/policy.jsonc`: JSONC parsing, schema validation with ajv, and problems positioned by line and column.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { LineIndex } from '../text';
import { SCHEMA_ANNOTATIONS, policySchema } from '../config/schema';
import { isPlainObject } from '../config/values';
import type { Policy, PolicyParseOptions, PolicyParseResult, PolicyProblem } from './types';
import { relativeTarget } from './paths';
import { MAX_JSON_DEPTH, nestingBeyond } from '../json';

const PARSE_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'Unexpected character.',
  InvalidNumberFormat: 'Invalid number.',
  PropertyNameExpected: 'A property name in double quotes is expected.',
  ValueExpected: 'A value is expected.',
  ColonExpected: 'A colon is expected.',
  CommaExpected: 'A comma is expected.',
  CloseBraceExpected: 'A closing brace `}` is expected.',
  CloseBracketExpected: 'A closing bracket `]` is expected.',
  EndOfFileExpected: 'Nothing may follow the policy object.',
  InvalidCommentToken: 'Invalid comment.',
  UnexpectedEndOfComment: 'Unterminated comment.',
  UnexpectedEndOfString: 'Unterminated string.',
  UnexpectedEndOfNumber: 'Unterminated number.',
  InvalidUnicode: 'Invalid Unicode escape.',
  InvalidEscapeCharacter: 'Invalid escape character.',
  InvalidCharacter: 'Invalid character.',
};

/** Validators compiled once per process (pure: same schema, same function). */
const validators = new Map<string, ValidateFunction>();

function policyValidator(): ValidateFunction {
  const cached = validators.get('policy');
  if (cached) return cached;
  const ajv = new Ajv({ allErrors: true, verbose: true, strictTypes: false, logger: false });
  ajv.addVocabulary([...SCHEMA_ANNOTATIONS]);
  const validate = ajv.compile(policySchema());
  validators.set('policy', validate);
  return validate;
}

/**
 * Parses and validates policy text. Returns the policy only when there is no error; warnings
 * (unknown rule ids) keep the policy. Never throws on bad input.
 */
export function parsePolicy(text: string, options: PolicyParseOptions = {}): PolicyParseResult {
  const lines = new LineIndex(text);
  const at = (offset: number, length: number) => lines.rangeOf(offset, offset + Math.max(length, 1));
  const deep = nestingBeyond(text);
  if (deep >= 0) return { problems: [{ severity: 'error', message: `The policy nests deeper than ${MAX_JSON_DEPTH} levels.`, range: at(deep, 1) }] };
  const parseErrors: ParseError[] = [];
  const root = parseTree(text, parseErrors, { allowTrailingComma: true, disallowComments: false });
  const first = parseErrors[0];
  if (first && root) {
    // Later parse errors are usually echoes of the first; one precise message is more useful.
    return { problems: [{ severity: 'error', message: PARSE_MESSAGES[printParseErrorCode(first.error)] ?? 'Invalid JSON.', range: at(first.offset, first.length) }] };
  }
  if (!root || root.type !== 'object') {
    return { problems: [{ severity: 'error', message: 'A policy is a JSON object, e.g. `{ "version": 1 }`.', range: at(root?.offset ?? 0, root?.length ?? 0) }] };
  }
  // A JSON round trip gives ordinary objects (jsonc-parser builds null-prototype ones).
  const value: unknown = JSON.parse(JSON.stringify(getNodeValue(root)));
  const validate = policyValidator();
  const problems: PolicyProblem[] = [];
  if (!validate(value)) problems.push(...schemaProblems(validate.errors ?? [], root, at));
  problems.push(...semanticProblems(value, root, at, options));
  const unique = dedupe(problems).sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return unique.some((p) => p.severity === 'error') ? { problems: unique } : { policy: value as Policy, problems: unique };
}

type At = (offset: number, length: number) => PolicyProblem['range'];

/** Keywords whose own error explains its children, so the children's errors are dropped. */
const CONTAINER_KEYWORDS = new Set(['anyOf', 'oneOf', 'propertyNames']);

function schemaProblems(errors: readonly ErrorObject[], root: Node, at: At): PolicyProblem[] {
  const containers = errors.filter((e) => CONTAINER_KEYWORDS.has(e.keyword)).map((e) => e.schemaPath);
  const kept = errors.filter((e) => e.keyword !== 'if' && !containers.some((c) => e.schemaPath.startsWith(`${c}/`)));
  return kept.map((e) => {
    const node = nodeOf(e, root);
    const length = e.keyword === 'required' ? 1 : node.length;
    return { severity: 'error' as const, message: messageOf(e), range: at(node.offset, length) };
  });
}

function pathOf(instancePath: string): (string | number)[] {
  if (instancePath === '') return [];
  return instancePath.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function nodeOf(e: ErrorObject, root: Node): Node {
  const node = findNodeAtLocation(root, pathOf(e.instancePath)) ?? root;
  const key = e.keyword === 'additionalProperties' ? (e.params as { additionalProperty?: string }).additionalProperty
    : e.keyword === 'propertyNames' ? (e.params as { propertyName?: string }).propertyName : undefined;
  return key === undefined ? node : (keyNode(node, key) ?? node);
}

function keyNode(objectNode: Node, key: string): Node | undefined {
  return objectNode.children?.find((p) => p.children?.[0]?.value === key)?.children?.[0];
}

function label(instancePath: string): string {
  const path = pathOf(instancePath);
  return path.length === 0 ? 'The policy' : `\`${path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[')}\``;
}

function messageOf(e: ErrorObject): string {
  const custom = e.keyword === 'propertyNames' ? (e.schema as { errorMessage?: unknown }).errorMessage : (e.parentSchema as { errorMessage?: unknown } | undefined)?.errorMessage;
  const where = label(e.instancePath);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': return `Unknown property \`${String(p.additionalProperty)}\`${e.instancePath ? ` in ${where}` : ''}.`;
    case 'required': return `${where} is missing \`${String(p.missingProperty)}\`.`;
    case 'propertyNames': return `\`${String(p.propertyName)}\`: ${typeof custom === 'string' ? custom : 'invalid name.'}`;
    default:
      if (typeof custom === 'string') return custom;
      return plainMessage(e, where, p);
  }
}

function plainMessage(e: ErrorObject, where: string, p: Record<string, unknown>): string {
  switch (e.keyword) {
    case 'enum': return `${where} must be one of: ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'const': return `${where} must be ${JSON.stringify(p.allowedValue)}.`;
    case 'type': return `${where} must be ${article(String(p.type))}.`;
    case 'minimum': case 'maximum': return `${where} must be ${String(p.comparison)} ${String(p.limit)}.`;
    case 'uniqueItems': return `${where} lists the same entry twice (items ${String(p.j)} and ${String(p.i)}).`;
    case 'minLength': return `${where} must not be empty.`;
    default: return `${where} ${e.message ?? 'is invalid'}.`;
  }
}

function article(type: string): string {
  const names: Record<string, string> = { object: 'an object', array: 'an array', integer: 'an integer', boolean: 'true or false', string: 'a string', number: 'a number' };
  return names[type] ?? type;
}

function semanticProblems(value: unknown, root: Node, at: At, options: PolicyParseOptions): PolicyProblem[] {
  if (!isPlainObject(value)) return [];
  const out: PolicyProblem[] = [];
  const known = options.knownRuleIds ? new Set(options.knownRuleIds) : undefined;
  if (known && isPlainObject(value.rules)) {
    const rulesNode = findNodeAtLocation(root, ['rules']);
    for (const id of Object.keys(value.rules)) {
      const node = rulesNode && keyNode(rulesNode, id);
      if (!known.has(id) && node) out.push({ severity: 'warning', message: unknownRuleMessage(id, known), range: at(node.offset, node.length) });
    }
  }
  if (known && Array.isArray(value.enforced)) {
    value.enforced.forEach((name, i) => {
      const node = findNodeAtLocation(root, ['enforced', i]);
      if (typeof name === 'string' && name.startsWith('rules.') && !known.has(name.slice(6)) && node) {
        out.push({ severity: 'warning', message: unknownRuleMessage(name.slice(6), known), range: at(node.offset, node.length) });
      }
    });
  }
  const auditPath = isPlainObject(value.audit) ? value.audit.path : undefined;
  if (typeof auditPath === 'string' && auditPath !== '' && relativeTarget('', auditPath) === undefined) {
    const node = findNodeAtLocation(root, ['audit', 'path']);
    if (node) out.push({ severity: 'error', message: '`audit.path` must be a folder inside the workspace, relative to its root.', range: at(node.offset, node.length) });
  }
  return out;
}

function unknownRuleMessage(id: string, known: ReadonlySet<string>): string {
  const near = [...known].map((k) => ({ k, d: distance(id, k) })).filter((x) => x.d <= 2).sort((a, b) => a.d - b.d)[0];
  return `Unknown rule id \`${id}\`; it has no effect.${near ? ` Did you mean \`${near.k}\`?` : ''}`;
}

/** Levenshtein distance, for "did you mean" (inputs are short rule ids). */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

function dedupe(problems: readonly PolicyProblem[]): PolicyProblem[] {
  const seen = new Set<string>();
  const errorsAt = new Set(problems.filter((p) => p.severity === 'error').map((p) => `${p.range.start.line}:${p.range.start.character}`));
  return problems.filter((p) => {
    if (p.severity === 'warning' && errorsAt.has(`${p.range.start.line}:${p.range.start.character}`)) return false;
    const key = `${p.range.start.line}:${p.range.start.character}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
