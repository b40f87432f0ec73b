// Builds the findings of the inventory rules: one line, a stable fingerprint, never a secret.
import type { Confidence, Finding, RuleMeta, Severity } from '../model';

/** Options of `lineFinding`. */
export interface LineFindingOptions {
  readonly severity?: Severity;
  readonly confidence?: Confidence;
  /** The integration the finding is about, e.g. "MCP server `slack`". */
  readonly context?: string;
  /** Identity without secret material; defaults to rule, context and line. */
  readonly fingerprint?: string;
}

/** A finding of `meta`'s rule on a zero-based line. */
export function lineFinding(meta: RuleMeta, line: number, message: string, options: LineFindingOptions = {}): Finding {
  const l = Math.max(0, line);
  return {
    ruleId: meta.id,
    severity: options.severity ?? meta.defaultSeverity,
    confidence: options.confidence ?? 'high',
    message,
    range: { start: { line: l, character: 0 }, end: { line: l, character: 0 } },
    ...(options.context ? { context: options.context } : {}),
    fingerprint: options.fingerprint ?? `${meta.id}:${options.context ?? ''}:${l}`,
  };
}
