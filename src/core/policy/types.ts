// The shapes of `.redline/policy.jsonc` and of the problems found while reading it.
import type { TextRange } from '../model';
import type { RegistryUrls, RuleLevel } from '../config/definitions';

/** A rule's entry in a policy: a level, or a level with rule-specific options. */
export type PolicyRuleEntry = RuleLevel | { readonly level: RuleLevel; readonly options?: Readonly<Record<string, unknown>> };

/** A parsed, schema-valid `.redline/policy.jsonc` (before `extends` is resolved, or after, merged). */
export interface Policy {
  readonly $schema?: string;
  readonly version: 1;
  /** Another policy file, relative to this one; must stay inside the workspace. */
  readonly extends?: string;
  readonly rules?: Readonly<Record<string, PolicyRuleEntry>>;
  /** Extra sensitive-file globs (added to the built-in list). */
  readonly sensitive?: readonly string[];
  readonly excludeFromAI?: readonly string[];
  readonly reviewRequired?: readonly string[];
  readonly aiEdit?: { readonly minLines?: number; readonly minChars?: number };
  readonly baseline?: 'gitHead' | 'firstOpen';
  readonly contextGuard?: { readonly warn?: 'whenAssistantPresent' | 'always' | 'never' };
  readonly requireAcknowledgementReason?: boolean;
  readonly learningMode?: boolean;
  readonly audit?: { readonly enabled?: boolean; readonly path?: string };
  readonly acknowledgements?: { readonly inRepository?: boolean };
  readonly instructions?: { readonly trustInRepository?: boolean };
  readonly integrations?: { readonly allowed?: readonly string[] };
  readonly supplyChain?: { readonly onlineChecks?: boolean; readonly registries?: Partial<RegistryUrls> };
  /** Keys users may not weaken (`rules`, `rules.<id>`, `sensitive`, `aiEdit.minLines`, ...), or `true` for all. */
  readonly enforced?: true | readonly string[];
}

/** One problem in a policy file, positioned for a diagnostic. */
export interface PolicyProblem {
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** Zero-based range in `file`'s text. */
  readonly range: TextRange;
  /** Workspace-relative path of the file the problem is in (set by `resolvePolicy`). */
  readonly file?: string;
}

/** Options for reading a policy. */
export interface PolicyParseOptions {
  /** Rule ids the engine knows; any other id in `rules` is a warning. Omit to skip the check. */
  readonly knownRuleIds?: readonly string[];
}

/** What `parsePolicy` returns: a policy when there is no error, and every problem found. */
export interface PolicyParseResult {
  readonly policy?: Policy;
  readonly problems: readonly PolicyProblem[];
}
