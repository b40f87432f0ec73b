// Rule: authentication/authorization middleware, guards, decorators or ownership checks removed.
import type { RuleMeta } from '../model';
import type { Doc } from '../guardrails/syntax';
import type { GuardrailRule, Protection, TextPattern } from '../guardrails/types';
import { callGuards, checkGuards, decoratorGuards, middlewareGuards, protection, keyOf } from '../guardrails/extractors';
import { PARSED_LANGUAGES } from '../guardrails/languages';

export const meta: RuleMeta = {
  id: 'auth-check-removed',
  title: 'Authentication or authorization check removed',
  family: 'inference',
  defaultSeverity: 'error',
  languages: PARSED_LANGUAGES,
  description: 'Finds auth middleware, guards, decorators and ownership or role checks that an edit removed from a route or handler.',
  cwe: ['CWE-862', 'CWE-285'],
  owasp: ['A01:2021 Broken Access Control'],
};

const MIDDLEWARE = /\b(?:require|ensure|check|verify|must|is|has|with|needs?)_?(?:auth\w*|login\w*|logged_?in|signed_?in|authenticated|admin\w*|role\w*|user|permission\w*|scope\w*|owner\w*|session|staff|member\w*)\b|\bauth(?:enticate|enticated|orize|orized|Required|_required|Middleware|Guard|n)?\b|\b(?:login_required|permission_required|user_passes_test|staff_member_required|isAuthenticated|isLoggedIn|ensureLoggedIn|passport\.authenticate|jwtAuth|jwtRequired|verifyToken|verifyJWT|authMiddleware|requireUser|protect|protected|adminOnly|admin_only|requireAdmin|authGuard|AuthGuard|RolesGuard|withAuth|Authenticator|Authorize|BasicAuth|basicAuth|JWTAuth|KeyAuth)\b/i;
const DECORATOR = /^(?:login_required|permission_required|permission_classes|user_passes_test|staff_member_required|superuser_required|admin_required|auth_required|requires_auth|jwt_required|roles_required|roles_accepted|fresh_jwt_required|PreAuthorize|PostAuthorize|Secured|RolesAllowed|UseGuards|Roles|Authorized|Authorize|RequiresRoles|RequiresPermissions|RequiresAuthentication|IsAuthenticated|[\w.]*(?:login_required|auth_required|admin_required|requires_auth|require_role|require_roles|require_login|require_admin|requires_permission))$/;
const OWNERSHIP = /owner|user_?id\b|userId|author|\.id\b|\broles?\b|admin|is_staff|is_superuser|isAdmin|IsAdmin|permission|\bcan\w*\(|authori[sz]|authenticated|current_?user|currentUser|req\.user|request\.user|session|tenant|belongs|member|hasRole|has_perm|isOwner|Principal|principal/i;
const AUTH_CALLS = /(?:^|\.)(?:(?:require|ensure|assert|verify)_?(?:User|Auth|Login|Admin|Role|Owner|Permission|Session|Access|SignedIn|LoggedIn|user|auth|login|admin|role|owner|permission|session|access)\w*|authorize|assertOwner\w*|assert_owner\w*|ensureOwner\w*|check_?[Pp]ermissions?|check_object_permissions|checkAccess|enforce|requirePermission|requireRole|require_role|requireUser|requireAdmin|requireAuth|assertCan|assert_can|verifyOwnership|checkOwnership|ensureCanAccess|require_admin|require_login|requireLogin|authenticate)$/;
const MATCHERS = /(?:^|\.)(?:hasRole|hasAnyRole|hasAuthority|hasAnyAuthority|authenticated|fullyAuthenticated|access)$/;
const DEPENDS = /^(?:Depends|Security)$/;

/** Finds auth guards in one version of a file. */
export function extract(doc: Doc): Protection[] {
  const out: Protection[] = [
    ...middlewareGuards(doc, MIDDLEWARE, 'auth'),
    ...decoratorGuards(doc, DECORATOR, 'auth', true),
    ...checkGuards(doc, OWNERSHIP, 'authz', (cond) => !/\.length\b|\.\.|startsWith|allowed|ALLOWED|host|redirect/i.test(cond)),
    ...callGuards(doc, AUTH_CALLS, 'authz', 'statement', (c) => !doc.routeOfCall(c) && !isArgOfRoute(doc, c.node)),
  ];
  for (const c of doc.calls) {
    if (DEPENDS.test(c.callee) && c.args.some((a) => MIDDLEWARE.test(doc.textOf(a)) || /user|auth|token|admin|role|permission|scope/i.test(doc.textOf(a)))) {
      const label = doc.textOf(c.args[0] ?? c.node);
      const global = isRouterLevel(doc, c.node);
      out.push(protection(doc, 'guard', 'auth', 'argument', c.node, label, { key: keyOf(label), global, ...(global ? { anchor: c.node } : {}) }));
    }
    if (MATCHERS.test(c.callee) && doc.family === 'java') {
      const chain = matcherOf(doc, c.node);
      out.push(protection(doc, 'guard', 'auth', 'statement', c.node, `${c.name}(${c.args.map((a) => doc.textOf(a)).join(', ')})`, { key: `matcher:${keyOf(chain)}:${c.name}` }));
    }
  }
  for (const p of doc.pairs) {
    if (!/^(?:permission_classes|authentication_classes)$/.test(p.key)) continue;
    const items = p.value.type === 'list' || p.value.type === 'tuple' ? p.value.children : [p.value];
    for (const item of items) {
      const text = doc.textOf(item);
      const weak = /AllowAny/.test(text) ? 'set to `AllowAny`' : undefined;
      out.push(protection(doc, 'guard', 'auth', 'option', item, text, { key: `option:${p.key}:${weak ? 'any' : keyOf(text)}`, anchor: p.node, ...(weak ? { weak } : {}) }));
    }
  }
  return out;
}

/** `Depends(...)` given to a router or app rather than one route applies to every route under it. */
function isRouterLevel(doc: Doc, n: import('../guardrails/syntax').SNode): boolean {
  for (let p = n.parent; p; p = p.parent) {
    if (p.type === 'decorator' || p.type === 'function_definition' || p.type === 'parameters') return false;
    if (p.type === 'call') {
      const c = doc.callAt(p);
      if (c && /(?:^|\.)(?:APIRouter|FastAPI|include_router|Blueprint)$/.test(c.callee)) return true;
    }
  }
  return false;
}

function isArgOfRoute(doc: Doc, n: import('../guardrails/syntax').SNode): boolean {
  const route = doc.routeCallOf(n);
  return route !== undefined && !route.args.some((a) => a.start <= n.start && a.end >= n.end && /function|lambda|func_literal/.test(a.type));
}

function matcherOf(doc: Doc, n: import('../guardrails/syntax').SNode): string {
  const obj = n.children.find((c) => c.field === 'object');
  const inner = obj ? doc.callAt(obj) : undefined;
  return inner && /Matchers|antMatchers|mvcMatchers|pathMatchers|anyRequest/.test(inner.name) ? doc.textOf(inner.args[0] ?? inner.node) : '';
}

/** Textual fallback: auth decorators and filters in languages without a grammar. */
export const textual: readonly TextPattern[] = [
  { kind: 'guard', re: /\b(?:before_action|before_filter)\s*:?\s*:?(?:authenticate|require_login|authorize)\w*/, label: 'before_action :authenticate', group: 'auth' },
  { kind: 'guard', re: /\[Authorize(?:\(|\])/, label: '[Authorize]', group: 'auth' },
  { kind: 'guard', re: /->middleware\(\s*['"[]\s*['"]?auth/, label: "middleware('auth')", group: 'auth' },
];

export const rule: GuardrailRule = { meta, extract, textual };
