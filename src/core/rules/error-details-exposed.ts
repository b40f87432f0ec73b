// Rule: generic error responses replaced by stack traces or internal error messages sent to the client.
import type { RuleMeta } from '../model';
import type { CallFact, Doc, SNode } from '../guardrails/syntax';
import type { GuardrailRule, Protection, TextPattern } from '../guardrails/types';
import { protection } from '../guardrails/extractors';
import { PARSED_LANGUAGES } from '../guardrails/languages';

export const meta: RuleMeta = {
  id: 'error-details-exposed',
  title: 'Error details sent to the client',
  family: 'inference',
  defaultSeverity: 'warning',
  languages: PARSED_LANGUAGES,
  description: 'Finds generic error responses replaced by stack traces, exception messages or internal error text sent to the client.',
  cwe: ['CWE-209', 'CWE-497'],
  owasp: ['A04:2021 Insecure Design', 'A05:2021 Security Misconfiguration'],
};

const SINKS = /(?:^|\.)(?:json|send|end|write|render|jsonify|JsonResponse|HttpResponse|make_response|Response|HTTPException|abort|Error|Write|Fprintf|Fprint|Fprintln|Encode|JSON|String|body|sendError|print|println|status)$|^(?:json|Response\.json|new Response)$/;
const DETAIL = /\b(?:err|error|e|ex|exc|exception|er|cause)\s*(?:as\s+\w+\s*\)\s*)?\)?\s*\.\s*(?:stack|message|getMessage|getLocalizedMessage|toString|Error|getStackTrace|getCause|sqlMessage)\b|\btraceback\.|format_exc|print_exc|\bstr\(\s*(?:e|err|exc|ex|error|exception)\s*\)|\brepr\(\s*(?:e|err|exc|ex)\s*\)|\{(?:e|err|exc|ex|error|exception)(?:!r|!s)?\}|printStackTrace|ExceptionUtils|\.stack\b/;
const EXPECTED_ERROR = /<\s*500|instanceof\s+\w*(?:Http|Validation|Client|BadRequest|NotFound|User|Zod|Joi|Public)\w*|\bexpose\b|isOperational|\bisClientError\b|status(?:Code)?\s*<\s*500/;

/** Finds responses that leak error details, and generic error responses, in one version of a file. */
export function extract(doc: Doc): Protection[] {
  const out: Protection[] = [];
  for (const c of doc.calls) {
    if (!SINKS.test(c.callee) || !isResponse(doc, c)) continue;
    const args = c.args.map((a) => doc.textOf(a)).join(', ');
    const m = DETAIL.exec(args);
    if (m && !inExpectedErrorBranch(doc, c.node)) {
      const what = detailsIn(args);
      out.push(protection(doc, 'hazard', 'error-leak', 'wrapper', c.node, c.callee, { key: 'leak', replaces: 'generic-error', always: true, message: `\`${c.callee}\` now sends \`${what}\` (internal error details) to the client` }));
    } else if (inErrorPath(doc, c.node)) {
      out.push(protection(doc, 'guard', 'generic-error', 'wrapper', c.node, c.callee, { key: 'generic', counterpart: true }));
    }
  }
  return out;
}

/** The leaked details, most telling first: `stack, message`. */
function detailsIn(args: string): string {
  const found: string[] = [];
  for (const [re, name] of [[/\.stack\b|getStackTrace|printStackTrace|ExceptionUtils/, 'stack'], [/format_exc|print_exc|traceback\./, 'traceback.format_exc'], [/getMessage|getLocalizedMessage/, 'getMessage()'], [/\.message\b/, 'message'], [/\.Error\(\)/, 'err.Error()'], [/\bstr\(|\brepr\(|\{(?:e|err|exc|ex|error|exception)/, 'str(exception)']] as const) {
    if (re.test(args)) found.push(name);
  }
  return found.length > 0 ? found.join('`, `') : 'exception';
}

function isResponse(doc: Doc, c: CallFact): boolean {
  if (/^(?:res|response|reply|ctx|w|c|resp)\b|ResponseEntity|HttpResponse|JsonResponse|jsonify|HTTPException|http\.Error|^json$|Response|sendError|make_response|^abort$|getWriter/.test(c.callee)) return true;
  return /\b(?:res|response|reply|w)\b/.test(c.callee.split('.')[0] ?? '');
}

function inExpectedErrorBranch(doc: Doc, n: SNode): boolean {
  return doc.checks.some((k) => k.node.start <= n.start && k.node.end >= n.end && EXPECTED_ERROR.test(doc.textOf(k.condition)));
}

function inErrorPath(doc: Doc, n: SNode): boolean {
  for (let p = n.parent; p; p = p.parent) {
    if (/^(?:catch_clause|except_clause|catch_formal_parameter)$/.test(p.type)) return true;
    if (p.type === 'if_statement' && /err\s*!=\s*nil/.test(doc.textOf(p).slice(0, 60))) return true;
    if (/function|method|func_literal/.test(p.type)) return /\b(?:err|error|exc|ex|exception)\b/.test(doc.textOf(p).slice(0, 200)) && /errorHandler|error_handler|handle_?error|exception_handler|ExceptionHandler|onError|errorhandler/i.test(doc.textOf(p).slice(0, 300));
  }
  return false;
}

/** Textual fallback. */
export const textual: readonly TextPattern[] = [
  { kind: 'hazard', re: /\b(?:include-stacktrace|include_stacktrace)\s*[:=]\s*always\b|\bdisplay_errors\s*=\s*(?:On|1)\b/i, label: 'stack traces in responses', group: 'error-leak' },
];

export const rule: GuardrailRule = { meta, extract, textual };
