// Rule confusable-identifier: words that mix in Cyrillic/Greek/Armenian look-alikes of ASCII letters.
import type { Finding, RuleMeta } from '../model';
import { codePointCode, detectHiddenUnicode, type HiddenCharFinding, type HiddenUnicodeOptions } from '../unicode';

/** Metadata of `confusable-identifier`. */
export const meta: RuleMeta = {
  id: 'confusable-identifier',
  title: 'Confusable identifier',
  family: 'integration',
  defaultSeverity: 'warning',
  languages: '*',
  description: 'Finds identifiers and words that use Cyrillic, Greek or Armenian letters looking exactly like ASCII ones, mixed into a Latin word or imitating a keyword or a name used elsewhere in the file.',
  cwe: ['CWE-1007'],
  owasp: ['A03:2021 Injection', 'LLM01:2025 Prompt Injection'],
};

/** Findings of `confusable-identifier` for one text. */
export function detect(text: string, options: HiddenUnicodeOptions = {}): Finding[] {
  return detectHiddenUnicode(text, options)
    .filter((h) => h.kind === 'confusable')
    .map((h) => toFinding(h, options.isInstructionFile === true));
}

/** Turns one confusable-word finding into a rule finding; `restore` swaps in the ASCII letters. */
export function toFinding(h: HiddenCharFinding, instructionFile: boolean): Finding {
  const letters = h.codePoints.map((cp) => `"${String.fromCodePoint(cp)}" (${codePointCode(cp)})`).join(', ');
  return {
    ruleId: meta.id,
    severity: instructionFile ? 'error' : 'warning',
    confidence: 'high',
    message: `\`${h.word ?? ''}\` looks like \`${h.lookalike ?? ''}\` but uses the look-alike letter${h.codePoints.length === 1 ? '' : 's'} ${letters}. Retype it in ASCII unless the script is intended.`,
    range: h.range,
    restore: h.removal,
    fingerprint: `${meta.id}:${h.lookalike ?? ''}`,
  };
}
