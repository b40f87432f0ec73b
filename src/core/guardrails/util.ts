// Small helpers for findings: stable fingerprints and readable snippets.
import type { SNode } from './syntax';

/** FNV-1a over rule, context and whitespace-normalised snippet: no line numbers, so it survives edits elsewhere. */
export function fingerprintOf(ruleId: string, context: string, snippet: string): string {
  const input = `${ruleId}\u0000${context}\u0000${snippet.replace(/\s+/g, ' ').trim()}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    h ^= input.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${ruleId}:${h.toString(16).padStart(8, '0')}`;
}

/** The old text of a node, at most 400 characters. */
export function snippetOf(text: string, n: SNode): string {
  const s = text.slice(n.start, n.end);
  return s.length > 400 ? `${s.slice(0, 400)}…` : s;
}

/** A one-line, short label for a node's text (`if (doc.ownerId !== user.id) …`). */
export function shortLabel(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
