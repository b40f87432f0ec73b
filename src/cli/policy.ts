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

/** Applies the policy's rule levels: `off` drops a finding, a level replaces its severity. */
export function applyRuleLevels<T extends { finding: Finding }>(items: readonly T[], config: EffectiveConfig): T[] {
  const out: T[] = [];
  for (const item of items) {
    const level = config.rules[item.finding.ruleId]?.value;
    if (level === 'off') continue;
    out.push(level === 'error' || level === 'warning' || level === 'info' ? { ...item, finding: { ...item.finding, severity: level as Severity } } : item);
  }
  return out;
}
