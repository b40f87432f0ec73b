// Building blocks rules combine to find guards and hazards in a Doc: middleware arguments,
// router-level `use` calls, decorators, guarding `if` checks, statement calls, options and wrappers.
import type { CallFact, DecoratorFact, Doc, PairFact, SNode, Scope } from './syntax';
import { isFunctionNode, isStringNode } from './syntax';
import type { Protection, ProtectionForm } from './types';
import { shortLabel } from './util';

/** Normalises an identifier or expression into a key: lowercase, no whitespace, no call parentheses. */
export function keyOf(text: string): string {
  return text.replace(/\s+/g, '').replace(/\(\)$/, '').toLowerCase().slice(0, 120);
}

/** The scope of a node; nodes inside a decorator belong to the decorated function. */
export function scopeFor(doc: Doc, n: SNode): Scope {
  for (let p: SNode | null = n; p; p = p.parent) {
    if (p.type === 'decorator' || p.type === 'annotation' || p.type === 'marker_annotation') {
      const d = doc.decoratorAt(p);
      if (d?.target) return doc.unitScope(d.target) ?? doc.scopeOf(d.target);
    }
  }
  return doc.scopeOf(n);
}

/** A guard or hazard with the usual fields filled in. */
export function protection(doc: Doc, kind: 'guard' | 'hazard', group: string, form: ProtectionForm, node: SNode, label: string, extra: Partial<Protection> = {}): Protection {
  return { kind, key: keyOf(label), group, label, form, node, scope: scopeFor(doc, node), ...extra };
}

const USE_NAMES = new Set(['addHook', 'use', 'Use', 'UseGuards', 'With', 'Group', 'addFilterBefore', 'addFilterAfter', 'addFilter', 'register', 'before_request', 'middleware', 'add_middleware', 'Pre']);

/** True when a call applies middleware to a whole app or router (`app.use(x)`, `r.Use(x)`, `r.With(x)`). */
export function isUseCall(c: CallFact): boolean {
  return USE_NAMES.has(c.name) && c.callee.includes('.');
}

/**
 * Middleware-style guards whose text matches `re`: arguments of route registrations (not the final
 * handler), router-level `use` calls (global), and wrappers around the handler (Go `auth(h)`).
 */
export function middlewareGuards(doc: Doc, re: RegExp, group: string): Protection[] {
  const out: Protection[] = [];
  for (const c of doc.calls) {
    const route = doc.routeOfCall(c);
    if (route) {
      const args = c.args.slice(1);
      args.forEach((arg, i) => {
        const last = i === args.length - 1;
        for (const el of middlewareElements(doc, arg, last)) {
          const text = doc.resolveName(doc.flat(el));
          if (re.test(text)) out.push(protection(doc, 'guard', group, 'argument', el, labelOf(doc, el), { key: keyOf(text) }));
        }
      });
    } else if (isUseCall(c)) {
      for (const arg of c.args) {
        if (isStringNode(arg) || isFunctionNode(arg)) continue;
        const text = doc.resolveName(doc.flat(arg));
        if (re.test(text)) out.push(protection(doc, 'guard', group, 'argument', arg, labelOf(doc, arg), { global: true, anchor: arg, key: keyOf(text) }));
      }
    }
  }
  return out;
}

function middlewareElements(doc: Doc, arg: SNode, last: boolean): SNode[] {
  if (isFunctionNode(arg)) return [];
  if (arg.type === 'array' || arg.type === 'list') return arg.children;
  if (arg.type === 'object') {
    // Fastify route options: { preHandler: [auth], onRequest: auth }
    return arg.children.filter((p) => p.type === 'pair' && /^(?:preHandler|onRequest|preValidation|beforeHandler)$/.test(doc.textOf(p.children[0] as SNode)))
      .flatMap((p) => {
        const v = p.children[1];
        return !v ? [] : v.type === 'array' ? v.children : [v];
      });
  }
  if (last) {
    // The handler itself: only a wrapper call around it counts (Go `requireAuth(h)`, `login_required(view)`).
    if (!/^(?:call_expression|call)$/.test(arg.type)) return [];
    const fn = arg.children.find((c) => c.field === 'function');
    return fn ? [arg] : [];
  }
  return [arg];
}

/** A readable label for a middleware or wrapper: the callee for calls, else the text. */
export function labelOf(doc: Doc, n: SNode): string {
  if (/^(?:call_expression|call|method_invocation)$/.test(n.type)) {
    const c = doc.callAt(n);
    if (c) return c.callee;
  }
  return shortLabel(doc.textOf(n), 50);
}

/** Decorators and annotations whose name matches `re` (class-level ones apply to the whole class). */
export function decoratorGuards(doc: Doc, re: RegExp, group: string, labelWithArgs = false): Protection[] {
  const out: Protection[] = [];
  for (const d of doc.decorators) {
    const name = doc.resolveName(d.name);
    if (!re.test(name)) continue;
    const label = labelWithArgs ? decoratorLabel(doc, d) : d.name;
    const onClass = d.target ? /class/.test(d.target.type) : false;
    const p = protection(doc, 'guard', group, 'decorator', d.node, label, { global: onClass, key: keyOf(name) });
    out.push(onClass && d.target ? { ...p, scope: { id: `class:${classNameOf(doc, d.target)}`, label: `class \`${classNameOf(doc, d.target)}\``, header: d.target.start, node: d.target, kind: 'class' } } : p);
  }
  return out;
}

function classNameOf(doc: Doc, cls: SNode): string {
  const n = cls.children.find((c) => c.field === 'name');
  return n ? doc.textOf(n) : 'class';
}

/** `Name(args)` for a decorator, shortened. */
export function decoratorLabel(doc: Doc, d: DecoratorFact): string {
  return d.args.length > 0 ? shortLabel(`${d.name}(${d.args.map((a) => doc.textOf(a)).join(', ')})`, 60) : d.name;
}

/** `if` statements that deny and whose condition matches `re`. */
export function checkGuards(doc: Doc, re: RegExp, group: string, filter?: (cond: string, node: SNode) => boolean): Protection[] {
  const out: Protection[] = [];
  for (const c of doc.checks) {
    if (!c.denies) continue;
    const cond = doc.flat(c.condition);
    if (!re.test(cond) || (filter && !filter(cond, c.node))) continue;
    const label = `if ${shortLabel(cond.replace(/^\((.*)\)$/, '$1'), 50)}`;
    out.push(protection(doc, 'guard', group, 'statement', c.node, label, { key: `check:${keyOf(cond).replace(/[()]/g, '')}` }));
  }
  return out;
}

/** Calls whose callee matches `re`, as statement guards (the statement holding the call). */
export function callGuards(doc: Doc, re: RegExp, group: string, form: ProtectionForm = 'statement', filter?: (c: CallFact) => boolean): Protection[] {
  const out: Protection[] = [];
  for (const c of doc.calls) {
    const callee = doc.resolveName(c.callee);
    if (!re.test(callee) || (filter && !filter(c))) continue;
    const node = form === 'statement' ? doc.statementOf(c.node) : c.node;
    out.push(protection(doc, 'guard', group, form, node, c.callee, { key: keyOf(callee), anchor: c.node }));
  }
  return out;
}

/** The call or declaration holding an option pair, for anchoring. */
export function holderOf(doc: Doc, n: SNode): SNode {
  for (let p = n.parent; p; p = p.parent) {
    if (/^(?:call_expression|call|method_invocation|new_expression|object_creation_expression|composite_literal|variable_declarator|lexical_declaration|assignment|expression_statement|short_var_declaration|decorator|annotation)$/.test(p.type)) return p;
  }
  return n;
}

/** The key/value pairs under a node (object literal, keyword arguments). */
export function pairsWithin(doc: Doc, n: SNode): PairFact[] {
  return doc.pairs.filter((p) => p.node.start >= n.start && p.node.end <= n.end);
}

/** Parses a numeric literal or a simple product (`16 * 1024 * 1024`, `1 << 20`, `'10mb'`, `5 * time.Second`). */
export function numberOf(text: string): number | undefined {
  const t = text.trim().replace(/_/g, '');
  const size = /^['"`]?(\d+(?:\.\d+)?)\s*(kb|mb|gb|b|k|m|g)?['"`]?$/i.exec(t);
  if (size) {
    const unit = (size[2] ?? '').toLowerCase();
    const mult = unit.startsWith('g') ? 1024 ** 3 : unit.startsWith('m') ? 1024 ** 2 : unit.startsWith('k') ? 1024 : 1;
    return Number(size[1]) * mult;
  }
  const shift = /^(\d+)\s*<<\s*(\d+)$/.exec(t);
  if (shift) return Number(shift[1]) * 2 ** Number(shift[2]);
  const dur = /^(\d+(?:\.\d+)?)\s*\*\s*time\.(Millisecond|Second|Minute|Hour)$/.exec(t);
  if (dur) return Number(dur[1]) * ({ Millisecond: 0.001, Second: 1, Minute: 60, Hour: 3600 }[dur[2] as 'Second'] ?? 1);
  const unitDur = /^time\.(Millisecond|Second|Minute|Hour)$/.exec(t);
  if (unitDur) return { Millisecond: 0.001, Second: 1, Minute: 60, Hour: 3600 }[unitDur[1] as 'Second'];
  if (/^[\d.\s*eE+]+$/.test(t) && t.length < 40) {
    const parts = t.split('*').map((x) => Number(x.trim()));
    if (parts.every((x) => Number.isFinite(x))) return parts.reduce((a, b) => a * b, 1);
  }
  return undefined;
}

/** A rate such as `5 per minute`, `100/hour`, `10/s` as requests per minute. */
export function rateOf(text: string): number | undefined {
  const m = /(\d+(?:\.\d+)?)\s*(?:\/|per)\s*(\d*)\s*(s|sec|second|m|min|minute|h|hour|d|day)/i.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  const k = Number(m[2] || '1');
  const unit = (m[3] ?? 'm').toLowerCase();
  const minutes = unit.startsWith('s') ? 1 / 60 : unit.startsWith('h') ? 60 : unit.startsWith('d') ? 1440 : 1;
  return n / (k * minutes);
}

/** True when the value is a false-ish literal in any of the languages. */
export function isFalse(doc: Doc, v: SNode): boolean {
  return /^(?:false|False|FALSE|0|'0'|"0"|None|null|nil)$/.test(doc.textOf(v).trim());
}

/** True when the value is a true literal. */
export function isTrue(doc: Doc, v: SNode): boolean {
  return /^(?:true|True|TRUE|1|'1'|"1")$/.test(doc.textOf(v).trim());
}

/** True when a node is (inside) a string literal or comment-free text that builds a string from parts. */
export function isBuiltString(doc: Doc, n: SNode): boolean {
  if (n.type === 'template_string') return n.children.some((c) => c.type === 'template_substitution');
  if (n.type === 'string' && doc.family === 'python') return /^[rRbB]?[fF]/.test(doc.textOf(n)) && n.children.some((c) => c.type === 'interpolation');
  if (n.type === 'binary_expression' || n.type === 'binary_operator') {
    const op = doc.text.slice((n.children[0] as SNode).end, (n.children[1] ?? n).start).trim();
    if (op === '+' || op === '%') return n.children.some((c) => isStringNode(c) || isBuiltString(doc, c));
    return false;
  }
  if (/^(?:call_expression|call|method_invocation)$/.test(n.type)) {
    const c = doc.callAt(n);
    if (!c) return false;
    if (/(?:^|\.)(?:Sprintf|format|concat|join|String\.format|formatted)$/.test(c.callee)) {
      return c.callee.endsWith('format') || c.callee.endsWith('formatted') ? c.callee !== 'format' || c.args.length > 1 : true;
    }
  }
  return false;
}

/** The value assigned to an identifier in the same function (for `const sql = ...; db.query(sql)`). */
export function resolveLocal(doc: Doc, id: SNode): SNode | undefined {
  if (!/^(?:identifier)$/.test(id.type)) return undefined;
  const name = doc.textOf(id);
  const fn = doc.enclosingFunction(id);
  let found: SNode | undefined;
  for (const p of doc.pairs) {
    if (p.kind !== 'assign' || p.key !== name || p.node.start > id.start) continue;
    if (fn && (p.node.start < fn.start || p.node.end > fn.end)) continue;
    found = p.value.type === 'expression_list' ? p.value.children[0] : p.value;
  }
  return found;
}

/** All descendants of a node (depth-first), for small subtrees. */
export function descendants(n: SNode): SNode[] {
  const out: SNode[] = [];
  const stack = [...n.children];
  while (stack.length > 0) {
    const x = stack.pop() as SNode;
    out.push(x);
    for (const c of x.children) stack.push(c);
  }
  return out;
}

/** The text of the innermost function around a node (or the whole text). */
export function functionTextOf(doc: Doc, n: SNode): string {
  const fn = doc.enclosingFunction(n);
  return fn ? doc.textOf(fn) : doc.text;
}
