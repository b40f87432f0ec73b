// The guardrail engine: compares two versions of a file and reports protections an edit dropped,
// weakened or downgraded. Synchronous once the language's grammar is loaded.
import type { ChangeKind, Confidence, Finding, TextEdit } from '../model';
import { LineIndex } from '../text';
import { familyOf } from '../parsing/languages';
import { ParserPool, type GrammarLoader } from '../parsing/runtime';
import { TreeCache, windowDoc } from './documents';
import { LineMap } from './mapping';
import type { Doc, SNode, Scope } from './syntax';
import type { GuardrailRule, Protection } from './types';
import { analyzeText } from './textual';
import { fingerprintOf, snippetOf } from './util';
import { guardrailRules } from '../rules/guardrail-rules';

/** Two versions of one file. */
export interface EditInput {
  readonly before: string;
  readonly after: string;
  /** VS Code language id; unknown ids use the textual layer. */
  readonly languageId: string;
  readonly path?: string;
}

/** What the engine found, and how it looked at the file. */
export interface EditAnalysis {
  readonly findings: Finding[];
  /** Why the file was not analysed (too large, minified). */
  readonly skipped?: string;
  /** `parsed`: real grammar; `text`: the language-agnostic textual layer. */
  readonly language: 'parsed' | 'text';
}

const MAX_BYTES = 2 * 1024 * 1024;
const MAX_LINE = 5000;

/** Finds dropped, weakened and downgraded guardrails between two versions of a file. */
export class GuardrailEngine {
  private readonly pool: ParserPool;
  private readonly trees: TreeCache;

  constructor(loader: GrammarLoader, private readonly rules: readonly GuardrailRule[] = guardrailRules) {
    this.pool = new ParserPool(loader);
    this.trees = new TreeCache(this.pool);
  }

  /** Loads the grammar for a language id (once); false when the language has none or it failed to load. */
  ensureLanguage(languageId: string): Promise<boolean> {
    return this.pool.ensure(languageId);
  }

  /** Compares `before` and `after`. Never throws on bad input; falls back to text when the grammar is not loaded. */
  analyzeEdit(input: EditInput): EditAnalysis {
    const skipped = skipReason(input.before) ?? skipReason(input.after);
    if (skipped) return { findings: [], skipped, language: 'text' };
    const crlf = input.after.includes('\r\n');
    const before = input.before.includes('\r') ? input.before.replace(/\r\n?/g, '\n') : input.before;
    const after = input.after.includes('\r') ? input.after.replace(/\r\n?/g, '\n') : input.after;
    if (before === after) return { findings: [], language: this.pool.isReady(input.languageId) ? 'parsed' : 'text' };
    const family = familyOf(input.languageId);
    let findings: Finding[];
    let language: 'parsed' | 'text' = 'text';
    if (family && this.pool.isReady(input.languageId)) {
      findings = this.analyzeParsed(before, after, input.languageId, family);
      language = 'parsed';
    } else {
      findings = analyzeText(before, after, this.rules);
    }
    if (crlf) findings = findings.map((f) => withCrlf(f));
    return { findings, language };
  }

  private analyzeParsed(before: string, after: string, languageId: string, family: NonNullable<ReturnType<typeof familyOf>>): Finding[] {
    const { start, oldEnd, newEnd } = changedSpan(before, after);
    const beforeTree = this.trees.tree(languageId, before);
    const afterTree = this.trees.tree(languageId, after, { text: before, start, oldEnd, newEnd });
    if (!beforeTree || !afterTree) return analyzeText(before, after, this.rules);
    const ctx = new Comparison(before, after, windowDoc(before, family, beforeTree, start, oldEnd), windowDoc(after, family, afterTree, start, newEnd),
      () => this.trees.fullDoc(languageId, before, family), () => this.trees.fullDoc(languageId, after, family), () => this.trees.lines(languageId, before));
    const findings: Finding[] = [];
    for (const rule of this.rules) {
      if (rule.meta.languages !== '*' && !rule.meta.languages.includes(languageId)) continue;
      findings.push(...ctx.compare(rule));
    }
    return dedupe(findings);
  }
}

/** Convenience wrapper: `engine.analyzeEdit(input)`. */
export function analyzeEdit(engine: GuardrailEngine, input: EditInput): EditAnalysis {
  return engine.analyzeEdit(input);
}


function skipReason(text: string): string | undefined {
  if (text.length > MAX_BYTES) return 'file larger than 2 MB';
  let lineStart = 0;
  for (let i = text.indexOf('\n'); ; i = text.indexOf('\n', i + 1)) {
    const end = i === -1 ? text.length : i;
    if (end - lineStart > MAX_LINE) return 'minified (line over 5000 characters)';
    if (i === -1) return undefined;
    lineStart = i + 1;
  }
}

/** The span where two texts differ: common prefix and suffix trimmed. */
export function changedSpan(a: string, b: string): { start: number; oldEnd: number; newEnd: number } {
  const min = Math.min(a.length, b.length);
  const CHUNK = 512;
  let start = 0;
  // Native slice comparison in chunks, then character by character inside the differing chunk.
  while (start + CHUNK <= min && a.slice(start, start + CHUNK) === b.slice(start, start + CHUNK)) start += CHUNK;
  while (start < min && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let tail = 0;
  while (tail + CHUNK <= min - start && a.slice(a.length - tail - CHUNK, a.length - tail) === b.slice(b.length - tail - CHUNK, b.length - tail)) tail += CHUNK;
  while (tail < min - start && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) tail++;
  return { start, oldEnd: a.length - tail, newEnd: b.length - tail };
}

function withCrlf(f: Finding): Finding {
  if (!f.restore) return f;
  return { ...f, restore: f.restore.map((e) => ({ ...e, newText: e.newText.replace(/\n/g, '\r\n') })) };
}

/**
 * One finding per rule and line, and per rule, context and change within three lines: several
 * guards dropped from one route or one options block become one message.
 */
function dedupe(findings: Finding[]): Finding[] {
  const byKey = new Map<string, Finding>();
  const rank = (f: Finding): number => (f.change === 'dropped' ? 1 : 0);
  for (const f of findings.sort((a, b) => a.range.start.line - b.range.start.line || a.ruleId.localeCompare(b.ruleId) || rank(a) - rank(b))) {
    const key = `${f.ruleId}|${f.range.start.line}`;
    const first = byKey.get(key) ?? [...byKey.values()].find((x) => x.ruleId === f.ruleId && x.change === f.change && x.context === f.context && Math.abs(x.range.start.line - f.range.start.line) <= 3);
    if (!first) {
      byKey.set(key, f);
      continue;
    }
    const label = /`[^`]+`/.exec(f.message)?.[0];
    if (label && !first.message.includes(label)) {
      const restore = first.change === f.change && first.restore && f.restore ? [...first.restore, ...f.restore] : undefined;
      const merged: Finding = { ...first, message: `${first.message} (also ${label})`, restore };
      if (!restore) delete (merged as { restore?: unknown }).restore;
      for (const [k, v] of byKey) if (v === first) byKey.set(k, merged);
    }
  }
  return [...byKey.values()];
}

/** One before/after comparison; computes the full-file views only when a guard seems gone. */
class Comparison {
  private beforeIndex: LineIndex | undefined;
  private afterIndex: LineIndex | undefined;
  private lineMap: LineMap | undefined;
  private readonly fullAfterRules = new Map<string, Protection[]>();

  constructor(
    private readonly before: string,
    private readonly after: string,
    private readonly b: Doc,
    private readonly a: Doc,
    private readonly fullBefore: () => Doc | undefined,
    private readonly fullAfter: () => Doc | undefined,
    private readonly beforeIndexOf: () => LineIndex = () => new LineIndex(before),
  ) {}

  private get beforeLines(): LineIndex {
    this.beforeIndex ??= this.beforeIndexOf();
    return this.beforeIndex;
  }

  private get afterLines(): LineIndex {
    this.afterIndex ??= new LineIndex(this.after);
    return this.afterIndex;
  }

  compare(rule: GuardrailRule): Finding[] {
    const bp = safeExtract(rule, this.b);
    const ap = safeExtract(rule, this.a);
    const findings: Finding[] = [];
    const bGuards = bp.filter((p) => p.kind === 'guard');
    const aGuards = ap.filter((p) => p.kind === 'guard');
    const used = new Set<Protection>();
    const unmatched: Protection[] = [];
    const pending: Protection[] = [];
    const take = (g: Protection, m: Protection): void => {
      used.add(m);
      const w = this.weakened(rule, g, m);
      if (w) findings.push(w);
    };
    const sid = (s: Scope): string => this.afterScope(s)?.id ?? s.id;
    for (const g of bGuards) {
      const m = aGuards.find((x) => !used.has(x) && x.key === g.key && x.scope.id === sid(g.scope));
      if (m) take(g, m);
      else pending.push(g);
    }
    for (const g of pending) {
      const m = aGuards.find((x) => !used.has(x) && x.group === g.group && x.scope.id === sid(g.scope) && x.form === g.form && !bGuards.some((y) => y.key === x.key && sid(y.scope) === x.scope.id));
      if (m) take(g, m);
      else unmatched.push(g);
    }
    for (const g of unmatched) {
      if (g.weak || g.counterpart) continue;
      const moved = aGuards.find((x) => !used.has(x) && x.key === g.key && !x.weak);
      if (moved) {
        used.add(moved);
        continue;
      }
      if (this.stillProtected(rule, g, ap) || this.valueGone(g)) continue;
      findings.push(this.dropped(rule, g));
    }
    findings.push(...this.downgrades(rule, bp, ap));
    return findings;
  }

  private weakened(rule: GuardrailRule, g: Protection, m: Protection): Finding | undefined {
    let how: string | undefined;
    if (m.weak && !g.weak) how = m.weak;
    else if (g.strength !== undefined && m.strength !== undefined && g.strength > 0 && m.strength >= g.strength * 10) {
      how = `raised from ${fmt(g.strength)} to ${fmt(m.strength)}`;
    } else if (g.strength !== undefined && g.strength > 0 && m.strength === Infinity) {
      how = 'no longer bounded';
    }
    if (!how) return undefined;
    const message = `\`${m.label}\` was weakened in ${m.scope.label}: ${how}`;
    return this.finding(rule, 'weakened', 'high', message, m.node, g, []);
  }

  /** True when the value a guard protected no longer appears in its scope (the sink went away too). */
  private valueGone(g: Protection): boolean {
    if (!g.requires) return false;
    const scope = this.afterScope(g.scope);
    const text = scope?.node ? this.after.slice(scope.node.start, scope.node.end) : this.after;
    return !text.replace(/\s+/g, '').includes(g.requires.replace(/\s+/g, ''));
  }

  /** True when a guard missing from its scope still protects it in the new version. */
  private stillProtected(rule: GuardrailRule, g: Protection, windowAfter: readonly Protection[]): boolean {
    const covers = (list: readonly Protection[]): boolean => list.some((p) => p.kind === 'guard' && !p.weak && (
      (p.global && p.group === g.group)
      // A router-level guard pushed down onto the routes themselves.
      || (g.global === true && !p.global && p.key === g.key)
      // An option moved into a shared, file-level options object still applies.
      || (g.form === 'option' && p.key === g.key && p.scope.kind === 'file')));
    if (covers(windowAfter)) return true;
    const full = this.fullAfter();
    if (!full) return false;
    const guards = this.fullAfterProtections(rule, full).filter((p) => p.kind === 'guard' && !p.weak);
    if (covers(guards)) return true;
    const scope = this.afterScope(g.scope);
    if (!scope) return g.scope.kind !== 'file';
    if (scope.id !== g.scope.id && guards.some((p) => p.scope.id === scope.id && p.group === g.group)) return true;
    if (g.scope.kind === 'file') {
      const before = this.fullBefore();
      const count = (list: Protection[]): number => list.filter((p) => p.kind === 'guard' && p.key === g.key && !p.weak).length;
      return before ? count(guards) >= count(safeExtract(rule, before)) : false;
    }
    return this.calledHelperHasGuard(full, scope, guards, g.group, 0);
  }

  private calledHelperHasGuard(full: Doc, scope: Scope, guards: Protection[], group: string, depth: number): boolean {
    if (!scope.node || depth > 2) return false;
    const names = new Set(full.calls.filter((c) => within(c.node, scope.node as SNode)).map((c) => c.name));
    for (const d of full.decorators) if (d.target === scope.node) names.add(d.name.split('.').pop() ?? d.name);
    for (const fn of full.functions) {
      const s = full.unitScope(fn);
      if (!s || s.kind === 'route' || s.node === scope.node) continue;
      const simple = s.id.slice(3).split('.').pop() ?? '';
      if (!names.has(simple)) continue;
      if (guards.some((p) => p.group === group && within(p.node, fn))) return true;
      if (this.calledHelperHasGuard(full, s, guards, group, depth + 1)) return true;
    }
    return false;
  }

  private fullAfterProtections(rule: GuardrailRule, full: Doc): Protection[] {
    let list = this.fullAfterRules.get(rule.meta.id);
    if (!list) {
      list = safeExtract(rule, full);
      this.fullAfterRules.set(rule.meta.id, list);
    }
    return list;
  }

  private readonly scopeCache = new Map<string, Scope | null>();

  /**
   * The scope in the new version that corresponds to an old one: the same id, else the unit of the
   * same kind whose header sits on the old header's line (kept, or at the same place in a rewritten
   * block: a renamed route or function). Looks in the edit window first, the whole file only if needed.
   */
  private afterScope(s: Scope): Scope | undefined {
    if (s.kind === 'file' || s.kind === 'class') return s;
    const cached = this.scopeCache.get(s.id);
    if (cached !== undefined) return cached ?? undefined;
    const inWindow = this.a.scopes().get(s.id);
    if (inWindow) {
      this.scopeCache.set(s.id, inWindow);
      return inWindow;
    }
    const line = this.map().counterpart(this.beforeLines.positionAt(s.header).line);
    const lookIn = (doc: Doc): Scope | undefined => {
      const scopes = doc.scopes();
      const same = scopes.get(s.id);
      if (same || line === undefined) return same;
      for (const u of scopes.values()) if (u.kind === s.kind && this.afterLines.positionAt(u.header).line === line) return u;
      return undefined;
    };
    let found = lookIn(this.a);
    if (!found) {
      const full = this.fullAfter();
      found = full ? lookIn(full) : undefined;
    }
    this.scopeCache.set(s.id, found ?? null);
    return found;
  }

  private downgrades(rule: GuardrailRule, bp: Protection[], ap: Protection[]): Finding[] {
    const out: Finding[] = [];
    const bH = bp.filter((p) => p.kind === 'hazard');
    const used = new Set<Protection>();
    for (const h of ap.filter((p) => p.kind === 'hazard')) {
      const m = bH.find((x) => !used.has(x) && x.key === h.key && x.scope.id === h.scope.id) ?? bH.find((x) => !used.has(x) && x.key === h.key);
      if (m) {
        used.add(m);
        continue;
      }
      const safe = h.replaces === undefined ? undefined
        : bp.find((p) => p.kind === 'guard' && p.group === h.replaces && p.scope.id === h.scope.id) ?? bp.find((p) => p.kind === 'guard' && p.group === h.replaces);
      if (!h.always && !safe) continue;
      const where = h.scope.kind === 'file' ? '' : ` in ${h.scope.label}`;
      const base = h.message ? `${h.message}${where}` : `\`${h.label}\` was introduced${where}`;
      const message = safe && !base.includes(`\`${safe.label}\``) ? `${base} (replacing \`${safe.label}\`)` : base;
      out.push(this.finding(rule, 'downgraded', h.always && !safe ? 'medium' : 'high', message, h.node, safe, []));
    }
    return out;
  }

  private dropped(rule: GuardrailRule, g: Protection): Finding {
    const full = this.fullAfter();
    const scope = this.afterScope(g.scope);
    let anchorLine: number;
    if (g.form === 'option' || g.form === 'wrapper' || g.global || g.scope.kind === 'file' || !scope || scope.kind === 'file') {
      const node = g.anchor ?? g.node;
      anchorLine = this.map().toNew(this.beforeLines.positionAt(anchorOffset(node)).line);
    } else {
      anchorLine = this.afterLines.positionAt(scope.header).line;
    }
    const where = g.scope.kind === 'file' ? '' : ` from ${g.scope.label}`;
    const message = g.form === 'decorator' ? `\`@${g.label}\` was removed${where}` : g.form === 'statement' ? `The check \`${g.label}\` was removed${where}` : `\`${g.label}\` was removed${where}`;
    const confidence: Confidence = g.form === 'statement' ? 'medium' : 'high';
    const range = { start: { line: anchorLine, character: 0 }, end: { line: anchorLine, character: this.afterLines.lineText(anchorLine).length } };
    return this.finding(rule, 'dropped', confidence, message, undefined, g, this.restoreFor(g, full, scope), range);
  }

  private finding(rule: GuardrailRule, change: ChangeKind, confidence: Confidence, message: string, afterNode: SNode | undefined, old: Protection | undefined, restore: TextEdit[], range?: Finding['range']): Finding {
    const r = range ?? (afterNode ? this.afterLines.rangeOf(anchorOffset(afterNode), firstLineEnd(this.after, afterNode, anchorOffset(afterNode))) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    const snippet = old ? snippetOf(this.before, old.node) : undefined;
    const context = old?.scope.kind === 'file' ? undefined : (old?.scope.id ?? (afterNode ? this.a.scopeOf(afterNode).id : undefined))?.replace(/^(?:route|fn):/, '');
    return {
      ruleId: rule.meta.id,
      severity: rule.meta.defaultSeverity,
      confidence,
      message,
      range: r,
      ...(old ? { relatedRange: this.beforeLines.rangeOf(old.node.start, old.node.end), removedSnippet: snippet } : {}),
      change,
      ...(context ? { context } : {}),
      ...(restore.length > 0 ? { restore } : {}),
      fingerprint: fingerprintOf(rule.meta.id, context ?? '', old ? (snippet ?? '') : (afterNode ? this.after.slice(afterNode.start, afterNode.end) : message)),
    };
  }

  private restoreFor(g: Protection, full: Doc | undefined, scope: Scope | undefined): TextEdit[] {
    if (g.form === 'argument' && g.global) return this.restoreLines(this.b.statementOf(g.node));
    if (g.form === 'argument' && full && scope?.node) {
      const edit = this.restoreArgument(g, full, scope);
      if (edit) return [edit];
    }
    if (g.form === 'argument' || g.form === 'wrapper') return [];
    return this.restoreLines(g.node);
  }

  /** Re-inserts the old lines of a node that owned whole lines, when its surroundings are unchanged. */
  private restoreLines(node: SNode): TextEdit[] {
    const g = { node };
    const text = this.before.slice(g.node.start, g.node.end);
    const startLine = this.beforeLines.positionAt(g.node.start).line;
    const endLine = this.beforeLines.positionAt(g.node.end).line;
    const first = this.beforeLines.lineText(startLine);
    const last = this.beforeLines.lineText(endLine);
    const ownsLines = first.trimStart().startsWith(text.split('\n')[0]?.trim() ?? '\u0000')
      && /^[\s;,]*$/.test(last.slice(this.beforeLines.positionAt(g.node.end).character));
    if (!ownsLines) return [];
    const lines: string[] = [];
    for (let l = startLine; l <= endLine; l++) lines.push(this.beforeLines.lineText(l));
    const at = this.map().toNew(startLine);
    // Only re-insert into unchanged surroundings: the line above must have survived right above.
    if (startLine > 0 && (!this.map().kept(startLine - 1) || this.map().toNew(startLine - 1) !== at - 1)) return [];
    return [{ range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, newText: `${lines.join('\n')}\n` }];
  }

  private restoreArgument(g: Protection, full: Doc, scope: Scope): TextEdit | undefined {
    const argList = g.node.parent;
    if (!argList || !/^(?:arguments|argument_list)$/.test(argList.type)) return undefined;
    const index = argList.children.indexOf(g.node);
    const old = this.b.callAt(argList.parent as SNode);
    const call = [this.a, full].map((d) => d.callAt(scope.node as SNode)).find((c) => c !== undefined && (!old || c.callee === old.callee));
    const next = call?.args[index];
    if (!call || !next) return undefined;
    const pos = this.afterLines.positionAt(next.start);
    return { range: { start: pos, end: pos }, newText: `${this.before.slice(g.node.start, g.node.end)}, ` };
  }

  private map(): LineMap {
    this.lineMap ??= new LineMap(this.before, this.after);
    return this.lineMap;
  }
}

/** Runs a rule's extractor; one construct found by two patterns counts once; a rule bug never breaks the engine. */
function safeExtract(rule: GuardrailRule, doc: Doc): Protection[] {
  try {
    const seen = new Set<string>();
    return rule.extract(doc).filter((p) => {
      const id = `${p.kind}|${p.group}|${p.node.start}|${p.node.end}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
  } catch {
    return [];
  }
}

/** Where a construct's own line is: the method name of a chained call (`.csrf(...)`), else its start. */
export function anchorOffset(n: SNode): number {
  if (n.type === 'method_invocation') return n.children.find((c) => c.field === 'name')?.start ?? n.start;
  if (n.type === 'call_expression' || n.type === 'call') {
    const fn = n.children.find((c) => c.field === 'function');
    const prop = fn?.children.find((c) => c.field === 'property' || c.field === 'attribute' || c.field === 'field');
    if (prop && fn && fn.children[0] && /call|method_invocation/.test(fn.children[0].type)) return prop.start;
  }
  return n.start;
}

function within(n: SNode, container: SNode): boolean {
  return n.start >= container.start && n.end <= container.end;
}

function firstLineEnd(text: string, n: SNode, from = n.start): number {
  const nl = text.indexOf('\n', from);
  return nl === -1 || nl > n.end ? n.end : nl;
}

function fmt(n: number): string {
  return n === Infinity ? 'unbounded' : String(Math.round(n * 1000) / 1000);
}
