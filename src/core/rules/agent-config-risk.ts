// Rule agent-config-risk: agent and MCP configs that skip approvals, run hooks, or start unpinned or secret-carrying servers.
import type { Finding, RuleMeta } from '../model';
import { createHash } from 'node:crypto';
import { LineIndex } from '../text';
import { findApprovalFlags, findConfigRisks } from '../instructions/agent-config';

/** Metadata of `agent-config-risk`. */
export const meta: RuleMeta = {
  id: 'agent-config-risk',
  title: 'Risky agent or MCP configuration',
  family: 'integration',
  defaultSeverity: 'warning',
  languages: ['json', 'jsonc', 'markdown', 'plaintext', 'mdc'],
  description: 'Finds agent settings that run tools without approval (auto-approve, YOLO, Bash(*)), hooks that run shell commands, MCP servers started from unpinned npx/uvx/docker packages, and secrets written inline into MCP configs.',
  cwe: ['CWE-250', 'CWE-494', 'CWE-798'],
  owasp: ['LLM06:2025 Excessive Agency', 'LLM03:2025 Supply Chain', 'A08:2021 Software and Data Integrity Failures'],
};

/** Findings of `agent-config-risk`; `json` selects the config checks (parse errors become findings, never throws). */
export function detect(text: string, options: { json: boolean; vscodeSettings?: boolean }): Finding[] {
  const hits = [...(options.json ? findConfigRisks(text, options.vscodeSettings === true) : []), ...(options.vscodeSettings ? [] : findApprovalFlags(text, options.json))];
  if (hits.length === 0) return [];
  const index = new LineIndex(text);
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const h of hits.sort((a, b) => a.start - b.start)) {
    const key = `${h.start}:${h.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      ruleId: meta.id,
      severity: h.severity,
      confidence: 'high',
      message: h.message,
      range: index.rangeOf(h.start, h.end),
      // Hashed: the flagged span may be an inline secret.
      fingerprint: `${meta.id}:${createHash('sha256').update(`${h.message}\n${text.slice(h.start, h.end)}`).digest('hex').slice(0, 16)}`,
    });
  }
  return out;
}
