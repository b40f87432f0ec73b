// Rule: path normalisation + prefix checks or `..` rejection removed before a file access.
import type { RuleMeta } from '../model';
import type { Doc } from '../guardrails/syntax';
import type { GuardrailRule, Protection, TextPattern } from '../guardrails/types';
import { callGuards, functionTextOf, keyOf, protection } from '../guardrails/extractors';
import { PARSED_LANGUAGES } from '../guardrails/languages';
import { shortLabel } from '../guardrails/util';

export const meta: RuleMeta = {
  id: 'path-traversal-check-removed',
  title: 'Path traversal check removed',
  family: 'inference',
  defaultSeverity: 'error',
  languages: PARSED_LANGUAGES,
  description: 'Finds checks that keep a file path inside its base directory (normalise + prefix check, `..` rejection, safe join) that an edit removed.',
  cwe: ['CWE-22'],
  owasp: ['A01:2021 Broken Access Control'],
};

const PATH_CHECK = /\.\.|startsWith\(|startswith\(|HasPrefix|is_relative_to|commonpath|commonprefix|isAbsolute|is_absolute|IsAbs|path\.sep|filepath\.Separator|relative\(|\.relativize|Path\.Clean|\\0|\\x00/;
const SANITIZERS = /(?:^|\.)(?:secure_filename|safe_join|basename|Base|sanitizeFilename|sanitize_filename|cleanPath|getName)$/;

/** Finds path containment checks in one version of a file. */
export function extract(doc: Doc): Protection[] {
  const out: Protection[] = [];
  for (const c of doc.checks) {
    const cond = doc.flat(c.condition);
    if (!PATH_CHECK.test(cond) || /redirect|url|http|\.Host\b|\bnext\b/i.test(cond)) continue;
    if (/IsAbs|isAbsolute/.test(cond) && /[Rr]edirect/.test(functionTextOf(doc, c.node))) continue;
    if (/startsWith\(|startswith\(|HasPrefix/.test(cond) && !/root|base|dir|ROOT|BASE|DIR|folder|path|Path|upload|UPLOAD|share|SHARE/.test(cond)) continue;
    const label = `if ${shortLabel(cond.replace(/^\((.*)\)$/, '$1'), 50)}`;
    out.push(protection(doc, 'guard', 'path', 'statement', c.node, label, { key: `check:${keyOf(cond)}` }));
  }
  out.push(...callGuards(doc, SANITIZERS, 'path', 'statement', (c) => c.args.length > 0 && (c.name !== 'getName' || /path|file/i.test(c.callee))));
  return out;
}

/** Textual fallback. */
export const textual: readonly TextPattern[] = [
  { kind: 'guard', re: /\b(?:realpath|File\.expand_path|basename)\b.{0,80}\b(?:start_with\?|strpos|StartsWith)/, label: 'path containment check', group: 'path' },
];

export const rule: GuardrailRule = { meta, extract, textual };
