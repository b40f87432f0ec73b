// Rule: an audit or security log call removed from a sensitive operation.
import type { RuleMeta } from '../model';
import type { Doc } from '../guardrails/syntax';
import type { GuardrailRule, Protection, TextPattern } from '../guardrails/types';
import { callGuards } from '../guardrails/extractors';
import { PARSED_LANGUAGES } from '../guardrails/languages';

export const meta: RuleMeta = {
  id: 'audit-log-removed',
  title: 'Audit log removed',
  family: 'inference',
  defaultSeverity: 'warning',
  languages: PARSED_LANGUAGES,
  description: 'Finds audit and security log calls that an edit removed from sensitive operations (deletes, role changes, refunds, failed logins).',
  cwe: ['CWE-778', 'CWE-223'],
  owasp: ['A09:2021 Security Logging and Monitoring Failures'],
};

const AUDIT = /(?:^|\.)(?:audit\w*|Audit\w*|securityLog|security_log|securityLogger|security_logger|auditLog|audit_log|auditLogger|audit_logger|auditService|auditTrail|AuditService|eventLog|SecurityEvent\w*)(?:\.\w+)?$|(?:^|\.)(?:audit|recordAudit|logAudit|auditEvent|writeAudit|record_audit|log_audit|logSecurityEvent|log_security_event)$/;
const SECURITY_LOG = /(?:^|\.)(?:warn|warning|info|error|notice|Printf|Info|Warn|Error|log)$/;
const SECURITY_WORDS = /\b(?:login_failed|failed login|login failed|unauthori[sz]ed|forbidden|permission|role_changed|role changed|password (?:reset|changed)|account locked|access denied|privilege)/i;

/** Finds audit and security logging in one version of a file. */
export function extract(doc: Doc): Protection[] {
  return [
    ...callGuards(doc, AUDIT, 'audit', 'statement', (c) => !/(?:^|\.)(?:import|require)$/.test(c.callee) && c.node.parent?.type !== 'decorator'),
    ...callGuards(doc, SECURITY_LOG, 'audit', 'statement', (c) => !AUDIT.test(c.callee) && c.args.length > 0 && SECURITY_WORDS.test(doc.textOf(c.args[0] ?? c.node))),
  ];
}

/** Textual fallback. */
export const textual: readonly TextPattern[] = [
  { kind: 'guard', re: /\b(?:audit|AuditLog|audit_log|security_log)\w*[.(]/, label: 'audit log call', group: 'audit' },
];

export const rule: GuardrailRule = { meta, extract, textual };
