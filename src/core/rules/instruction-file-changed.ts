// Rule instruction-file-changed: an instruction or agent-config file that is new or changed since someone last trusted it.
import type { Finding, RuleMeta } from '../model';
import { rangeOf } from '../model';
import { classifyInstructionFile } from '../instructions/table';
import type { TrustComparison } from '../instructions/trust';

/** Metadata of `instruction-file-changed`. */
export const meta: RuleMeta = {
  id: 'instruction-file-changed',
  title: 'Instruction file not yet trusted',
  family: 'integration',
  defaultSeverity: 'warning',
  languages: '*',
  description: 'Reports assistant instruction and agent-config files that are new or changed since they were last reviewed and trusted, so a planted instruction cannot slip in through a pull, a dependency or an agent.',
  cwe: ['CWE-494', 'CWE-345'],
  owasp: ['LLM01:2025 Prompt Injection', 'A08:2021 Software and Data Integrity Failures'],
};

/** One finding per added or changed file, keyed by path; the range is the file's start. */
export function instructionFileChangedFindings(comparison: TrustComparison): { path: string; finding: Finding }[] {
  return [
    ...comparison.added.map((path) => ({ path, finding: detect(path, 'added') })),
    ...comparison.changed.map((path) => ({ path, finding: detect(path, 'changed') })),
  ].sort((a, b) => a.path.localeCompare(b.path));
}

/** The finding for one untrusted file. */
export function detect(path: string, change: 'added' | 'changed'): Finding {
  const kind = classifyInstructionFile(path);
  const what = kind ? `${kind.kind === 'instructions' ? 'instructions' : kind.kind} for ${kind.assistant}` : 'an assistant file';
  const state = change === 'added' ? 'is new' : 'changed';
  return {
    ruleId: meta.id,
    severity: 'warning',
    confidence: 'high',
    message: `\`${path}\` (${what}) ${state} since it was last trusted. Review it before an assistant follows it, then trust it.`,
    range: rangeOf(0, 0, 0, 0),
    ...(change === 'added' ? { change: 'introduced' as const } : {}),
    context: path,
    fingerprint: `${meta.id}:${path}`,
  };
}
