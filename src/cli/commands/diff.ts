// `redline diff <before> <after>`: guardrails an edit dropped or weakened between two versions of a file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { GuardrailEngine, languageIdForPath, type EditAnalysis } from '../../core/guardrails';
import type { Finding } from '../../core/model';
import { fileGrammarLoader } from '../grammars';
import { ExitCode, UsageError } from '../io';
import type { CliCommand } from './index';
import { applyRuleLevels, loadPolicy, policyFlag } from '../policy';

const usage = `Usage: redline diff <before-file> <after-file> [--language <id>] [--format text|json] [--policy <file>]

Compares two versions of one file and reports guardrails the edit dropped, weakened or
downgraded: auth checks, rate and size limits, validation, escaping, TLS and JWT checks...
JavaScript, TypeScript, TSX, Python, Go and Java are parsed; other files get a textual check.

Options:
  --language <id>     VS Code language id (javascript, typescript, typescriptreact, python, go,
                      java...); by default from the after file's extension.
  --format text|json  Output format (default text). JSON shape: docs/guardrail-engine.md.
  --policy <file>     Workspace policy (default .redline/policy.jsonc): rule levels apply.

Exit codes: 0 no findings, 1 findings, 2 usage error.
`;

/** The stable JSON document `--format json` prints. */
export interface DiffReport {
  readonly version: 1;
  readonly before: string;
  readonly after: string;
  readonly language: string;
  readonly analysis: 'parsed' | 'text';
  readonly skipped?: string;
  readonly findings: readonly Finding[];
}

async function readFile(file: string, cwd: string): Promise<string> {
  const absolute = path.resolve(cwd, file);
  try {
    return await fs.promises.readFile(absolute, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${file}: no such file` : code === 'EISDIR' ? `${file}: is a directory` : `${file}: cannot read (${code ?? 'error'})`);
  }
}

function formatText(report: DiffReport): string {
  const lines: string[] = [];
  if (report.skipped) return `${report.after}: skipped, ${report.skipped}.\n`;
  if (report.findings.length === 0) return `${report.after}: no guardrail dropped (${report.language}, ${report.analysis}).\n`;
  for (const f of report.findings) {
    lines.push(`${report.after}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.ruleId} (${f.change ?? 'changed'}, ${f.confidence}): ${f.message}`);
    if (f.removedSnippet) lines.push(`    was: ${f.removedSnippet.split('\n')[0]?.trim() ?? ''}${f.removedSnippet.includes('\n') ? ' …' : ''}`);
  }
  lines.push('', `${report.findings.length} finding${report.findings.length === 1 ? '' : 's'} (${report.language}, ${report.analysis}).`);
  return `${lines.join('\n')}\n`;
}

export const diffCommand: CliCommand = {
  name: 'diff',
  summary: 'Guardrails dropped or weakened between two versions of a file.',
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { language: { type: 'string' }, format: { type: 'string', default: 'text' }, ...policyFlag },
    });
    if (positionals.length !== 2) throw new UsageError('expects <before-file> <after-file>');
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format '${format}' (text or json)`);
    const [beforeFile, afterFile] = positionals as [string, string];
    const policy = await loadPolicy(io.cwd, io, values.policy);
    const [before, after] = await Promise.all([readFile(beforeFile, io.cwd), readFile(afterFile, io.cwd)]);
    const language = values.language ?? languageIdForPath(afterFile);
    const engine = new GuardrailEngine(fileGrammarLoader());
    await engine.ensureLanguage(language);
    const analysis: EditAnalysis = engine.analyzeEdit({ before, after, languageId: language, path: afterFile });
    const report: DiffReport = {
      version: 1, before: beforeFile, after: afterFile, language, analysis: analysis.language,
      ...(analysis.skipped ? { skipped: analysis.skipped } : {}),
      findings: applyRuleLevels(analysis.findings.map((finding) => ({ finding })), policy).map((f) => f.finding),
    };
    io.out(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatText(report));
    return report.findings.length > 0 ? ExitCode.findings : ExitCode.clean;
  },
};
