// The workspace policy for every `redline` subcommand: `--policy <file>` or .redline/policy.jsonc,
// so the command line and the editor apply the same rule levels and globs.
import type { Finding, Severity } from '../core/model';
import type { EffectiveConfig } from '../core/policy';
import { loadCheckConfig } from './check/policy';
import type { CliIo } from './io';

/** The `--policy` option, for `parseArgs`. */
export const policyFlag = { policy: { type: 'string' } } as const;

/** Reads the policy for `root` (a malformed one is a UsageError with file:line:column); prints its warnings. */
export async function loadPolicy(root: string, io: CliIo, policyOption: string | undefined): Promise<EffectiveConfig> {
  const { config, warnings } = await loadCheckConfig(root, io.cwd, policyOption, async () => undefined);
  for (const w of warnings) io.err(`redline: ${w}\n`);
  return config;
}

/** A finding at the level the settings or policy set for its rule: `undefined` when switched off. */
export function withPolicyLevel(finding: Finding, config: EffectiveConfig): Finding | undefined {
  const level = config.rules[finding.ruleId];
  // A rule nobody configured keeps each finding's own severity (an instruction file raises some to error).
  if (!level || level.source === 'default') return finding;
  if (level.value === 'off') return undefined;
  return level.value === finding.severity ? finding : { ...finding, severity: level.value as Severity };
}

/** Applies the policy's rule levels to findings paired with their files. */
export function applyRuleLevels<T extends { finding: Finding }>(items: readonly T[], config: EffectiveConfig): T[] {
  const out: T[] = [];
  for (const item of items) {
    const finding = withPolicyLevel(item.finding, config);
    if (finding) out.push(finding === item.finding ? item : { ...item, finding });
  }
  return out;
}
