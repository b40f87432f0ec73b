// `redline exposure [dir]`: which sensitive files the workspace's AI assistants can read, and which
// exclusion files cover them.
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { assistants as allAssistants, assistantsFromMarkers } from '../../core/assistants';
import { computeExposure, type ExposureReport } from '../../core/context/exposure';
import { sensitiveMatcher } from '../../core/context/sensitive';
import { detect as exposedFindings, type FileFinding } from '../../core/rules/sensitive-file-exposed';
import { detectSecrets, type SecretMatch } from '../../core/secrets';
import { ExitCode, UsageError, type CliIo } from '../io';
import { readTextFile, walk } from '../walk';
import type { CliCommand } from './index';
import { applyRuleLevels, loadPolicy, policyFlag } from '../policy';

const usage = `Usage: redline exposure [dir] [--format text|json] [--policy <file>]

Lists sensitive files (by name, or because they hold a secret), the AI assistants found in the
workspace that can read them, and the exclusion files (.cursorignore, .aiexclude, Claude Code
permissions.deny...) that cover them. .gitignore does not hide a file from an assistant, so
ignored files are included. When no assistant is found, every known assistant is assumed.

Options:
  --format text|json  Output format (default text).
  --policy <file>     Workspace policy (default .redline/policy.jsonc in dir): its sensitive globs
                      and rule levels apply.

Exit codes: 0 nothing exposed, 1 sensitive files exposed, 2 usage error.
`;

/** Base names of the files that hold exclusions. */
const exclusionNames = new Set(allAssistants.flatMap((a) => a.ignore.filter((i) => i.format === 'gitignore').map((i) => path.posix.basename(i.file))));
const claudeSettings = new Set(['.claude/settings.json', '.claude/settings.local.json']);

interface Collected {
  readonly files: string[];
  readonly dirs: string[];
  readonly ignoreFiles: Map<string, string>;
  readonly secrets: Map<string, readonly SecretMatch[]>;
}

async function collect(root: string): Promise<Collected> {
  const out: Collected = { files: [], dirs: [], ignoreFiles: new Map(), secrets: new Map() };
  for await (const entry of walk(root, { displayBase: root, gitignore: false, pruneNames: ['.git', 'node_modules', '.venv', 'venv', '__pycache__'] })) {
    if (entry.kind === 'dir') out.dirs.push(`${entry.path}/`);
    if (entry.kind !== 'file') continue;
    out.files.push(entry.path);
    const read = await readTextFile(entry.absolute);
    if ('skip' in read) continue;
    if (exclusionNames.has(path.posix.basename(entry.path)) || claudeSettings.has(entry.path)) out.ignoreFiles.set(entry.path, read.text);
    const secrets = detectSecrets(read.text, { path: entry.path }).filter((s) => s.confidence !== 'low');
    if (secrets.length > 0) out.secrets.set(entry.path, secrets);
  }
  return out;
}

function formatText(dir: string, report: ExposureReport, findings: readonly FileFinding[], assumed: boolean): string {
  const lines: string[] = [];
  const exposed = report.entries.filter((e) => e.exposedTo.length > 0).length;
  lines.push(`AI context exposure of ${dir}: ${report.entries.length} sensitive file${report.entries.length === 1 ? '' : 's'}, ${exposed} exposed (${report.fileCount} files checked).`);
  if (assumed) lines.push('No assistant files found in the workspace: showing exposure to every assistant Redline knows.');
  lines.push('', 'Assistants:');
  for (const a of report.assistants) {
    const files = a.ignoreFiles.map((f) => `${f.file} ${f.present ? 'present' : 'missing'}${f.protectsNothing ? ' (indexing only)' : ''}`).join(', ');
    lines.push(`  ${a.name}: ${a.exposed.length} exposed, ${a.covered} covered${files ? `; ${files}` : ''}${a.note ? `. ${a.note}` : ''}`);
  }
  for (const e of report.entries) {
    lines.push('', e.path);
    const why = e.reasons.map((r) => (r.kind === 'glob' ? `matches ${r.glob}` : `${r.title} ${r.masked} on line ${r.line}`)).join('; ');
    lines.push(`  sensitive: ${why}`);
    const names = (ids: readonly string[]): string => ids.map((id) => report.assistants.find((a) => a.id === id)?.name ?? id).join(', ');
    lines.push(`  readable by: ${e.exposedTo.length > 0 ? names(e.exposedTo) : 'none of the assistants'}`);
    if (e.coveredBy.length > 0) lines.push(`  covered by: ${e.coveredBy.map((c) => `${c.file} (${c.pattern})`).join(', ')}`);
    for (const gap of e.gaps) lines.push(`  gap: ${gap}`);
  }
  if (findings.length > 0) {
    lines.push('', 'Findings:');
    for (const f of findings) lines.push(`  ${f.path}  ${f.finding.severity}  ${f.finding.ruleId}  ${f.finding.message}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `redline exposure`. */
export const exposureCommand: CliCommand = {
  name: 'exposure',
  summary: 'Show which sensitive files AI assistants can read.',
  usage,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseArgs({ args: [...args], allowPositionals: true, options: { format: { type: 'string', default: 'text' }, ...policyFlag } });
    const format = values.format;
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not '${format}'.`);
    if (positionals.length > 1) throw new UsageError('give at most one folder.');
    const dir = path.resolve(io.cwd, positionals[0] ?? '.');
    const policy = await loadPolicy(dir, io, values.policy);
    const collected = await collect(dir);
    if (collected.files.length === 0 && collected.dirs.length === 0) {
      throw new UsageError(`no files found in ${positionals[0] ?? '.'} (is it a folder?)`);
    }
    const found = assistantsFromMarkers([...collected.files, ...collected.dirs]);
    const assumed = found.length === 0;
    const report = computeExposure({
      files: collected.files,
      ignoreFiles: collected.ignoreFiles,
      assistants: assumed ? allAssistants : found,
      isSensitive: sensitiveMatcher({ add: policy.values['sensitiveFiles.add'].value, remove: policy.values['sensitiveFiles.remove'].value }),
      secrets: collected.secrets,
    });
    const findings = applyRuleLevels(exposedFindings(report), policy);
    const shown = path.relative(io.cwd, dir) || '.';
    io.out(format === 'json'
      ? `${JSON.stringify({ dir: shown, assistantsAssumed: assumed, assistants: report.assistants, entries: report.entries, findings: findings.map((f) => ({ ruleId: f.finding.ruleId, severity: f.finding.severity, file: f.path, message: f.finding.message })) }, null, 2)}\n`
      : formatText(shown, report, findings, assumed));
    return findings.length > 0 ? ExitCode.findings : ExitCode.clean;
  },
};
