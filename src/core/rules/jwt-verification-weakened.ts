// Rule: JWT verification replaced by decoding, algorithms or claim checks dropped, `none` allowed.
import type { RuleMeta } from '../model';
import type { Doc } from '../guardrails/syntax';
import type { GuardrailRule, Protection, TextPattern } from '../guardrails/types';
import { holderOf, isFalse, isTrue, keyOf, protection } from '../guardrails/extractors';

export const meta: RuleMeta = {
  id: 'jwt-verification-weakened',
  title: 'JWT verification weakened',
  family: 'inference',
  defaultSeverity: 'error',
  languages: '*',
  description: 'Finds JWT verification replaced by decoding, algorithm allow-lists or expiry/audience/issuer checks dropped, `none` allowed, and signature verification switched off.',
  cwe: ['CWE-347', 'CWE-287'],
  owasp: ['A07:2021 Identification and Authentication Failures', 'A02:2021 Cryptographic Failures'],
};

const VERIFY = /^(?:jwt\.verify|jsonwebtoken\.verify|jwtVerify|jose\.jwtVerify|verifyJwt|verifyToken|jwt\.Parse|jwt\.ParseWithClaims|parser\.Parse|parser\.ParseWithClaims|jwt\.decode|jose\.jwt\.decode|jws\.verify)$|(?:^|\.)(?:parseSignedClaims|parseClaimsJws|verifyWith|setSigningKey|verify)$/;
const DECODE = /^(?:jwt\.decode|jsonwebtoken\.decode|decodeJwt|jose\.decodeJwt|jwtDecode|jwt_decode|JWT\.decode|jwt\.get_unverified_claims|jose\.jwt\.get_unverified_claims)$|(?:^|\.)(?:ParseUnverified|parseUnsecuredClaims|parseClaimsJwt|get_unverified_claims)$/;
const CLAIM_CALLS = /(?:^|\.)(?:WithValidMethods|WithIssuer|WithAudience|WithExpirationRequired|WithIssuedAt|WithSubject|requireIssuer|requireAudience|requireSubject|requireExpiration|withIssuer|withAudience|withSubject|acceptExpiresAt|withClaim|setAllowedClockSkewSeconds)$/;
const OPTION_KEYS = /^(?:algorithms|algorithm|audience|issuer|maxAge|subject|aud|iss|require|requiredClaims|clockTolerance)$/;

/** Finds JWT verification and its weak forms in one version of a file. */
export function extract(doc: Doc): Protection[] {
  const out: Protection[] = [];
  for (const c of doc.calls) {
    const callee = doc.resolveName(c.callee);
    const pyDecode = doc.family === 'python' && /(?:^|\.)decode$/.test(callee);
    if (DECODE.test(callee) && !pyDecode) {
      out.push(protection(doc, 'hazard', 'jwt-decode', 'wrapper', c.node, c.callee, { key: 'decode', replaces: 'jwt-verify', message: `\`${c.callee}\` now reads the token without checking its signature` }));
    } else if (VERIFY.test(callee) && (/jwt|jws|jose|token|Jwt|JWT|Jws|claims|Claims/.test(callee) || /jwt|token/i.test(doc.textOf(c.node).slice(0, 80)))) {
      out.push(protection(doc, 'guard', 'jwt-verify', 'wrapper', c.node, c.callee, { key: 'verify', anchor: c.node }));
    }
    if (CLAIM_CALLS.test(c.callee)) {
      out.push(protection(doc, 'guard', 'jwt-claims', 'option', c.node, c.name, { key: `claim:${c.name.toLowerCase()}`, anchor: holderOf(doc, c.node) }));
    }
  }
  for (const p of doc.pairs) {
    if (p.kind === 'assign') continue;
    const v = doc.textOf(p.value);
    if (OPTION_KEYS.test(p.key) && jwtContext(doc, p.node)) {
      const weak = /['"]none['"]/i.test(v) ? 'now allows the `none` algorithm' : undefined;
      out.push(protection(doc, 'guard', 'jwt-claims', 'option', p.node, p.key, { key: `option:${keyOf(p.key)}`, anchor: holderOf(doc, p.node), ...(weak ? { weak } : {}) }));
    }
    if (/^(?:ignoreExpiration|ignoreNotBefore)$/.test(p.key) && isTrue(doc, p.value)) {
      out.push(protection(doc, 'hazard', 'jwt-off', 'option', p.node, p.key, { key: `off:${p.key}`, always: true, message: `\`${p.key}: true\` now accepts expired tokens` }));
    }
    if (/^(?:verify_signature|verify_exp|verify_aud|verify_iss|verify)$/.test(p.key) && isFalse(doc, p.value) && jwtContext(doc, p.node)) {
      out.push(protection(doc, 'hazard', 'jwt-off', 'option', p.node, p.key, { key: `off:${p.key}`, always: true, message: `\`${p.key}\` set to false: the token's ${p.key === 'verify_signature' || p.key === 'verify' ? 'signature' : p.key.slice(7)} is no longer checked` }));
    }
  }
  return out;
}

function jwtContext(doc: Doc, n: import('../guardrails/syntax').SNode): boolean {
  for (let p = n.parent; p; p = p.parent) {
    const c = doc.callAt(p);
    if (c) return /jwt|jws|jose|token|Jwt|JWT|verify|decode/i.test(c.callee);
    if (p.type === 'variable_declarator' || p.type === 'assignment') return /jwt|token|verify|VERIFY|JWT/i.test(doc.textOf(p.children[0] ?? p));
  }
  return false;
}

/** Textual fallback: JWT libraries in languages without a grammar. */
export const textual: readonly TextPattern[] = [
  { kind: 'hazard', re: /\bJWT\.decode\([^)]{0,200},\s*(?:nil|false|null|None)\s*,\s*false\b/, label: 'JWT.decode without verification', group: 'jwt-off' },
  { kind: 'hazard', re: /\bverify_signature['"]?\s*[:=>]+\s*(?:false|False)\b/, label: 'verify_signature false', group: 'jwt-off' },
  { kind: 'hazard', re: /\balgorithms?\b[^\n]{0,40}['"]none['"]/i, label: "algorithm 'none'", group: 'jwt-off' },
];

export const rule: GuardrailRule = { meta, extract, textual };
