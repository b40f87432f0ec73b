// Rule mcp-server-unpinned: an MCP server started from a package or image that is not pinned to a version.
import type { Finding, RuleMeta } from '../model';
import { lineFinding } from '../inventory/finding';
import type { McpServerInfo } from '../inventory/mcp-server';

/** Metadata of `mcp-server-unpinned`. */
export const meta: RuleMeta = {
  id: 'mcp-server-unpinned',
  title: 'MCP server not pinned to a version',
  family: 'integration',
  defaultSeverity: 'warning',
  languages: ['json', 'jsonc', 'yaml'],
  description: 'Finds MCP servers started with npx, uvx, pipx or docker from a package or image without an exact version or digest, so whatever is published next runs with the assistant\'s access.',
  cwe: ['CWE-494', 'CWE-829'],
  owasp: ['LLM03:2025 Supply Chain', 'A08:2021 Software and Data Integrity Failures'],
};

/** The finding for an unpinned server, if it is one. */
export function detect(server: McpServerInfo): Finding | undefined {
  const launch = server.launch;
  if (!launch || launch.pin !== 'none' || !launch.spec) return undefined;
  const line = server.spec.command?.line ?? server.spec.line;
  return lineFinding(meta, line,
    `MCP server \`${server.spec.name}\` starts \`${launch.launcher} ${launch.spec}\` without a pinned version: whatever is published next runs with your assistant's access. Pin it, e.g. \`${launch.example ?? `${launch.launcher} ${launch.spec}@1.2.3`}\`.`,
    { context: `MCP server \`${server.spec.name}\``, fingerprint: `${meta.id}:${server.spec.file}#${server.spec.name}:${launch.spec}` });
}
