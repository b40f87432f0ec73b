// Shared vocabulary of the engine: positions, findings and rule metadata.

/** How serious a finding is; maps to diagnostic severities in the editor and levels in SARIF. */
export type Severity = 'error' | 'warning' | 'info';

/** How sure a rule is that the finding is real. */
export type Confidence = 'high' | 'medium' | 'low';

/** The three kinds of risk that AI-assisted coding brings (see docs/rules). */
export type RiskFamily = 'inference' | 'supply-chain' | 'integration';

/** A zero-based position; `character` counts UTF-16 code units, as VS Code does. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/** A half-open range between two positions. */
export interface TextRange {
  readonly start: Position;
  readonly end: Position;
}

/** A replacement of `range` (in the text the finding was computed on) with `newText`. */
export interface TextEdit {
  readonly range: TextRange;
  readonly newText: string;
}

/** What happened to a guardrail, for inference-time findings. */
export type ChangeKind = 'dropped' | 'weakened' | 'downgraded' | 'introduced';

/** One problem found by any rule of the engine. */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly confidence: Confidence;
  /** Says what and where, e.g. "`requireAuth` was removed from route `DELETE /users/:id`". */
  readonly message: string;
  /** Where the finding sits in the current (new) text. */
  readonly range: TextRange;
  /** For before/after findings: where the protection was in the old text. */
  readonly relatedRange?: TextRange;
  /** The code that was removed or replaced, as it stood in the old text. */
  readonly removedSnippet?: string;
  readonly change?: ChangeKind;
  /** Function, route or block the finding belongs to, e.g. "DELETE /users/:id". */
  readonly context?: string;
  /** Edits against the new text that put the protection back, when that is mechanical. */
  readonly restore?: readonly TextEdit[];
  /** Stable identity for acknowledgements and SARIF fingerprints (no secret material). */
  readonly fingerprint?: string;
}

/** Metadata every rule declares; drives docs, diagnostics, SARIF and the mentoring panel. */
export interface RuleMeta {
  /** kebab-case, unique across families, e.g. `auth-check-removed`. */
  readonly id: string;
  readonly title: string;
  readonly family: RiskFamily;
  readonly defaultSeverity: Severity;
  /** VS Code language ids the rule understands, or `*` for any text. */
  readonly languages: readonly string[] | '*';
  /** One sentence: what the rule looks for. */
  readonly description: string;
  /** e.g. `CWE-862`. */
  readonly cwe: readonly string[];
  /** e.g. `A01:2021 Broken Access Control`. */
  readonly owasp: readonly string[];
}

/** Result type for expected failures (bad policy, unknown language); bugs still throw. */
export type Result<T, E = string> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/** Builds a range from zero-based line/character pairs. */
export function rangeOf(startLine: number, startCharacter: number, endLine: number, endCharacter: number): TextRange {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}
