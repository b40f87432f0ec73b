// Rule mcp-config-invalid: an MCP or agent config that is not valid JSON, so nobody can tell what it starts.
import type { Finding, RuleMeta } from '../model';
import type { ConfigProblem } from '../inventory/mcp-config';

/** Metadata of `mcp-config-invalid`. */
export const meta: RuleMeta = {
  id: 'mcp-config-invalid',
  title: 'MCP or agent config cannot be read',
  family: 'integration',
  defaultSeverity: 'warning',
  languages: ['json', 'jsonc'],
  description: 'Finds MCP and agent config files that are not valid JSON, which an assistant may read differently than Redline and you do.',
  cwe: ['CWE-1286'],
  owasp: ['A05:2021 Security Misconfiguration'],
};

/** The finding for a config file Redline could not parse. */
export function detect(problem: ConfigProblem): Finding {
  return {
    ruleId: meta.id,
    severity: meta.defaultSeverity,
    confidence: 'high',
    message: `\`${problem.file}\` is not valid JSON (${problem.message} at line ${problem.line + 1}); an assistant may start servers from it that Redline cannot list. Fix the file so it can be checked.`,
    range: { start: { line: problem.line, character: problem.character }, end: { line: problem.line, character: problem.character + 1 } },
    context: problem.file,
    fingerprint: `${meta.id}:${problem.file}`,
  };
}
