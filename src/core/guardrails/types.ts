// The vocabulary guardrail rules share with the engine: protections found in one version of a file.
import type { RuleMeta } from '../model';
import type { Doc, SNode, Scope } from './syntax';

/** How a protection is written, which decides the message, the anchor line and the restore edit. */
export type ProtectionForm =
  /** An argument of a route or call: middleware, wrapper, `Depends(...)`. */
  | 'argument'
  /** A decorator or annotation on a function, method or class. */
  | 'decorator'
  /** A whole statement: an `if` check, a validation or audit call. */
  | 'statement'
  /** An option or setting: `httpOnly: true`, `verify=True`, `limit: '1mb'`. */
  | 'option'
  /** A wrapping call around a value: `escape(name)`, `DOMPurify.sanitize(html)`. */
  | 'wrapper';

/** A guard (a protection present) or a hazard (an insecure construct present) in one version. */
export interface Protection {
  readonly kind: 'guard' | 'hazard';
  /** Identity within the rule, normalised (e.g. `requireauth`, `option:httponly`). */
  readonly key: string;
  /** Coarse class, so a renamed guard of the same class still counts (e.g. `auth`). */
  readonly group: string;
  /** What the message names, e.g. `requireAuth`. */
  readonly label: string;
  readonly form: ProtectionForm;
  readonly node: SNode;
  readonly scope: Scope;
  /** Applies to the whole file or router (`app.use`, `r.Use`, class-level decorator). */
  readonly global?: boolean;
  /** Node whose first line anchors an option finding (the call or declaration holding it). */
  readonly anchor?: SNode;
  /** Numeric strength (a limit); a matched guard raised 10× or more is weakened. */
  readonly strength?: number;
  /** When set, the guard is present but insecure, and this says how (e.g. "set to `false`"). */
  readonly weak?: string;
  /** For hazards: the guard group whose presence in the old version makes this a downgrade. */
  readonly replaces?: string;
  /** For hazards: fire even when no safe counterpart was seen in the old version. */
  readonly always?: boolean;
  /** For guards: only a counterpart for hazards (`replaces`); its removal alone is not reported. */
  readonly counterpart?: boolean;
  /** For guards: text that must still appear in the new version of the scope for a drop to count (the escaped value). */
  readonly requires?: string;
  /** Message override for hazards, e.g. "`exec` now runs a built command string". */
  readonly message?: string;
}

/** One guardrail rule: metadata plus extractors over one version of a file. */
export interface GuardrailRule {
  readonly meta: RuleMeta;
  /** Protections and hazards present in a parsed version. */
  extract(doc: Doc): Protection[];
  /** Patterns for the language-agnostic textual layer (one line at a time). */
  readonly textual?: readonly TextPattern[];
}

/** A line pattern of the textual layer: a guard that should not disappear or a hazard that should not appear. */
export interface TextPattern {
  readonly kind: 'guard' | 'hazard';
  /** Linear-time pattern tested against each line (comments stripped). */
  readonly re: RegExp;
  readonly label: string;
  readonly group: string;
  /** For hazards: only a downgrade when this guard group was in the old text. */
  readonly replaces?: string;
  /** For guards: only a counterpart for hazards; its removal alone is not reported. */
  readonly counterpart?: boolean;
}
