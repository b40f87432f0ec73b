// Rule: schema validation, length/type checks or file-type checks removed from a handler.
import type { RuleMeta } from '../model';
import type { Doc, SNode } from '../guardrails/syntax';
import type { GuardrailRule, Protection, TextPattern } from '../guardrails/types';
import { callGuards, checkGuards, decoratorGuards, keyOf, middlewareGuards, protection } from '../guardrails/extractors';
import { PARSED_LANGUAGES } from '../guardrails/languages';

export const meta: RuleMeta = {
  id: 'input-validation-removed',
  title: 'Input validation removed',
  family: 'inference',
  defaultSeverity: 'warning',
  languages: PARSED_LANGUAGES,
  description: 'Finds schema validation (zod, joi, yup, ajv, express-validator, class-validator, pydantic, marshmallow, Go validator, Bean Validation) and length, type or file-type checks that an edit removed.',
  cwe: ['CWE-20', 'CWE-1284'],
  owasp: ['A03:2021 Injection', 'A04:2021 Insecure Design'],
};

const MIDDLEWARE = /^(?:body|check|param|query|header|cookie|checkSchema|oneOf|checkExact)\(|(?:^|\W)(?:validate\w*|validator\w*|celebrate|validationMiddleware|validateBody|validateRequest|zValidator|ValidationPipe)\b/;
const NOT_SCHEMA = /^(?:JSON|Date|URL|url|path|qs|querystring|yaml|YAML|Integer|Long|Double|Float|Boolean|Number|LocalDate|LocalDateTime|UUID|Instant|Duration|csv|ini|toml|xml|cookie|Jsoup|time|strconv|json|parser|ast|dateutil|urllib|Math|BigDecimal|ZonedDateTime|OffsetDateTime|DateTime|mime|email|urlparse|Short|Byte)$/;
const VALIDATION_CALL = /(?:^|\.)(?:safeParse|safeParseAsync|parseAsync|validate|validateSync|validateAsync|validateOrReject|validationResult|matchedData|is_valid|full_clean|ValidateStruct|Struct|StructCtx|Var|assertValid|assert_valid|check_schema|validate_json|model_validate|parse_obj|parse_raw|model_validate_json)$/;
const DECORATOR = /^(?:Valid|Validated|NotNull|NotBlank|NotEmpty|Size|Email|Pattern|Min|Max|Positive|PositiveOrZero|Negative|Past|Future|DecimalMin|DecimalMax|Digits|Length|Range|URL|Is[A-Z]\w*|Max[A-Z]\w*|Min[A-Z]\w*|Length|Matches|ValidateNested|ArrayMaxSize|ArrayMinSize|UsePipes|validator|field_validator|model_validator|root_validator|validates|validates_schema|validate_arguments|validate_call)$/;
const TYPE_CHECK = /\.length\b|len\(|typeof|instanceof|isinstance|Number\.is\w+|isNaN|isFinite|isdigit|isnumeric|\.test\(|\.match\(|re\.(?:match|fullmatch|search)|regex|Pattern|ALLOWED|allowed|mimetype|mime|content_?type|extension|extname|endswith|endsWith|\.size\b|MaxLength|max_?len|MAX_\w+|\.type\b|Matches|IsEmail|valid/;
const BUILTIN_TYPES = /^(?:dict|Dict|str|int|float|bool|bytes|list|List|Any|Request|Response|Session|BackgroundTasks|UploadFile|Optional|object|HttpRequest|WebSocket)$/;

/** Finds input validation in one version of a file. */
export function extract(doc: Doc): Protection[] {
  const out: Protection[] = [
    ...middlewareGuards(doc, MIDDLEWARE, 'validation'),
    ...decoratorGuards(doc, DECORATOR, 'validation').map((p) => withTarget(doc, p)),
    ...callGuards(doc, VALIDATION_CALL, 'validation', 'statement', (c) => !doc.routeOfCall(c) && !inRouteArgs(doc, c.node)),
    ...callGuards(doc, /(?:Schema|schema|Validator|validator)\w*(?:\(\))?\.(?:load|loads|parse|validate)$|^[A-Z]\w*\.parse$/, 'validation', 'statement', (c) => !NOT_SCHEMA.test(c.callee.split('.')[0] ?? '')),
    ...checkGuards(doc, TYPE_CHECK, 'validation', (cond) => !/\.\.|startsWith\(|HasPrefix|redirect|owner|role|admin|user\.id|\berr\b|\berror\b|exception|\bexc\b/i.test(cond)),
  ];
  out.push(...modelParameters(doc));
  out.push(...structTags(doc));
  return out;
}

/** Annotations on fields and parameters are keyed by what they annotate, so reordering is not removal. */
function withTarget(doc: Doc, p: Protection): Protection {
  const d = doc.decoratorAt(p.node);
  const target = d?.target;
  if (!target || /method|function|class/.test(target.type)) return p;
  const name = target.children.find((c) => c.field === 'name' || c.field === 'declarator');
  const label = name ? doc.textOf(name).split(/\s|=/)[0] ?? '' : '';
  return { ...p, key: `${p.key}:${label}` };
}

function inRouteArgs(doc: Doc, n: SNode): boolean {
  const route = doc.routeCallOf(n);
  return route !== undefined && !route.args.some((a) => a.start <= n.start && a.end >= n.end && /function|lambda|func_literal/.test(a.type));
}

/** FastAPI/Flask handlers that receive a typed model (`payload: BookingIn`) validate through it. */
function modelParameters(doc: Doc): Protection[] {
  if (doc.family !== 'python') return [];
  const out: Protection[] = [];
  for (const fn of doc.functions) {
    const scope = doc.unitScope(fn);
    if (scope?.kind !== 'route') continue;
    const params = fn.children.find((c) => c.field === 'parameters');
    for (const p of params?.children ?? []) {
      if (p.type !== 'typed_parameter' && p.type !== 'typed_default_parameter') continue;
      if (/=\s*(?:Depends|Security|Header|Cookie|Query|Path)\(/.test(doc.textOf(p))) continue;
      const type = p.children.find((c) => c.field === 'type');
      const t = type ? doc.textOf(type) : '';
      if (!/^[A-Z][A-Za-z0-9_]*$/.test(t) || BUILTIN_TYPES.test(t)) continue;
      const name = doc.textOf(p.children[0] ?? p);
      out.push(protection(doc, 'guard', 'validation', 'argument', p, `${name}: ${t}`, { key: `model:${keyOf(name)}` }));
    }
  }
  return out;
}

/** Go struct tags: `validate:"required,max=50"` / `binding:"required"`, one guard per field. */
function structTags(doc: Doc): Protection[] {
  if (doc.family !== 'go') return [];
  const out: Protection[] = [];
  for (const s of doc.strings) {
    if (s.type !== 'raw_string_literal' || s.parent?.type !== 'field_declaration') continue;
    const m = /\b(?:validate|binding):"([^"]*)"/.exec(doc.textOf(s));
    if (!m) continue;
    const field = s.parent.children.find((c) => c.field === 'name');
    const label = `validate:"${m[1]}"`;
    for (const r of (m[1] ?? '').split(',')) {
      out.push(protection(doc, 'guard', 'validation-tag', 'option', s, label, { key: `tag:${field ? doc.textOf(field) : ''}:${r.replace(/=.*/, '')}`, anchor: s.parent }));
    }
  }
  return out;
}

/** Textual fallback: validation in languages without a grammar. */
export const textual: readonly TextPattern[] = [
  { kind: 'guard', re: /\bvalidates?\s+:\w+|\$request->validate\(|\bValidator::make\(|ModelState\.IsValid/, label: 'validation', group: 'validation' },
];

export const rule: GuardrailRule = { meta, extract, textual };
