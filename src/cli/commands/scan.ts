// `redline scan [paths…]`: runs the file checks (secrets first) over a tree and reports masked findings.
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { Finding } from '../../core/model';
import { ExitCode, UsageError, type CliIo } from '../io';
import { depsScanFlags, scanDependencyRoots } from '../deps-scan';
import { dependencyChecks, scanChecks, type ScanCheck } from '../scan-checks';
import { readTextFile, walk } from '../walk';
import type { CliCommand } from './index';
import { applyRuleLevels, loadPolicy, policyFlag } from '../policy';

const usage = `Usage: redline scan [paths…] [--format text|json] [--deps] [--policy <file>]

Scans files for secrets (API keys, tokens, private keys, passwords) and prints masked findings.
Folders are walked recursively, honouring .gitignore. Binary files, files over 5 MB and invalid
UTF-8 are skipped with a reason.

Options:
  --format text|json  Output format (default text).
  --deps              Also run dependency checks on manifests and lockfiles.
  --policy <file>     Workspace policy (default .redline/policy.jsonc): rule levels apply.
  --online            With --deps: ask the registries whether each package exists (off by default).
  --registry-npm URL, --registry-pypi URL, --registry-osv URL
                      Registries for --online (or REDLINE_REGISTRY_NPM/_PYPI/_OSV).

Exit codes: 0 no findings, 1 findings, 2 usage error.
`;

/** A finding with the file it was found in. */
interface FileFinding {
  readonly file: string;
  readonly finding: Finding;
}

interface ScanResult {
  readonly findings: FileFinding[];
  readonly skipped: { file: string; reason: string }[];
  scanned: number;
  bytes: number;
}

function progress(io: CliIo, result: ScanResult, last: { at: number }, done = false): void {
  if (!io.isTTY) return;
  const now = Date.now();
  if (!done && now - last.at < 150) return;
  last.at = now;
  const mb = (result.bytes / 1e6).toFixed(1);
  io.err(done ? '\r\x1b[K' : `\r\x1b[Kscanning: ${result.scanned} files, ${mb} MB, ${result.findings.length} findings`);
}

async function scanPaths(roots: readonly string[], checks: readonly ScanCheck[], io: CliIo): Promise<ScanResult> {
  const result: ScanResult = { findings: [], skipped: [], scanned: 0, bytes: 0 };
  const last = { at: 0 };
  const seen = new Set<string>();
  for (const root of roots) {
    for await (const entry of walk(root, { displayBase: io.cwd })) {
      if (entry.kind === 'dir') continue;
      if (entry.kind === 'skip') {
        result.skipped.push({ file: entry.path, reason: entry.reason });
        continue;
      }
      if (seen.has(entry.absolute)) continue;
      seen.add(entry.absolute);
      const applicable = checks.filter((c) => c.appliesTo(entry.path));
      if (applicable.length === 0) continue;
      const read = await readTextFile(entry.absolute);
      if ('skip' in read) {
        result.skipped.push({ file: entry.path, reason: read.skip });
        continue;
      }
      result.scanned++;
      result.bytes += read.bytes;
      for (const check of applicable) {
        for (const finding of check.check(entry.path, read.text)) result.findings.push({ file: entry.path, finding });
      }
      progress(io, result, last);
    }
  }
  progress(io, result, last, true);
  return result;
}

function skippedSummary(skipped: readonly { reason: string }[]): string {
  const byReason = new Map<string, number>();
  for (const s of skipped) byReason.set(s.reason, (byReason.get(s.reason) ?? 0) + 1);
  return [...byReason].map(([reason, n]) => `${n} ${reason}`).join(', ');
}

function formatText(result: ScanResult): string {
  const lines = result.findings.map(({ file, finding: f }) =>
    `${file}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.severity}  ${f.ruleId}  ${f.message}`);
  const files = new Set(result.findings.map((f) => f.file)).size;
  const skipped = result.skipped.length > 0 ? `, ${result.skipped.length} skipped: ${skippedSummary(result.skipped)}` : '';
  const head = result.findings.length === 0 ? 'No findings' : `${result.findings.length} finding${result.findings.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`;
  lines.push(`${head} (${result.scanned} file${result.scanned === 1 ? '' : 's'} scanned${skipped}).`);
  return `${lines.join('\n')}\n`;
}

function formatJson(result: ScanResult): string {
  return `${JSON.stringify({
    findings: result.findings.map(({ file, finding: f }) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      confidence: f.confidence,
      file,
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      message: f.message,
      detector: f.context,
      fingerprint: f.fingerprint,
    })),
    scanned: result.scanned,
    bytes: result.bytes,
    skipped: result.skipped,
  }, null, 2)}\n`;
}

/** `redline scan`. */
export const scanCommand: CliCommand = {
  name: 'scan',
  summary: 'Scan files for secrets (masked output).',
  usage,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { format: { type: 'string', default: 'text' }, deps: { type: 'boolean', default: false }, ...depsScanFlags, ...policyFlag },
    });
    const format = values.format;
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not '${format}'.`);
    const checks = values.deps ? [...scanChecks, ...dependencyChecks] : scanChecks;
    const roots = (positionals.length > 0 ? positionals : ['.']).map((p) => path.resolve(io.cwd, p));
    const policy = await loadPolicy(io.cwd, io, values.policy);
    const result = await scanPaths(roots, checks, io);
    if (values.deps) result.findings.push(...await scanDependencyRoots(roots, io.cwd, values, io.env));
    const missing = result.skipped.filter((s) => roots.some((r) => path.resolve(io.cwd, s.file) === r) && s.reason.startsWith('missing'));
    if (missing.length > 0 && result.scanned === 0) throw new UsageError(`no such file or folder: ${missing.map((m) => m.file).join(', ')}`);
    result.findings.splice(0, result.findings.length, ...applyRuleLevels(result.findings, policy));
    io.out(format === 'json' ? formatJson(result) : formatText(result));
    return result.findings.length > 0 ? ExitCode.findings : ExitCode.clean;
  },
};
