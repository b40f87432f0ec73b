// Entry points that run the right detectors for a file: instruction risks, agent settings, hidden Unicode.
import type { Finding } from '../model';
import { detect as agentConfigRisk } from '../rules/agent-config-risk';
import { toFinding as confusableFinding } from '../rules/confusable-identifier';
import { toFinding as hiddenFinding } from '../rules/hidden-unicode';
import { detect as instructionInjection } from '../rules/instruction-injection';
import { detectHiddenUnicode } from '../unicode';
import { classifyInstructionFile, normalizeRelativePath } from './table';

/** Options of `detectInstructionRisks`. */
export interface InstructionRiskOptions {
  /** Include `hidden-unicode` / `confusable-identifier` findings (as errors). Default true; the editor may turn it off when it reports them separately. */
  readonly hiddenUnicode?: boolean;
}

/**
 * Every risk in one instruction or agent-config file: hidden characters (errors), injected instructions,
 * risky agent settings. Returns `[]` for files not in the instruction-file table. Never throws on bad input.
 */
export function detectInstructionRisks(relativePath: string, text: string, options: InstructionRiskOptions = {}): Finding[] {
  const path = normalizeRelativePath(relativePath);
  const kind = classifyInstructionFile(path);
  if (!kind) return [];
  const findings: Finding[] = [];
  if (options.hiddenUnicode !== false) findings.push(...unicodeFindings(text, path, true));
  if (kind.format !== 'json') findings.push(...instructionInjection(text, path));
  findings.push(...agentConfigRisk(text, { json: kind.format === 'json' }));
  return sortFindings(findings);
}

/** VS Code settings files where chat auto-approval lives (not instruction files, so not subject to trust). */
export function isAgentSettingsFile(relativePath: string): boolean {
  const path = normalizeRelativePath(relativePath);
  return path === '.vscode/settings.json' || /\.code-workspace$/.test(path);
}

/** `agent-config-risk` findings for `.vscode/settings.json` and `*.code-workspace` (chat auto-approve settings). */
export function detectAgentSettingsRisks(relativePath: string, text: string): Finding[] {
  if (!isAgentSettingsFile(relativePath)) return [];
  return agentConfigRisk(text, { json: true, vscodeSettings: true }).filter((f) => !f.message.startsWith('The config is not valid JSON'));
}

/**
 * Everything the integration family checks in any text file: hidden Unicode and confusables everywhere,
 * plus instruction risks for table files and auto-approve settings for VS Code settings. For `redline scan` and the editor.
 */
export function detectIntegrationRisks(relativePath: string, text: string, options: { languageId?: string } = {}): Finding[] {
  if (classifyInstructionFile(relativePath)) return detectInstructionRisks(relativePath, text);
  const path = normalizeRelativePath(relativePath);
  const findings = unicodeFindings(text, path, false, options.languageId);
  if (isAgentSettingsFile(path)) findings.push(...detectAgentSettingsRisks(path, text));
  return sortFindings(findings);
}

function unicodeFindings(text: string, path: string, isInstructionFile: boolean, languageId?: string): Finding[] {
  const opts = { path, isInstructionFile, ...(languageId !== undefined ? { languageId } : {}) };
  return detectHiddenUnicode(text, opts).map((h) => (h.kind === 'confusable' ? confusableFinding(h, isInstructionFile) : hiddenFinding(h, isInstructionFile)));
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId));
}
