// Rule instruction-injection: text in an assistant instruction file that tells the assistant to act against its user.
import { createHash } from 'node:crypto';
import type { Finding, RuleMeta } from '../model';
import { LineIndex } from '../text';
import { findInjections } from '../instructions/injection';
import { revealText } from '../unicode';

/** Metadata of `instruction-injection`. */
export const meta: RuleMeta = {
  id: 'instruction-injection',
  title: 'Injected instruction in an assistant instruction file',
  family: 'integration',
  defaultSeverity: 'error',
  languages: ['markdown', 'plaintext', 'mdc', 'prompt', 'instructions', 'chatagent', 'json', 'jsonc'],
  description: 'Finds instructions planted in assistant instruction files: ignore earlier instructions, hide actions from the user, read or send secrets, disable checks, install from URLs, run encoded payloads, HTML comments and data-carrying image links.',
  cwe: ['CWE-77', 'CWE-200'],
  owasp: ['LLM01:2025 Prompt Injection', 'LLM06:2025 Excessive Agency'],
};

/**
 * Findings of `instruction-injection` in one instruction file. Phrases are matched on the revealed text
 * (tag characters decoded, invisible characters dropped, homoglyphs mapped), so hiding a phrase doesn't hide it from Redline.
 */
export function detect(text: string, path?: string): Finding[] {
  const revealed = revealText(text, path !== undefined ? { path, isInstructionFile: true } : { isInstructionFile: true });
  const hits = findInjections(revealed.text);
  if (hits.length === 0) return [];
  const index = new LineIndex(text);
  return hits.map((h) => {
    const start = revealed.originalOffset(h.start);
    const last = revealed.originalOffset(h.end - 1);
    const high = text.charCodeAt(last);
    const end = Math.max(start + 1, last + (high >= 0xd800 && high <= 0xdbff ? 2 : 1));
    const hidden = revealed.text !== text && text.slice(start, end) !== revealed.text.slice(h.start, h.end);
    return {
      ruleId: meta.id,
      severity: h.severity,
      confidence: h.severity === 'error' ? 'high' : 'medium',
      message: `This text tells the assistant to ${h.what}${hidden ? ' (partly hidden from view)' : ''}. Remove it unless you wrote it on purpose.`,
      range: index.rangeOf(start, end),
      context: h.category,
      // Hashed: the matched text may quote a secret.
      fingerprint: `${meta.id}:${h.category}:${createHash('sha256').update(revealed.text.slice(h.start, h.end).toLowerCase()).digest('hex').slice(0, 16)}`,
    };
  });
}
