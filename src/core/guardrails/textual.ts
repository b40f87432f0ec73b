// The language-agnostic layer: line patterns for the textual cases (TLS flags, JWT decode, yaml.load...),
// used for languages without a grammar or before a grammar has loaded. Lower confidence than parsing.
import type { Finding } from '../model';
import { LineMap } from './mapping';
import type { GuardrailRule, TextPattern } from './types';
import { fingerprintOf } from './util';

interface Hit {
  readonly pattern: TextPattern;
  readonly line: number;
  readonly text: string;
}

/** Compares the changed lines of two texts against every rule's textual patterns. */
export function analyzeText(before: string, after: string, rules: readonly GuardrailRule[]): Finding[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const map = new LineMap(before, after);
  const keptNew = new Set<number>();
  const removed: number[] = [];
  for (let i = 0; i < a.length; i++) {
    if (map.kept(i)) keptNew.add(map.toNew(i));
    else removed.push(i);
  }
  const added: number[] = [];
  for (let i = 0; i < b.length; i++) if (!keptNew.has(i)) added.push(i);
  const findings: Finding[] = [];
  for (const rule of rules) {
    for (const pattern of rule.textual ?? []) {
      const gone = hits(a, removed, pattern);
      const come = hits(b, added, pattern);
      if (pattern.kind === 'guard' && !pattern.counterpart && gone.length > come.length) {
        const hit = gone[come.length] as Hit;
        const line = map.toNew(hit.line);
        findings.push(make(rule, 'dropped', `\`${pattern.label}\` was removed`, line, b[line] ?? '', hit));
      }
      if (pattern.kind === 'hazard' && come.length > gone.length) {
        if (pattern.replaces && !rule.textual?.some((p) => p.kind === 'guard' && p.group === pattern.replaces && a.some((l) => p.re.test(stripComment(l))))) continue;
        const hit = come[gone.length] as Hit;
        findings.push(make(rule, 'downgraded', `\`${pattern.label}\` was introduced`, hit.line, hit.text, undefined));
      }
    }
  }
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.ruleId}|${f.range.start.line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function hits(lines: readonly string[], indices: readonly number[], pattern: TextPattern): Hit[] {
  const out: Hit[] = [];
  for (const i of indices) {
    const text = stripComment(lines[i] ?? '');
    if (pattern.re.test(text)) out.push({ pattern, line: i, text });
  }
  return out;
}

/** Drops whole-line comments (`#`, `//`, `*`, `--`, `;`). Trailing comments stay: cheap and good enough here. */
function stripComment(line: string): string {
  return /^\s*(?:#|\/\/|\*|\/\*|--|;|<!--)/.test(line) ? '' : line.slice(0, 2000);
}

function make(rule: GuardrailRule, change: 'dropped' | 'downgraded', message: string, line: number, lineText: string, old: Hit | undefined): Finding {
  return {
    ruleId: rule.meta.id,
    severity: rule.meta.defaultSeverity,
    confidence: 'low',
    message,
    range: { start: { line, character: 0 }, end: { line, character: lineText.length } },
    ...(old ? { relatedRange: { start: { line: old.line, character: 0 }, end: { line: old.line, character: old.text.length } }, removedSnippet: old.text.trim() } : {}),
    change,
    fingerprint: fingerprintOf(rule.meta.id, '', old ? old.text : lineText),
  };
}
