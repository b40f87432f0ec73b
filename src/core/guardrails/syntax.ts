// A light, language-neutral view of a tree-sitter tree: plain nodes plus the facts rules look at
// (calls, decorators, key/value options, guarding `if` statements, comparisons) and their scopes.
import type { SyntaxNode } from '../parsing/runtime';
import type { LanguageFamily } from '../parsing/languages';

/** A named syntax node copied out of the WASM tree (comments dropped), cheap to walk in JS. */
export interface SNode {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly field: string | null;
  readonly children: SNode[];
  parent: SNode | null;
}

/** Where a construct lives: a route (`DELETE /users/:id`), a function, or the file. */
export interface Scope {
  /** Stable identity across versions, e.g. `route:DELETE /users/:id` or `fn:UserController.remove`. */
  readonly id: string;
  /** For messages: "route `DELETE /users/:id`". */
  readonly label: string;
  /** Offset of the header (route call or function signature). */
  readonly header: number;
  readonly node: SNode | null;
  /** Callee names called inside the scope (for helpers that still run the guard). */
  readonly kind: 'route' | 'function' | 'class' | 'file';
}

const COMMENT_TYPES = new Set(['comment', 'line_comment', 'block_comment', 'html_comment']);

/** Copies the named, non-comment nodes under `node` into plain objects, iteratively. */
export function mirror(node: SyntaxNode): SNode {
  const cursor = node.walk();
  const root: SNode = { type: cursor.nodeType, start: cursor.startIndex, end: cursor.endIndex, field: null, children: [], parent: null };
  const stack: SNode[] = [root];
  if (cursor.gotoFirstChild()) {
    for (;;) {
      const parent = stack[stack.length - 1] as SNode;
      let descended = false;
      if (cursor.nodeIsNamed && !COMMENT_TYPES.has(cursor.nodeType)) {
        const child: SNode = { type: cursor.nodeType, start: cursor.startIndex, end: cursor.endIndex, field: cursor.currentFieldName, children: [], parent };
        parent.children.push(child);
        if (cursor.gotoFirstChild()) {
          stack.push(child);
          descended = true;
        }
      } else if (cursor.nodeType === 'ERROR' && cursor.gotoFirstChild()) {
        stack.push(parent);
        descended = true;
      }
      if (descended) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent() || stack.length <= 1) {
          cursor.delete();
          return root;
        }
        stack.pop();
      }
    }
  }
  cursor.delete();
  return root;
}

/** A call: `app.delete(...)`, `subprocess.run(...)`, `new Foo(...)`, `a.b().c(...)`. */
export interface CallFact {
  readonly node: SNode;
  /** Callee text without whitespace, e.g. `app.delete`, `jwt.verify`. */
  readonly callee: string;
  /** Last segment of the callee, e.g. `delete`. */
  readonly name: string;
  /** Arguments (positional and keyword), comments dropped. */
  readonly args: readonly SNode[];
  readonly isNew: boolean;
}

/** A decorator or annotation and what it decorates. */
export interface DecoratorFact {
  readonly node: SNode;
  /** e.g. `login_required`, `UseGuards`, `PreAuthorize`, `app.route`. */
  readonly name: string;
  readonly args: readonly SNode[];
  readonly target: SNode | null;
}

/** A key with a value: object pair, keyword argument, dict entry, Go keyed element, annotation element, assignment. */
export interface PairFact {
  readonly node: SNode;
  /** The key, unquoted, e.g. `httpOnly`, `verify`, `permission_classes`, `NODE_TLS_REJECT_UNAUTHORIZED`. */
  readonly key: string;
  readonly value: SNode;
  readonly kind: 'pair' | 'keyword' | 'assign';
}

/** An `if` statement whose branch denies (throw, raise, abort, 401/403, early return of an error). */
export interface CheckFact {
  readonly node: SNode;
  readonly condition: SNode;
  readonly denies: boolean;
}

/** An equality comparison (`==`, `===`, `!=`, `!==`, `.equals(...)`). */
export interface CompareFact {
  readonly node: SNode;
  readonly left: SNode;
  readonly right: SNode;
}

const FUNCTION_TYPES = new Set([
  'function_declaration', 'generator_function_declaration', 'function_expression', 'function', 'arrow_function',
  'method_definition', 'function_definition', 'method_declaration', 'func_literal', 'lambda_expression', 'constructor_declaration',
]);
const CLASS_TYPES = new Set(['class_declaration', 'class_definition', 'class', 'abstract_class_declaration']);
const CALL_TYPES = new Set(['call_expression', 'call', 'method_invocation', 'new_expression', 'object_creation_expression']);
const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'options', 'head']);
const GO_ROUTE_METHODS = new Set(['handlefunc', 'handle', 'get', 'post', 'put', 'patch', 'delete', 'any', 'head', 'options']);
const JAVA_MAPPINGS: Readonly<Record<string, string>> = {
  GetMapping: 'GET', PostMapping: 'POST', PutMapping: 'PUT', DeleteMapping: 'DELETE', PatchMapping: 'PATCH', RequestMapping: 'ANY',
};
const NEST_ROUTES: Readonly<Record<string, string>> = { Get: 'GET', Post: 'POST', Put: 'PUT', Delete: 'DELETE', Patch: 'PATCH', All: 'ALL' };
const DENY_RE = /\b(?:throw|raise|abort|reject|deny|forbid|unauthori[sz]ed|forbidden|http\.Error|panic|HttpResponseForbidden|PermissionDenied|AccessDenied|sendStatus|status)\b|\b40[0-9]\b|\breturn\b[^\n;]{0,80}\b(?:err|error|Err|res\.|response|Response|None|False|false|null)\b/;

/** Everything rules read about one version of a file (or a window of it). */
export class Doc {
  readonly calls: CallFact[] = [];
  readonly decorators: DecoratorFact[] = [];
  readonly pairs: PairFact[] = [];
  readonly checks: CheckFact[] = [];
  readonly compares: CompareFact[] = [];
  /** Go struct tags, Python/TS annotations as text, string literals used as SQL, etc. */
  readonly strings: SNode[] = [];
  readonly functions: SNode[] = [];
  /** Import aliases: local name → imported name (`authenticated` → `login_required`). */
  readonly aliases = new Map<string, string>();
  private readonly scopeCache = new Map<SNode, Scope>();
  private readonly fileScope: Scope = { id: 'file', label: 'this file', header: 0, node: null, kind: 'file' };

  constructor(readonly text: string, readonly family: LanguageFamily, readonly roots: readonly SNode[]) {
    for (const root of roots) this.collect(root);
  }

  /** Source text of a node. */
  textOf(n: SNode): string {
    return this.text.slice(n.start, n.end);
  }

  /** Source text with whitespace collapsed (for keys and messages). */
  flat(n: SNode): string {
    return this.textOf(n).replace(/\s+/g, ' ').trim();
  }

  /** The route, function or file a node belongs to. */
  scopeOf(n: SNode): Scope {
    for (let p: SNode | null = n; p; p = p.parent) {
      const s = this.unitScope(p);
      if (s) return s;
    }
    return this.fileScope;
  }

  /** The scope a node itself opens (function, route), or undefined. */
  unitScope(n: SNode): Scope | undefined {
    if (this.scopeCache.has(n)) return this.scopeCache.get(n);
    const s = this.computeUnitScope(n);
    if (s) this.scopeCache.set(n, s);
    return s;
  }

  /** The innermost enclosing function-like node. */
  enclosingFunction(n: SNode): SNode | null {
    for (let p = n.parent; p; p = p.parent) if (FUNCTION_TYPES.has(p.type)) return p;
    return null;
  }

  /** The class a node sits in, if any. */
  enclosingClass(n: SNode): SNode | null {
    for (let p = n.parent; p; p = p.parent) if (CLASS_TYPES.has(p.type)) return p;
    return null;
  }

  /** The statement (direct child of a block) containing `n`. */
  statementOf(n: SNode): SNode {
    let cur = n;
    while (cur.parent && !/^(?:statement_block|block|statement_list|class_body|program|module|source_file|constructor_body|switch_body|compound_statement)$/.test(cur.parent.type)) {
      cur = cur.parent;
    }
    return cur;
  }

  /** The route call a node is an argument of (JS/Go `app.get('/x', ...)`), if any. */
  routeCallOf(n: SNode): CallFact | undefined {
    for (let p = n.parent; p; p = p.parent) {
      if (CALL_TYPES.has(p.type)) {
        const c = this.callAt(p);
        if (c && this.routeOfCall(c)) return c;
      }
      if (FUNCTION_TYPES.has(p.type)) continue;
    }
    return undefined;
  }

  /** The call fact for a call node. */
  callAt(n: SNode): CallFact | undefined {
    return this.callIndex.get(n);
  }

  /** Decorators and annotations on a function, method, class, field or parameter. */
  decoratorsOf(target: SNode): readonly DecoratorFact[] {
    return this.byTarget.get(target) ?? [];
  }

  /** The decorator fact for a decorator/annotation node. */
  decoratorAt(n: SNode): DecoratorFact | undefined {
    return this.decoratorIndex.get(n);
  }

  /** Every function and route scope of this Doc, by id (built once). */
  scopes(): ReadonlyMap<string, Scope> {
    if (!this.scopeIndex) {
      const index = new Map<string, Scope>();
      for (const f of this.functions) {
        const s = this.unitScope(f);
        if (s && !index.has(s.id)) index.set(s.id, s);
      }
      for (const c of this.calls) {
        const s = this.unitScope(c.node);
        if (s && !index.has(s.id)) index.set(s.id, s);
      }
      this.scopeIndex = index;
    }
    return this.scopeIndex;
  }

  /** `METHOD path` when a call registers a route. */
  routeOfCall(c: CallFact): string | undefined {
    const first = c.args[0];
    if (!first || !isStringNode(first)) return undefined;
    const name = c.name.toLowerCase();
    const path = unquote(this.textOf(first));
    if (!path.startsWith('/') && !path.startsWith(':') && path !== '*') return undefined;
    if (this.family === 'js' && HTTP_METHODS.has(name) && c.callee.includes('.')) {
      return `${name === 'del' ? 'DELETE' : name.toUpperCase()} ${path}`;
    }
    if (this.family === 'go' && GO_ROUTE_METHODS.has(name) && c.callee.includes('.')) {
      const method = name === 'handlefunc' || name === 'handle' ? this.goMethodsChain(c) : name.toUpperCase();
      return `${method} ${path}`;
    }
    return undefined;
  }

  private goMethodsChain(c: CallFact): string {
    const sel = c.node.parent;
    const outer = sel?.parent;
    if (sel?.type === 'selector_expression' && outer?.type === 'call_expression') {
      const oc = this.callAt(outer);
      if (oc && oc.name === 'Methods' && oc.args[0]) return unquote(this.textOf(oc.args[0])).toUpperCase();
    }
    return 'ANY';
  }

  private readonly callIndex = new Map<SNode, CallFact>();
  private readonly decoratorIndex = new Map<SNode, DecoratorFact>();
  private readonly byTarget = new Map<SNode, DecoratorFact[]>();
  private scopeIndex: Map<string, Scope> | undefined;

  private computeUnitScope(n: SNode): Scope | undefined {
    if (CALL_TYPES.has(n.type)) {
      const c = this.callAt(n);
      const route = c ? this.routeOfCall(c) : undefined;
      return route ? { id: `route:${route}`, label: `route \`${route}\``, header: n.start, node: n, kind: 'route' } : undefined;
    }
    if (!FUNCTION_TYPES.has(n.type)) return undefined;
    const route = this.decoratedRoute(n);
    const name = this.functionName(n);
    if (route) return { id: `route:${route}`, label: `route \`${route}\``, header: this.headerOf(n), node: n, kind: 'route' };
    if (!name) return undefined;
    const cls = this.enclosingClass(n);
    const clsName = cls ? this.nameOf(cls) : undefined;
    const full = clsName ? `${clsName}.${name}` : name;
    return { id: `fn:${full}`, label: `function \`${name}\``, header: this.headerOf(n), node: n, kind: 'function' };
  }

  /** Start offset of a function's signature line (its name), past decorators and annotations. */
  headerOf(n: SNode): number {
    const name = n.children.find((c) => c.field === 'name');
    return name ? name.start : n.start;
  }

  private nameOf(n: SNode): string | undefined {
    const name = n.children.find((c) => c.field === 'name');
    return name ? this.textOf(name) : undefined;
  }

  private functionName(n: SNode): string | undefined {
    const own = this.nameOf(n);
    if (own) return own;
    const p = n.parent;
    if (!p) return undefined;
    if (p.type === 'variable_declarator' || p.type === 'pair' || p.type === 'assignment_expression' || p.type === 'public_field_definition' || p.type === 'field_definition') {
      const key = p.children[0];
      return key ? this.textOf(key).replace(/^module\.exports\.|^exports\./, '') : undefined;
    }
    if (p.type === 'short_var_declaration' || p.type === 'assignment_statement' || p.type === 'expression_list') {
      return this.functionName(p);
    }
    return undefined;
  }

  private decoratedRoute(fn: SNode): string | undefined {
    const decos = this.decoratorsOf(fn);
    for (const d of decos) {
      const last = d.name.split('.').pop() ?? '';
      const first = d.args[0];
      const path = first && isStringNode(first) ? unquote(this.textOf(first)) : '';
      if (this.family === 'java' && JAVA_MAPPINGS[last]) {
        return `${JAVA_MAPPINGS[last]} ${this.classPrefix(fn, 'RequestMapping')}${path}`;
      }
      if (this.family === 'js' && NEST_ROUTES[last] && !d.name.includes('.')) {
        const sep = path && !path.startsWith('/') ? '/' : '';
        return `${NEST_ROUTES[last]} ${this.classPrefix(fn, 'Controller')}${sep}${path}`;
      }
      if (this.family === 'python' && d.name.includes('.') && (last === 'route' || HTTP_METHODS.has(last)) && path) {
        const methodsArg = d.args.find((a) => a.type === 'keyword_argument' && /^methods\b/.test(this.textOf(a)));
        const method = last === 'route' ? (methodsArg ? (/['"](\w+)['"]/.exec(this.textOf(methodsArg))?.[1] ?? 'GET') : 'GET') : last;
        return `${method.toUpperCase()} ${path}`;
      }
    }
    return undefined;
  }

  private classPrefix(fn: SNode, annotation: string): string {
    const cls = this.enclosingClass(fn);
    if (!cls) return '';
    const d = this.decoratorsOf(cls).find((x) => x.name === annotation);
    const first = d?.args[0];
    if (!first || !isStringNode(first)) return '';
    const p = unquote(this.textOf(first));
    return p.startsWith('/') || p === '' ? p : `/${p}`;
  }

  private collect(root: SNode): void {
    const stack: SNode[] = [root];
    while (stack.length > 0) {
      const n = stack.pop() as SNode;
      this.visit(n);
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as SNode);
    }
  }

  private visit(n: SNode): void {
    const t = n.type;
    if (CALL_TYPES.has(t)) this.addCall(n);
    else if (t === 'decorator' || t === 'annotation' || t === 'marker_annotation') this.addDecorator(n);
    else if (t === 'pair' || t === 'keyword_argument' || t === 'keyed_element' || t === 'element_value_pair') this.addPair(n);
    else if (t === 'assignment_expression' || t === 'assignment' || t === 'assignment_statement' || t === 'variable_declarator' || t === 'short_var_declaration' || t === 'augmented_assignment') this.addAssign(n);
    else if (t === 'if_statement') this.addCheck(n);
    else if (t === 'binary_expression' || t === 'comparison_operator') this.addCompare(n);
    else if (t === 'raw_string_literal' || t === 'template_string' || t === 'string' || t === 'string_literal' || t === 'interpreted_string_literal') this.strings.push(n);
    if (FUNCTION_TYPES.has(t)) this.functions.push(n);
    if (t === 'aliased_import' || t === 'import_specifier') {
      const name = n.children.find((c) => c.field === 'name');
      const alias = n.children.find((c) => c.field === 'alias');
      if (name && alias) this.aliases.set(this.textOf(alias), lastSegment(this.textOf(name)));
    }
  }

  /** Resolves an import alias in a dotted name's first segment (`authenticated` → `login_required`). */
  resolveName(name: string): string {
    if (this.aliases.size === 0) return name;
    const [head, ...rest] = name.split('.');
    const real = this.aliases.get(head ?? '');
    return real ? [real, ...rest].join('.') : name;
  }

  private addCall(n: SNode): void {
    let fnNode: SNode | undefined;
    let argsNode: SNode | undefined;
    let callee = '';
    if (n.type === 'method_invocation') {
      const obj = n.children.find((c) => c.field === 'object');
      const name = n.children.find((c) => c.field === 'name');
      argsNode = n.children.find((c) => c.field === 'arguments');
      callee = `${obj ? `${compact(this.textOf(obj))}.` : ''}${name ? this.textOf(name) : ''}`;
    } else {
      fnNode = n.children.find((c) => c.field === 'function' || c.field === 'constructor' || c.field === 'type');
      argsNode = n.children.find((c) => c.field === 'arguments');
      callee = fnNode ? compact(this.textOf(fnNode)) : '';
    }
    if (!callee) return;
    const nameNode = n.type === 'method_invocation' ? n.children.find((c) => c.field === 'name')
      : fnNode?.children.find((c) => c.field === 'property' || c.field === 'attribute' || c.field === 'field');
    const name = nameNode ? this.textOf(nameNode) : lastSegment(callee);
    const fact: CallFact = { node: n, callee, name, args: argsNode ? argsNode.children : [], isNew: n.type === 'new_expression' || n.type === 'object_creation_expression' };
    this.calls.push(fact);
    this.callIndex.set(n, fact);
  }

  private addDecorator(n: SNode): void {
    let name = '';
    let args: SNode[] = [];
    if (n.type === 'decorator') {
      const inner = n.children[0];
      if (!inner) return;
      if (inner.type === 'call_expression' || inner.type === 'call') {
        const fn = inner.children.find((c) => c.field === 'function');
        name = fn ? compact(this.textOf(fn)) : '';
        args = inner.children.find((c) => c.field === 'arguments')?.children ?? [];
      } else {
        name = compact(this.textOf(inner));
      }
    } else {
      const nm = n.children.find((c) => c.field === 'name');
      name = nm ? this.textOf(nm) : '';
      const list = n.children.find((c) => c.field === 'arguments');
      args = list ? list.children : [];
    }
    const fact: DecoratorFact = { node: n, name, args, target: decoratorTarget(n) };
    this.decorators.push(fact);
    this.decoratorIndex.set(n, fact);
    if (fact.target) {
      const list = this.byTarget.get(fact.target);
      if (list) list.push(fact);
      else this.byTarget.set(fact.target, [fact]);
    }
  }

  private addPair(n: SNode): void {
    const keyNode = n.children.find((c) => c.field === 'key' || c.field === 'name') ?? n.children[0];
    const value = n.children.find((c) => c.field === 'value') ?? n.children[1];
    if (!keyNode || !value) return;
    this.pairs.push({ node: n, key: unquote(this.textOf(keyNode)), value, kind: n.type === 'keyword_argument' ? 'keyword' : 'pair' });
  }

  private addAssign(n: SNode): void {
    const left = n.children.find((c) => c.field === 'left' || c.field === 'name') ?? n.children[0];
    const right = n.children.find((c) => c.field === 'right' || c.field === 'value') ?? n.children[1];
    if (!left || !right || left === right) return;
    const key = lastSegment(compact(this.textOf(left)).replace(/\[['"]?([\w-]+)['"]?\]$/, '.$1'));
    this.pairs.push({ node: n, key, value: right, kind: 'assign' });
  }

  private addCheck(n: SNode): void {
    const condition = n.children.find((c) => c.field === 'condition');
    const consequence = n.children.find((c) => c.field === 'consequence');
    if (!condition) return;
    const body = consequence ? this.text.slice(consequence.start, Math.min(consequence.end, consequence.start + 400)) : '';
    this.checks.push({ node: n, condition, denies: DENY_RE.test(body) });
  }

  private addCompare(n: SNode): void {
    const left = n.children[0];
    const right = n.children[n.children.length - 1];
    if (!left || !right || left === right) return;
    const op = this.text.slice(left.end, right.start).trim();
    if (op === '==' || op === '===' || op === '!=' || op === '!==') this.compares.push({ node: n, left, right });
  }
}

function decoratorTarget(n: SNode): SNode | null {
  const p = n.parent;
  if (!p) return null;
  if (p.type === 'decorated_definition') return p.children.find((c) => c.field === 'definition') ?? null;
  if (p.type === 'modifiers') return p.parent;
  if (p.type === 'class_body' || p.type === 'export_statement' || p.type === 'class_declaration' || p.type === 'abstract_class_declaration') {
    if (p.type === 'class_declaration' || p.type === 'abstract_class_declaration') return p;
    if (p.type === 'export_statement') return p.children.find((c) => c.field === 'declaration') ?? null;
    const idx = p.children.indexOf(n);
    for (let i = idx + 1; i < p.children.length; i++) {
      const s = p.children[i] as SNode;
      if (s.type !== 'decorator') return s;
    }
  }
  return p;
}

/** True for string literal nodes of any of the languages. */
export function isStringNode(n: SNode): boolean {
  return /^(?:string|string_literal|template_string|interpreted_string_literal|raw_string_literal|concatenated_string)$/.test(n.type);
}

/** Strips one level of quotes (and Python string prefixes). */
export function unquote(s: string): string {
  const m = /^[rRbBuUfF]{0,2}(['"`])([\s\S]*)\1$/.exec(s.trim());
  if (m) return (m[2] ?? '').replace(/^""|""$/g, '');
  return s.trim();
}

function compact(s: string): string {
  return s.replace(/\s+/g, '');
}

/** `a.b.c` → `c`; `a.b()` → `b`; `pkg::f` → `f`. */
export function lastSegment(callee: string): string {
  const cleaned = callee.replace(/\(.*$/s, '').replace(/<[^<>]*>$/, '');
  const parts = cleaned.split(/\.|::|->/);
  return parts[parts.length - 1] || cleaned;
}

/** True for function-like node types of any family. */
export function isFunctionNode(n: SNode): boolean {
  return FUNCTION_TYPES.has(n.type);
}
