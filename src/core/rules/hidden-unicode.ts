// Rule hidden-unicode: invisible characters (tags, bidi controls, zero-width, smuggled variation selectors) in any text.
import type { Finding, RuleMeta, Severity } from '../model';
import { codePointCode, detectHiddenUnicode, displayHiddenText, type HiddenCharFinding, type HiddenUnicodeOptions } from '../unicode';

/** Metadata of `hidden-unicode`. */
export const meta: RuleMeta = {
  id: 'hidden-unicode',
  title: 'Hidden Unicode characters',
  family: 'integration',
  defaultSeverity: 'warning',
  languages: '*',
  description: 'Finds characters a reader cannot see but a compiler or a model reads: tag characters, bidirectional controls (Trojan Source), zero-width and other invisible format characters, and variation selectors used to smuggle data.',
  cwe: ['CWE-1007', 'CWE-451'],
  owasp: ['LLM01:2025 Prompt Injection', 'A03:2021 Injection'],
};

/** Findings of `hidden-unicode` for one text (confusable words are left to `confusable-identifier`). */
export function detect(text: string, options: HiddenUnicodeOptions = {}): Finding[] {
  return detectHiddenUnicode(text, options)
    .filter((h) => h.kind !== 'confusable')
    .map((h) => toFinding(h, options.isInstructionFile === true));
}

/** Turns one detector finding into a rule finding; the removal edits become `restore`. */
export function toFinding(h: HiddenCharFinding, instructionFile: boolean): Finding {
  return {
    ruleId: meta.id,
    severity: severityOf(h, instructionFile),
    confidence: 'high',
    message: messageOf(h, instructionFile),
    range: h.range,
    restore: h.removal,
    fingerprint: `${meta.id}:${h.kind}:${h.codePoints.slice(0, 8).map(codePointCode).join(',')}`,
  };
}

function severityOf(h: HiddenCharFinding, instructionFile: boolean): Severity {
  if (instructionFile || h.kind === 'tag') return 'error';
  if (h.kind === 'bidi') return h.codePoints.every((cp) => cp === 0x200e || cp === 0x200f || cp === 0x061c) ? 'warning' : 'error';
  if (h.kind === 'variation-selector' && h.codePoints.length > 1) return 'error';
  return 'warning';
}

function messageOf(h: HiddenCharFinding, instructionFile: boolean): string {
  const where = instructionFile ? ' in an assistant instruction file' : '';
  const fix = 'Remove them unless you put them there on purpose.';
  switch (h.kind) {
    case 'tag':
      return `Invisible tag characters${where} spell out "${displayHiddenText(h.decoded ?? '')}": a model reads this text, a reviewer does not see it. ${fix}`;
    case 'bidi':
      return `Bidirectional control ${h.label}${where} can make text display in a different order than a compiler or model reads it (Trojan Source). ${fix}`;
    case 'variation-selector':
      return h.decoded !== undefined
        ? `${h.codePoints.length} variation selectors${where} smuggle hidden data that decodes to "${displayHiddenText(h.decoded)}". ${fix}`
        : `Variation selectors ${h.label}${where} follow no character that uses them; they can smuggle hidden data. ${fix}`;
    default:
      return `Invisible ${h.kind === 'zero-width' ? 'zero-width' : 'format'} character ${h.label}${where}: it changes what tools and models read without showing on screen. ${fix}`;
  }
}
