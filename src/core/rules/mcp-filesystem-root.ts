// Rule mcp-filesystem-root: a filesystem MCP server that may read the whole disk or the home folder.
import type { Finding, RuleMeta } from '../model';
import { lineFinding } from '../inventory/finding';
import type { McpServerInfo } from '../inventory/mcp-server';

/** Metadata of `mcp-filesystem-root`. */
export const meta: RuleMeta = {
  id: 'mcp-filesystem-root',
  title: 'Filesystem MCP server rooted at / or home',
  family: 'integration',
  defaultSeverity: 'error',
  languages: ['json', 'jsonc', 'yaml'],
  description: 'Finds filesystem MCP servers given `/`, a drive or a home folder, which lets the assistant read SSH keys, cloud credentials and every other project.',
  cwe: ['CWE-250', 'CWE-552'],
  owasp: ['LLM06:2025 Excessive Agency', 'A01:2021 Broken Access Control'],
};

/** One finding per root that is `/`, a drive or a home folder. */
export function detect(server: McpServerInfo): Finding[] {
  return server.roots.filter((r) => r.broad).map((r) => lineFinding(meta, r.line,
    `MCP server \`${server.spec.name}\` may read and write everything under \`${r.path}\`, SSH keys and cloud credentials included. Give it the project folder only, e.g. \`\${workspaceFolder}\`.`,
    { context: `MCP server \`${server.spec.name}\``, fingerprint: `${meta.id}:${server.spec.file}#${server.spec.name}:${r.path}` }));
}
