// Rule mcp-remote-insecure: a remote MCP server reached over plain HTTP.
import type { Finding, RuleMeta } from '../model';
import { lineFinding } from '../inventory/finding';
import type { McpServerInfo } from '../inventory/mcp-server';

/** Metadata of `mcp-remote-insecure`. */
export const meta: RuleMeta = {
  id: 'mcp-remote-insecure',
  title: 'Remote MCP server over plain HTTP',
  family: 'integration',
  defaultSeverity: 'warning',
  languages: ['json', 'jsonc', 'yaml'],
  description: 'Finds remote MCP servers reached over http:// (other than localhost), whose tool calls, results and tokens can be read or changed on the way.',
  cwe: ['CWE-319'],
  owasp: ['A02:2021 Cryptographic Failures'],
};

/** The finding for a server reached over plain HTTP, if it is one. */
export function detect(server: McpServerInfo): Finding | undefined {
  if (server.transport === 'stdio' || server.scheme !== 'http' || !server.host) return undefined;
  if (/^(?:localhost|127\.0\.0\.1|\[::1\])$/.test(server.host)) return undefined;
  return lineFinding(meta, server.spec.url?.line ?? server.spec.line,
    `MCP server \`${server.spec.name}\` is reached over plain HTTP at \`${server.host}\`: tool calls, their results and any token can be read or changed on the way. Use https://.`,
    { context: `MCP server \`${server.spec.name}\``, fingerprint: `${meta.id}:${server.spec.file}#${server.spec.name}:${server.host}` });
}
