// Rule: strong password/token hashing replaced by MD5/SHA-1 or plain text; constant-time compare replaced by ==.
import type { RuleMeta } from '../model';
import type { CallFact, Doc } from '../guardrails/syntax';
import type { GuardrailRule, Protection, TextPattern } from '../guardrails/types';
import { keyOf, protection } from '../guardrails/extractors';
import { PARSED_LANGUAGES } from '../guardrails/languages';

export const meta: RuleMeta = {
  id: 'weak-hash-introduced',
  title: 'Weak hash or timing-unsafe comparison introduced',
  family: 'inference',
  defaultSeverity: 'error',
  languages: PARSED_LANGUAGES,
  description: 'Finds bcrypt/argon2/scrypt/SHA-2 replaced by MD5, SHA-1 or no hashing, and constant-time comparisons replaced by == or equals.',
  cwe: ['CWE-327', 'CWE-916', 'CWE-208'],
  owasp: ['A02:2021 Cryptographic Failures'],
};

const STRONG = /^(?:bcrypt|bcryptjs|argon2|scrypt)\.\w+$|(?:^|\.)(?:hashpw|checkpw|generate_password_hash|check_password_hash|make_password|check_password|pbkdf2\w*|scrypt\w*|Sum256|Sum512|New256|GenerateFromPassword|CompareHashAndPassword|IDKey|sha256|sha384|sha512|sha3_256|blake2b|blake2s)$|^(?:BCryptPasswordEncoder|Argon2PasswordEncoder|SCryptPasswordEncoder|Pbkdf2PasswordEncoder|DelegatingPasswordEncoder)$/;
const WEAK = /^(?:hashlib\.md5|hashlib\.sha1|md5\.New|md5\.Sum|sha1\.New|sha1\.Sum|DigestUtils\.md5\w*|DigestUtils\.sha1\w*|DigestUtils\.shaHex|Hashing\.md5|Hashing\.sha1|NoOpPasswordEncoder\.getInstance|md5|sha1)$|^(?:NoOpPasswordEncoder|Md5PasswordEncoder|MessageDigestPasswordEncoder|LdapShaPasswordEncoder|StandardPasswordEncoder)$/;
const CONSTANT_TIME = /(?:^|\.)(?:timingSafeEqual|compare_digest|ConstantTimeCompare|isEqual|Equal|constantTimeEquals|constant_time_compare|secureCompare|safeCompare|timingSafeEquals|SlowEquals)$/;
const SECRETISH = /signature|\bsig\b|digest|hmac|\bmac\b|token|hash|Hash|expected|secret|apiKey|api_key|password|passwd|otp|Signature|Token|Digest|Secret|Mac\b/;

/** Finds hashing and comparisons of secrets in one version of a file. */
export function extract(doc: Doc): Protection[] {
  const out: Protection[] = [];
  for (const c of doc.calls) {
    const algo = hashAlgorithm(doc, c);
    if (algo === 'weak' || WEAK.test(c.callee)) {
      const label = algo === 'weak' ? `${c.callee}(${doc.textOf(c.args[0] ?? c.node)})` : c.callee;
      out.push(protection(doc, 'hazard', 'weak-hash', 'wrapper', c.node, label, { key: 'weak-hash', replaces: 'strong-hash', message: `\`${label}\` now hashes with a weak algorithm` }));
    } else if (algo === 'strong' || STRONG.test(c.callee)) {
      out.push(protection(doc, 'guard', 'strong-hash', 'wrapper', c.node, c.callee, { key: `hash:${keyOf(c.callee)}`, counterpart: true }));
    }
    if (CONSTANT_TIME.test(c.callee) && (c.name !== 'Equal' || /^(?:hmac|subtle)\./.test(c.callee)) && (c.name !== 'isEqual' || c.callee.startsWith('MessageDigest'))) {
      out.push(protection(doc, 'guard', 'constant-time', 'wrapper', c.node, c.callee, { key: 'ct', counterpart: true }));
    }
    if ((c.name === 'equals' || c.callee === 'Arrays.equals' || c.callee === 'bytes.Equal' || c.callee === 'reflect.DeepEqual') && SECRETISH.test(doc.textOf(c.node))) {
      out.push(protection(doc, 'hazard', 'timing', 'wrapper', c.node, c.callee, { key: 'eq', replaces: 'constant-time', message: `\`${c.callee}\` now compares a secret in non-constant time` }));
    }
  }
  for (const cmp of doc.compares) {
    const l = doc.textOf(cmp.left);
    const r = doc.textOf(cmp.right);
    if (/^(?:''|""|null|None|nil|undefined|-?\d+|true|false|True|False)$/.test(l) || /^(?:''|""|null|None|nil|undefined|-?\d+|true|false|True|False)$/.test(r)) continue;
    if (CONSTANT_TIME.test(l.replace(/\(.*$/s, '')) || CONSTANT_TIME.test(r.replace(/\(.*$/s, ''))) continue;
    if (/\.length$|len\(|\.size\(\)|typeof/.test(l + r)) continue;
    if (!SECRETISH.test(l) && !SECRETISH.test(r)) continue;
    const op = doc.text.slice(cmp.left.end, cmp.right.start).trim();
    out.push(protection(doc, 'hazard', 'timing', 'wrapper', cmp.node, `${op}`, { key: 'eq', replaces: 'constant-time', message: `A secret is now compared with \`${op}\`, which leaks timing` }));
  }
  return out;
}

function hashAlgorithm(doc: Doc, c: CallFact): 'weak' | 'strong' | undefined {
  if (!/(?:^|\.)(?:createHash|createHmac|getInstance|new)$/.test(c.callee) || (c.name === 'getInstance' && !/MessageDigest/.test(c.callee)) || (c.name === 'new' && !/hashlib/.test(c.callee))) return undefined;
  const arg = c.args[0] ? doc.textOf(c.args[0]).replace(/['"`]/g, '').toLowerCase() : '';
  if (/^(?:md5|md4|sha1|sha-1|ripemd160)$/.test(arg)) return 'weak';
  if (/^(?:sha256|sha-256|sha384|sha-384|sha512|sha-512|sha3-256|sha3-512|blake2b512)$/.test(arg)) return 'strong';
  return undefined;
}

/** Textual fallback. */
export const textual: readonly TextPattern[] = [
  { kind: 'guard', re: /\b(?:password_hash|BCrypt::Password|bcrypt|argon2|hash_equals|secure_compare)\b/i, label: 'strong hashing', group: 'strong-hash', counterpart: true },
  { kind: 'hazard', re: /\b(?:md5|sha1)\s*\(|Digest::(?:MD5|SHA1)\b/, label: 'MD5/SHA-1', group: 'weak-hash', replaces: 'strong-hash' },
];

export const rule: GuardrailRule = { meta, extract, textual };
