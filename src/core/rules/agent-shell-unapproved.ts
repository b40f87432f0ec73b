// Rule agent-shell-unapproved: an assistant may run shell commands without asking, while untrusted input reaches it.
import type { Finding, RuleMeta } from '../model';
import { lineFinding } from '../inventory/finding';
import type { Permission } from '../inventory/permissions';

/** Metadata of `agent-shell-unapproved`. */
export const meta: RuleMeta = {
  id: 'agent-shell-unapproved',
  title: 'Agent may run shell commands without approval',
  family: 'integration',
  defaultSeverity: 'error',
  languages: ['json', 'jsonc', 'toml'],
  description: 'Finds assistant settings that let the agent run any shell command without asking (Claude Code `Bash(*)`, VS Code `chat.tools.autoApprove`, Gemini `run_shell_command`, Codex `approval_policy = "never"`), while web pages, issues or MCP servers can feed it instructions.',
  cwe: ['CWE-250', 'CWE-77'],
  owasp: ['LLM06:2025 Excessive Agency', 'LLM01:2025 Prompt Injection'],
};

/**
 * The finding for a permission that lets an assistant run shell commands unasked. `feeders` names what
 * brings it untrusted input (MCP servers, built-in web tools).
 */
export function detect(permission: Permission, assistantName: string, feeders: readonly string[]): Finding | undefined {
  if (!permission.shell) return undefined;
  const fed = feeders.length > 0 ? `, while ${feeders.join(', ')} can feed it instructions from outside` : '';
  return lineFinding(meta, permission.line,
    `\`${permission.setting}\` lets ${assistantName} run any shell command without asking${fed}: one planted instruction can read your secrets and send them away. Allow specific commands instead (e.g. \`Bash(npm test:*)\`).`,
    { context: assistantName, fingerprint: `${meta.id}:${permission.file}:${permission.setting}` });
}
