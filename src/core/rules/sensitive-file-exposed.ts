// Rule sensitive-file-exposed: a sensitive file that an AI assistant present in the workspace can read.
import { assistantById } from '../assistants';
import type { ExposureEntry, ExposureReport } from '../context/exposure';
import type { Finding, RuleMeta } from '../model';

/** Metadata of `sensitive-file-exposed`. */
export const meta: RuleMeta = {
  id: 'sensitive-file-exposed',
  title: 'Sensitive file exposed to an AI assistant',
  family: 'integration',
  defaultSeverity: 'warning',
  languages: '*',
  description: 'Finds sensitive files (keys, .env files, credentials, files holding secrets) that an assistant present in the workspace can read because its exclusion file does not cover them.',
  cwe: ['CWE-200', 'CWE-538'],
  owasp: ['A01:2021 Broken Access Control', 'LLM02:2025 Sensitive Information Disclosure'],
};

/** A finding about one file. */
export interface FileFinding {
  readonly path: string;
  readonly finding: Finding;
}

function why(entry: ExposureEntry): string {
  const r = entry.reasons[0];
  if (!r) return 'sensitive';
  return r.kind === 'glob' ? `matches \`${r.glob}\`` : `holds a ${r.title} (\`${r.masked}\`, line ${r.line})`;
}

const names = (ids: readonly string[]): string => ids.map((id) => assistantById(id)?.name ?? id).join(', ');

/** One finding per exposed sensitive file, naming the assistants that can read it. */
export function detect(report: ExposureReport): FileFinding[] {
  const out: FileFinding[] = [];
  for (const entry of report.entries) {
    if (entry.exposedTo.length === 0) continue;
    const indexing = entry.indexingOnly.length > 0
      ? ` It is listed only in .cursorindexingignore, which stops indexing but protects nothing: move it to .cursorignore.`
      : '';
    out.push({
      path: entry.path,
      finding: {
        ruleId: meta.id,
        severity: meta.defaultSeverity,
        confidence: entry.reasons.some((r) => r.kind === 'secret') ? 'high' : 'medium',
        message: `\`${entry.path}\` ${why(entry)} and can be read by ${names(entry.exposedTo)}: no exclusion covers it.${indexing} Run "Redline: Sync AI exclusions" to add it to every assistant's exclusion file.`,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: entry.path,
        fingerprint: `${meta.id}:${entry.path}`,
      },
    });
  }
  return out;
}
