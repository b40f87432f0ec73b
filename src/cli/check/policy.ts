// Loads the policy and the repository acknowledgements for `redline check` (async reads, core parsing).
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { parseAcknowledgements, type Acknowledgement } from '../../core/acknowledgements';
import { ACKNOWLEDGEMENTS_PATH, POLICY_PATH, effectiveConfig, resolvePolicy, type EffectiveConfig, type PolicyProblem } from '../../core/policy';
import { allRuleMetas } from '../../core/rules';
import { UsageError } from '../io';

/** The configuration a check runs with. */
export interface CheckConfig {
  readonly config: EffectiveConfig;
  /** The policy file in force (relative to the repository root when inside it), if any. */
  readonly policyFile?: string;
  readonly acknowledgements: readonly Acknowledgement[];
  /** Warnings to show once (unknown rule ids, skipped acknowledgements). */
  readonly warnings: readonly string[];
}

async function readMaybe(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** `file:line:column: message`, one-based. */
export function problemLine(problem: PolicyProblem, fallbackFile: string): string {
  return `${problem.file ?? fallbackFile}:${problem.range.start.line + 1}:${problem.range.start.character + 1}: ${problem.message}`;
}

/**
 * Reads `policyOption` (relative to `cwd`) or `.redline/policy.jsonc` in `root`, follows `extends`, and merges it
 * over the defaults. A malformed policy is a UsageError naming file, line and column.
 */
export async function loadCheckConfig(root: string, cwd: string, policyOption: string | undefined, readAcknowledgements: (file: string) => Promise<string | undefined>): Promise<CheckConfig> {
  const absolute = policyOption !== undefined ? path.resolve(cwd, policyOption) : path.join(root, POLICY_PATH);
  const inside = !path.relative(root, absolute).startsWith('..');
  const base = inside ? root : path.dirname(absolute);
  const relative = path.relative(base, absolute).split(path.sep).join('/');
  const texts = new Map<string, string | undefined>();
  texts.set(relative, await readMaybe(absolute));
  if (texts.get(relative) === undefined && policyOption !== undefined) throw new UsageError(`policy file not found: ${policyOption}`);
  const knownRuleIds = allRuleMetas().map((m) => m.id);
  let resolved = resolvePolicy(relative, (p) => texts.get(p), { knownRuleIds });
  // `resolvePolicy` reads synchronously: load each `extends` target it asked for, then resolve again.
  for (let depth = 0; depth < 17; depth++) {
    const missing = resolved.files.length === 0 ? [] : pendingTargets(resolved.problems, texts);
    if (missing.length === 0) break;
    for (const m of missing) texts.set(m, await readMaybe(path.join(base, m)));
    resolved = resolvePolicy(relative, (p) => texts.get(p), { knownRuleIds });
  }
  const errors = resolved.problems.filter((p) => p.severity === 'error');
  const first = errors[0];
  if (first) throw new UsageError(`invalid policy: ${problemLine(first, relative)}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`);
  const warnings = resolved.problems.filter((p) => p.severity === 'warning').map((p) => `policy: ${problemLine(p, relative)}`);
  const ruleDefaults = Object.fromEntries(allRuleMetas().map((m) => [m.id, m.defaultSeverity]));
  const config = effectiveConfig({ trusted: true, ruleDefaults, ...(resolved.policy ? { policy: resolved.policy } : {}), ...(resolved.hash ? { policyHash: resolved.hash } : {}) });
  let acknowledgements: readonly Acknowledgement[] = [];
  if (config.values['acknowledgements.inRepository'].value) {
    const text = await readAcknowledgements(ACKNOWLEDGEMENTS_PATH);
    if (text !== undefined) {
      const parsed = parseAcknowledgements(text);
      acknowledgements = parsed.acknowledgements;
      warnings.push(...parsed.problems.map((p) => `${ACKNOWLEDGEMENTS_PATH}: ${p}`));
    }
  }
  return { config, ...(resolved.policy ? { policyFile: inside ? relative : absolute } : {}), acknowledgements, warnings };
}

/** `extends` targets reported missing that have not been read yet. */
function pendingTargets(problems: readonly PolicyProblem[], texts: ReadonlyMap<string, string | undefined>): string[] {
  const out: string[] = [];
  for (const p of problems) {
    const m = /^`extends` target not found: `(.+)`\.$/.exec(p.message);
    if (m?.[1] && !texts.has(m[1])) out.push(m[1]);
  }
  return out;
}
