// Rule: TLS certificate or hostname verification switched off.
import type { RuleMeta } from '../model';
import type { Doc } from '../guardrails/syntax';
import type { GuardrailRule, Protection, TextPattern } from '../guardrails/types';
import { descendants, isFalse, isTrue, protection } from '../guardrails/extractors';

export const meta: RuleMeta = {
  id: 'tls-verification-disabled',
  title: 'TLS verification disabled',
  family: 'inference',
  defaultSeverity: 'error',
  languages: '*',
  description: 'Finds TLS certificate or hostname checks switched off: rejectUnauthorized false, verify=False, InsecureSkipVerify, NODE_TLS_REJECT_UNAUTHORIZED=0, trust-all managers.',
  cwe: ['CWE-295'],
  owasp: ['A02:2021 Cryptographic Failures', 'A07:2021 Identification and Authentication Failures'],
};

/** Finds TLS verification settings and trust-all code in one version of a file. */
export function extract(doc: Doc): Protection[] {
  const out: Protection[] = [];
  for (const p of doc.pairs) {
    const insecure = insecureSetting(doc, p.key, p.value, p.kind);
    if (insecure === undefined) continue;
    if (insecure) {
      out.push(protection(doc, 'hazard', 'tls-off', 'option', p.node, p.key, { key: `off:${p.key}`, always: true, message: `\`${p.key}\` now turns TLS certificate verification off` }));
    } else {
      out.push(protection(doc, 'guard', 'tls', 'option', p.node, p.key, { key: `on:${p.key}`, counterpart: true }));
    }
  }
  for (const c of doc.calls) {
    if (/(?:^|\.)_create_unverified_context$|(?:^|\.)setHostnameVerifier$|(?:^|\.)setDefaultHostnameVerifier$/.test(c.callee) && (c.callee.includes('unverified') || /NoopHostnameVerifier|ALLOW_ALL|->\s*true|true\s*;/.test(c.args.map((a) => doc.textOf(a)).join(' ')))) {
      out.push(protection(doc, 'hazard', 'tls-off', 'wrapper', c.node, c.callee, { key: `off:${c.name}`, always: true, message: `\`${c.callee}\` now accepts any certificate or host name` }));
    }
    if (c.isNew && /(?:X509TrustManager|TrustManager|X509ExtendedTrustManager)$/.test(c.callee) && trustsAll(doc, c.node)) {
      out.push(protection(doc, 'hazard', 'tls-off', 'wrapper', c.node, c.callee, { key: 'off:trustmanager', always: true, message: `A trust-all \`${c.callee}\` now accepts every certificate` }));
    }
    if (/(?:^|\.)(?:NoopHostnameVerifier|TrustAllStrategy|InsecureTrustManagerFactory)(?:\.INSTANCE)?$/.test(c.callee)) {
      out.push(protection(doc, 'hazard', 'tls-off', 'wrapper', c.node, c.callee, { key: `off:${c.name}`, always: true, message: `\`${c.callee}\` now skips certificate or host name checks` }));
    }
  }
  return out;
}

/** true: insecure; false: explicitly secure; undefined: not a TLS setting. */
function insecureSetting(doc: Doc, key: string, value: import('../guardrails/syntax').SNode, kind: string): boolean | undefined {
  const v = doc.textOf(value).trim();
  if (key === 'rejectUnauthorized' || key === 'strictSSL' || key === 'check_hostname' || key === 'ssl_verify' || key === 'verify_ssl' || key === 'sslVerify') return isFalse(doc, value) ? true : isTrue(doc, value) ? false : undefined;
  if (key === 'InsecureSkipVerify' || key === 'insecureSkipVerify' || key === 'insecure') return isTrue(doc, value) ? true : isFalse(doc, value) ? false : undefined;
  if (key === 'NODE_TLS_REJECT_UNAUTHORIZED') return /^['"]?0['"]?$/.test(v) ? true : undefined;
  if (key === 'verify' && kind === 'keyword') {
    const call = value.parent?.parent?.parent;
    if (call && /jwt|jws|token/i.test(doc.textOf(call).slice(0, 40))) return undefined;
    return isFalse(doc, value) ? true : isTrue(doc, value) ? false : undefined;
  }
  if (key === 'verify_mode' || key === 'cert_reqs') return /CERT_NONE|VERIFY_NONE/.test(v) ? true : /CERT_REQUIRED|VERIFY_PEER/.test(v) ? false : undefined;
  return undefined;
}

function trustsAll(doc: Doc, n: import('../guardrails/syntax').SNode): boolean {
  const body = n.children.find((c) => c.type === 'class_body');
  if (!body) return false;
  return descendants(body).some((m) => m.type === 'method_declaration' && /checkServerTrusted/.test(doc.textOf(m)) && /\{\s*\}\s*$/.test(doc.textOf(m)));
}

/** Textual fallback: any language, config files and scripts. */
export const textual: readonly TextPattern[] = [
  { kind: 'hazard', re: /NODE_TLS_REJECT_UNAUTHORIZED\s*[:=]\s*['"]?0\b/, label: 'NODE_TLS_REJECT_UNAUTHORIZED=0', group: 'tls-off' },
  { kind: 'hazard', re: /\brejectUnauthorized\s*[:=]\s*false\b/, label: 'rejectUnauthorized: false', group: 'tls-off' },
  { kind: 'hazard', re: /\bverify\s*=\s*False\b/, label: 'verify=False', group: 'tls-off' },
  { kind: 'hazard', re: /\bInsecureSkipVerify\s*:\s*true\b/, label: 'InsecureSkipVerify: true', group: 'tls-off' },
  { kind: 'hazard', re: /\bVERIFY_NONE\b|\bCERT_NONE\b/, label: 'VERIFY_NONE', group: 'tls-off' },
  { kind: 'hazard', re: /\bCURLOPT_SSL_VERIFY(?:PEER|HOST)\b\s*(?:=>|,)\s*(?:false|0)\b/i, label: 'CURLOPT_SSL_VERIFYPEER false', group: 'tls-off' },
  { kind: 'hazard', re: /(?:^|\s)(?:curl\b.{0,200}\s(?:-k|--insecure)\b|wget\b.{0,200}--no-check-certificate)/, label: 'curl --insecure', group: 'tls-off' },
  { kind: 'hazard', re: /\b(?:ssl_verify|sslverify|verify_ssl|tls_verify|ssl-verify|strict-ssl)\s*[:=]\s*(?:false|no|0)\b/i, label: 'ssl verify off', group: 'tls-off' },
  { kind: 'hazard', re: /ServerCertificateValidationCallback\s*=.{0,80}\btrue\b/, label: 'ServerCertificateValidationCallback', group: 'tls-off' },
];

export const rule: GuardrailRule = { meta, extract, textual };
