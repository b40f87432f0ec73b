// `redline check` text output: findings grouped by file with code frames, checkpoints, a summary line.
import { createColors } from 'picocolors';
import type { Colors } from 'picocolors/types';
import type { Finding, Severity } from '../../core/model';
import { LineIndex, maskSecret } from '../../core/text';
import type { CheckFinding, CheckResult, FailOn } from '../check/run';
import { failingFindings } from '../check/run';
import { safeSnippet } from './common';

/** Options of the text formatter. */
export interface TextOptions {
  readonly color: boolean;
  readonly failOn: FailOn;
  /** Lines of context around the finding's line. */
  readonly contextLines?: number;
}

const MAX_LINE = 160;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function severityLabel(c: Colors, s: Severity): string {
  return s === 'error' ? c.red('error') : s === 'warning' ? c.yellow('warning') : c.blue('info');
}

/** One source line as it may be shown: secrets masked (also the ones a finding points at), long lines cut. */
function displayLine(text: string, line: number, file: string, secrets: readonly Finding[]): string {
  let shown = text;
  for (const f of secrets) {
    if (f.range.start.line !== line) continue;
    const end = f.range.end.line === line ? f.range.end.character : shown.length;
    const value = shown.slice(f.range.start.character, end);
    if (value.length > 0) shown = `${shown.slice(0, f.range.start.character)}${maskSecret(value)}${shown.slice(end)}`;
  }
  shown = safeSnippet(shown, file).replace(/\t/g, '  ');
  return shown.length > MAX_LINE ? `${shown.slice(0, MAX_LINE)}…` : shown;
}

function codeFrame(c: Colors, lines: LineIndex, file: string, f: Finding, secrets: readonly Finding[], context: number): string[] {
  const at = f.range.start.line;
  const first = Math.max(0, at - context);
  const lastLine = lines.lineCount > 1 && lines.lineText(lines.lineCount - 1) === '' ? lines.lineCount - 2 : lines.lineCount - 1;
  const last = Math.max(at, Math.min(lastLine, at + context));
  const width = String(last + 1).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const text = displayLine(lines.lineText(n), n, file, secrets);
    const gutter = `${n === at ? c.red('>') : ' '} ${String(n + 1).padStart(width)} |`;
    out.push(`    ${n === at ? gutter : c.dim(gutter)} ${n === at ? text : c.dim(text)}`);
    if (n === at) {
      const raw = lines.lineText(n).slice(0, f.range.start.character).replace(/\t/g, '  ');
      const span = f.range.end.line === at ? Math.max(1, f.range.end.character - f.range.start.character) : Math.max(1, text.length - raw.length);
      const caretLength = f.ruleId === 'secret-in-code' ? 5 : Math.min(span, Math.max(1, MAX_LINE - raw.length));
      out.push(`    ${c.dim(`  ${' '.repeat(width)} |`)} ${' '.repeat(Math.min(raw.length, MAX_LINE))}${c.red('^'.repeat(caretLength))}`);
    }
  }
  return out;
}

function findingBlock(c: Colors, item: CheckFinding, lines: LineIndex | undefined, secrets: readonly Finding[], context: number): string[] {
  const f = item.finding;
  const pos = `${f.range.start.line + 1}:${f.range.start.character + 1}`;
  const out = [`  ${c.dim(pos.padEnd(7))} ${severityLabel(c, f.severity)}  ${f.message}  ${c.dim(f.ruleId)}`];
  if (lines) out.push(...codeFrame(c, lines, item.file, f, secrets, context));
  if (f.removedSnippet) {
    const first = safeSnippet(f.removedSnippet, item.file).split('\n')[0]?.trim() ?? '';
    out.push(`    ${c.dim('was:')} ${first}${f.removedSnippet.includes('\n') ? ' …' : ''}`);
  }
  return out;
}

function byFile(items: readonly CheckFinding[]): Map<string, CheckFinding[]> {
  const groups = new Map<string, CheckFinding[]>();
  for (const item of items) groups.set(item.file, [...(groups.get(item.file) ?? []), item]);
  return groups;
}

function summary(c: Colors, result: CheckResult, failOn: FailOn): string {
  const count = (s: Severity): number => result.findings.filter((f) => f.finding.severity === s).length;
  const parts = [count('error') ? plural(count('error'), 'error') : '', count('warning') ? plural(count('warning'), 'warning') : '', count('info') ? `${count('info')} info` : ''].filter(Boolean);
  const failing = failingFindings(result, failOn).length > 0;
  const files = new Set(result.findings.map((f) => f.file)).size;
  const head = result.findings.length === 0
    ? c.green('✔ No findings')
    : `${failing ? c.red('✖') : c.yellow('!')} ${plural(result.findings.length, 'finding')} (${parts.join(', ')}) in ${plural(files, 'file')}`;
  const extras = [
    result.acknowledged.length ? `${result.acknowledged.length} acknowledged` : '',
    result.checkpoints.length ? plural(result.checkpoints.length, 'review checkpoint') : '',
  ].filter(Boolean);
  const skipped = result.files.filter((f) => f.skipped && f.skipped !== 'deleted');
  const compared = `${result.target === 'index' ? 'staged changes' : 'working tree'} vs ${result.base.ref} (${result.base.commit.slice(0, 8)})`;
  return `${head}${extras.length ? `; ${extras.join(', ')}` : ''}. ${plural(result.files.length, 'changed file')}${skipped.length ? `, ${skipped.length} skipped` : ''}; ${compared}.`;
}

/** Formats a check result for a terminal or a log. */
export function formatText(result: CheckResult, options: TextOptions): string {
  const c = createColors(options.color);
  const context = options.contextLines ?? 1;
  const out: string[] = [];
  for (const w of result.warnings) out.push(c.yellow(`warning: ${w}`));
  for (const [file, items] of byFile(result.findings)) {
    const text = result.texts.get(file);
    const lines = text === undefined ? undefined : new LineIndex(text);
    const secrets = items.map((i) => i.finding).filter((f) => f.ruleId === 'secret-in-code');
    out.push('', c.bold(c.underline(file)));
    for (const item of items) out.push(...findingBlock(c, item, lines, secrets, context));
  }
  if (result.acknowledged.length > 0) {
    out.push('', c.bold('Acknowledged (not failing):'));
    for (const a of result.acknowledged) {
      const f = a.finding;
      out.push(`  ${a.file}:${f.range.start.line + 1}  ${c.dim(f.ruleId)}  "${a.acknowledgement.reason}"${a.acknowledgement.user ? ` (${a.acknowledgement.user})` : ''}`);
    }
  }
  if (result.checkpoints.length > 0) {
    out.push('', c.bold('Review checkpoints (changed paths a reviewer must look at):'));
    for (const cp of result.checkpoints) {
      const moved = cp.oldPath ? ` (from ${cp.oldPath})` : '';
      out.push(`  ${c.cyan('◆')} ${cp.file}${moved}  ${c.dim(`${cp.status}, matches ${cp.patterns.join(', ')}`)}`);
    }
  }
  const skipped = result.files.filter((f) => f.skipped && f.skipped !== 'deleted');
  if (skipped.length > 0) out.push('', c.dim(`Skipped: ${skipped.map((f) => `${f.path} (${f.skipped ?? ''})`).join(', ')}`));
  out.push('', summary(c, result, options.failOn));
  return `${out.join('\n').replace(/^\n/, '')}\n`;
}
