// `redline check --format json`: the stable document described in docs/check-json.md.
import type { Severity } from '../../core/model';
import { ruleMeta } from '../../core/rules';
import type { CheckFinding, CheckResult, FailOn } from '../check/run';
import { failingFindings } from '../check/run';
import { ruleHelpUri, safeSnippet } from './common';

/** One finding in the JSON document (positions one-based). */
export interface JsonFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly ruleId: string;
  readonly title?: string;
  readonly family?: string;
  readonly severity: Severity;
  readonly confidence: string;
  readonly message: string;
  readonly change?: string;
  readonly context?: string;
  readonly removedSnippet?: string;
  readonly fingerprint?: string;
  readonly helpUri: string;
}

/** The JSON document (`version` 1). */
export interface CheckJson {
  readonly version: 1;
  readonly tool: { readonly name: 'redline'; readonly version: string };
  readonly base: { readonly ref: string; readonly commit: string };
  readonly target: 'working-tree' | 'index';
  readonly policy: string | null;
  readonly failOn: FailOn;
  readonly failed: boolean;
  readonly summary: {
    readonly files: number;
    readonly skipped: number;
    readonly findings: { readonly error: number; readonly warning: number; readonly info: number };
    readonly acknowledged: number;
    readonly checkpoints: number;
  };
  readonly files: readonly { readonly path: string; readonly oldPath?: string; readonly status: string; readonly skipped?: string }[];
  readonly findings: readonly JsonFinding[];
  readonly acknowledged: readonly (JsonFinding & { readonly acknowledgement: { readonly reason: string; readonly user?: string; readonly time: string } })[];
  readonly checkpoints: readonly { readonly file: string; readonly oldPath?: string; readonly status: string; readonly patterns: readonly string[] }[];
  readonly warnings: readonly string[];
}

function jsonFinding({ file, finding: f }: CheckFinding): JsonFinding {
  const meta = ruleMeta(f.ruleId);
  return {
    file,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    ruleId: f.ruleId,
    ...(meta ? { title: meta.title, family: meta.family } : {}),
    severity: f.severity,
    confidence: f.confidence,
    message: f.message,
    ...(f.change ? { change: f.change } : {}),
    ...(f.context ? { context: f.context } : {}),
    ...(f.removedSnippet ? { removedSnippet: safeSnippet(f.removedSnippet, file) } : {}),
    ...(f.fingerprint ? { fingerprint: f.fingerprint } : {}),
    helpUri: ruleHelpUri(f.ruleId),
  };
}

/** Builds the JSON document. */
export function checkJson(result: CheckResult, failOn: FailOn, toolVersion: string): CheckJson {
  const count = (s: Severity): number => result.findings.filter((f) => f.finding.severity === s).length;
  return {
    version: 1,
    tool: { name: 'redline', version: toolVersion },
    base: { ref: result.base.ref, commit: result.base.commit },
    target: result.target,
    policy: result.policyFile ?? null,
    failOn,
    failed: failingFindings(result, failOn).length > 0,
    summary: {
      files: result.files.length,
      skipped: result.files.filter((f) => f.skipped).length,
      findings: { error: count('error'), warning: count('warning'), info: count('info') },
      acknowledged: result.acknowledged.length,
      checkpoints: result.checkpoints.length,
    },
    files: result.files.map((f) => ({ path: f.path, ...(f.oldPath ? { oldPath: f.oldPath } : {}), status: f.status, ...(f.skipped ? { skipped: f.skipped } : {}) })),
    findings: result.findings.map(jsonFinding),
    acknowledged: result.acknowledged.map((a) => ({
      ...jsonFinding(a),
      acknowledgement: { reason: a.acknowledgement.reason, ...(a.acknowledgement.user ? { user: a.acknowledgement.user } : {}), time: a.acknowledgement.time },
    })),
    checkpoints: result.checkpoints.map((c) => ({ file: c.file, ...(c.oldPath ? { oldPath: c.oldPath } : {}), status: c.status, patterns: c.patterns })),
    warnings: result.warnings,
  };
}

/** `--format json` output. */
export function formatJson(result: CheckResult, failOn: FailOn, toolVersion: string): string {
  return `${JSON.stringify(checkJson(result, failOn, toolVersion), null, 2)}\n`;
}
