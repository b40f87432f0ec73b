// Rule: a safe parser replaced by one that can run code or expand entities (yaml.load, pickle, eval, XXE).
import type { RuleMeta } from '../model';
import type { Doc } from '../guardrails/syntax';
import type { GuardrailRule, Protection, TextPattern } from '../guardrails/types';
import { callGuards, keyOf, protection } from '../guardrails/extractors';

export const meta: RuleMeta = {
  id: 'unsafe-deserialization-introduced',
  title: 'Unsafe deserialisation introduced',
  family: 'inference',
  defaultSeverity: 'error',
  languages: '*',
  description: 'Finds yaml.safe_load replaced by yaml.load, pickle/eval/ObjectInputStream introduced where a safe parser was, and XML parser hardening (XXE) removed.',
  cwe: ['CWE-502', 'CWE-611', 'CWE-95'],
  owasp: ['A08:2021 Software and Data Integrity Failures', 'A05:2021 Security Misconfiguration'],
};

const SAFE = /^(?:JSON\.parse|json\.loads|json\.load|yaml\.safe_load|yaml\.safe_load_all|json\.Unmarshal|json\.NewDecoder|ast\.literal_eval|mapper\.readValue|objectMapper\.readValue|\w*[mM]apper\.readValue|gson\.fromJson|yaml\.load)$|(?:^|\.)(?:readValue|fromJson|safe_load|literal_eval)$/;
const XXE_FEATURES = /(?:^|\.)(?:setFeature|setExpandEntityReferences|setXIncludeAware|setAttribute|setProperty)$/;

/** Finds parsers and their unsafe replacements in one version of a file. */
export function extract(doc: Doc): Protection[] {
  const out: Protection[] = [];
  for (const c of doc.calls) {
    const unsafe = unsafeCall(doc, c);
    if (unsafe) {
      out.push(protection(doc, 'hazard', 'unsafe-parse', 'wrapper', c.node, unsafe, { key: `unsafe:${keyOf(unsafe)}`, replaces: 'safe-parse', always: /yaml|pickle|marshal|ObjectInputStream|XMLDecoder|unserialize/.test(unsafe), message: `\`${unsafe}\` can run code or build arbitrary objects from its input` }));
    } else if (SAFE.test(c.callee) && !(c.callee === 'yaml.load' && !safeLoader(doc, c))) {
      out.push(protection(doc, 'guard', 'safe-parse', 'wrapper', c.node, c.callee, { key: `safe:${keyOf(c.callee)}`, counterpart: true }));
    }
  }
  out.push(...callGuards(doc, XXE_FEATURES, 'xxe', 'option', (c) => /disallow-doctype-decl|external-general-entities|external-parameter-entities|load-external-dtd|FEATURE_SECURE_PROCESSING|ACCESS_EXTERNAL|setExpandEntityReferences|setXIncludeAware/.test(doc.textOf(c.node))).map((p) => ({ ...p, label: xxeLabel(doc.textOf(p.node)), key: `xxe:${keyOf(xxeLabel(doc.textOf(p.node)))}` })));
  for (const p of doc.pairs) {
    if (/^(?:resolve_entities|no_network|load_dtd|huge_tree)$/.test(p.key) && p.kind === 'keyword') {
      const safe = p.key === 'no_network' ? /True/.test(doc.textOf(p.value)) : /False/.test(doc.textOf(p.value));
      out.push(protection(doc, 'guard', 'xxe', 'option', p.node, p.key, { key: `xxe:${p.key}`, anchor: p.node, ...(safe ? {} : { weak: `set to \`${doc.textOf(p.value)}\`` }) }));
    }
  }
  return out;
}

function unsafeCall(doc: Doc, c: import('../guardrails/syntax').CallFact): string | undefined {
  if (c.callee === 'yaml.load' || c.callee === 'yaml.load_all') return doc.family === 'python' && !safeLoader(doc, c) ? c.callee : undefined;
  if (/^(?:yaml\.unsafe_load|yaml\.full_load|pickle\.loads?|cPickle\.loads?|marshal\.loads?|shelve\.open|jsonpickle\.decode|dill\.loads?|serialize\.unserialize|unserialize)$/.test(c.callee)) return c.callee;
  if (doc.family === 'js' && (c.callee === 'eval' || (c.isNew && c.callee === 'Function') || /^vm\.runIn\w*Context$/.test(c.callee))) return c.isNew ? 'new Function' : c.callee;
  if (doc.family === 'python' && (c.callee === 'eval' || c.callee === 'exec')) return c.callee;
  if (doc.family === 'java' && c.isNew && /(?:ObjectInputStream|XMLDecoder)$/.test(c.callee)) return c.callee;
  if (doc.family === 'java' && c.isNew && /^Yaml$/.test(c.callee) && c.args.length === 0) return 'new Yaml()';
  return undefined;
}

function safeLoader(doc: Doc, c: import('../guardrails/syntax').CallFact): boolean {
  return c.args.some((a) => /SafeLoader|CSafeLoader|BaseLoader/.test(doc.textOf(a)));
}

function xxeLabel(text: string): string {
  const m = /disallow-doctype-decl|external-general-entities|external-parameter-entities|load-external-dtd|FEATURE_SECURE_PROCESSING|ACCESS_EXTERNAL_\w+|setExpandEntityReferences|setXIncludeAware/.exec(text);
  return m ? m[0] : 'XML parser hardening';
}

/** Textual fallback. */
export const textual: readonly TextPattern[] = [
  { kind: 'guard', re: /\b(?:YAML\.safe_load|yaml\.safe_load|Psych\.safe_load|JSON\.parse|json_decode)\b/, label: 'safe parser', group: 'safe-parse', counterpart: true },
  { kind: 'hazard', re: /\b(?:YAML\.load|yaml\.load|Psych\.load|Marshal\.load|unserialize|pickle\.loads?)\s*\(/, label: 'YAML.load / unsafe deserialisation', group: 'unsafe-parse', replaces: 'safe-parse' },
];

export const rule: GuardrailRule = { meta, extract, textual };
