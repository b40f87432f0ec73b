// `redline check`: the gate every change passes in CI and pre-commit (guardrails, secrets, hidden Unicode, deps, checkpoints).
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { version } from '../../../package.json';
import { exitCodeFor, runCheck, type FailOn } from '../check/run';
import { formatJson } from '../format/json';
import { formatSarif } from '../format/sarif';
import { formatText } from '../format/text';
import { UsageError, type CliIo } from '../io';
import type { CliCommand } from './index';

const usage = `Usage: redline check [paths…] [--base <ref>] [--staged] [--format text|json|sarif]
                     [--output <file>] [--policy <file>] [--fail-on error|warning|never] [--no-color]

Checks what changed against a base commit with git: guardrails the change dropped or weakened
(base version vs new version of each file), secrets on added lines, hidden Unicode and
instruction-file risks, new dependencies. Changes to review-required paths are listed as
review checkpoints even without findings.

Options:
  --base <ref>        Commit to compare with (default: merge-base with the default branch, else HEAD).
  --staged            Check the index (what will be committed) instead of the working tree.
  --format <f>        text (default), json (docs/check-json.md) or sarif (SARIF 2.1.0).
  --output <file>     Write the report to a file; a one-line summary goes to standard output.
  --policy <file>     Policy file (default .redline/policy.jsonc).
  --fail-on <level>   Exit 1 on findings at or above: error (default), warning, or never.
  --no-color          No colours (they are only used on a terminal anyway).

Environment: REDLINE_CHECK_WORKERS=<n> sets the worker threads for large changes (0: one thread).

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or configuration error.
`;

const FORMATS = ['text', 'json', 'sarif'] as const;
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never'];

type Format = (typeof FORMATS)[number];

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} must be ${allowed.join(', ')}; got '${value}'`);
  return value as T;
}

/** `redline check`. */
export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'Check changes against a base commit (for CI and pre-commit).',
  usage,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        'base': { type: 'string' },
        'staged': { type: 'boolean', default: false },
        'format': { type: 'string', default: 'text' },
        'output': { type: 'string' },
        'policy': { type: 'string' },
        'fail-on': { type: 'string', default: 'error' },
        'no-color': { type: 'boolean', default: false },
      },
    });
    const format: Format = oneOf(values.format ?? 'text', FORMATS, '--format');
    const failOn = oneOf(values['fail-on'] ?? 'error', FAIL_ON, '--fail-on');
    const result = await runCheck({
      cwd: io.cwd,
      paths: positionals,
      ...(values.base !== undefined ? { base: values.base } : {}),
      staged: values.staged ?? false,
      ...(values.policy !== undefined ? { policy: values.policy } : {}),
      ...workersFromEnv(io.env.REDLINE_CHECK_WORKERS),
    });
    const toFile = values.output !== undefined;
    const color = !toFile && io.isTTY && !values['no-color'] && io.env.NO_COLOR === undefined;
    const report = format === 'json' ? formatJson(result, failOn, version)
      : format === 'sarif' ? formatSarif(result, version)
        : formatText(result, { color, failOn });
    const code = exitCodeFor(result, failOn);
    if (values.output !== undefined) {
      const target = path.resolve(io.cwd, values.output);
      try {
        await fs.writeFile(target, report, 'utf8');
      } catch (err) {
        throw new UsageError(`cannot write ${values.output}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
      }
      io.out(`${summaryLine(result.findings.length, result.checkpoints.length, code)} Report: ${values.output}\n`);
    } else {
      io.out(report);
    }
    return code;
  },
};

function workersFromEnv(value: string | undefined): { workers?: number } {
  if (value === undefined || value === '') return {};
  if (!/^\d{1,2}$/.test(value)) throw new UsageError(`REDLINE_CHECK_WORKERS must be a number of threads; got '${value}'`);
  return { workers: Number(value) };
}

function summaryLine(findings: number, checkpoints: number, code: number): string {
  const f = `${findings} finding${findings === 1 ? '' : 's'}`;
  const c = checkpoints > 0 ? `, ${checkpoints} review checkpoint${checkpoints === 1 ? '' : 's'}` : '';
  return `redline check: ${f}${c}${code === 1 ? ' (failing)' : ''}.`;
}
