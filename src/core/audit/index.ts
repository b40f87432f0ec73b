// Public API of the tamper-evident audit log: hash chain, verification, rotation, sanitising, filter and CSV.
export {
  AUDIT_ENTRY_TYPES,
  AuditChain,
  DEFAULT_AUDIT_CAP_BYTES,
  GENESIS_HASH,
  auditFileName,
  entryHash,
  latestAuditFile,
  orderAuditFiles,
  shouldRotate,
  verifyAuditLog,
  type AuditBreak,
  type AuditDraft,
  type AuditEntry,
  type AuditEntryType,
  type AuditHead,
  type AuditVerification,
  type VerifyOptions,
} from './chain';
export { MAX_AUDIT_STRING, maskTokens, sanitizeAuditData, sanitizeString, type AuditData, type AuditValue } from './sanitize';
export { auditToCsv, csvCell, filterAudit, type AuditFilter } from './view';
export { canonicalJson, sha256 } from './canonical';
