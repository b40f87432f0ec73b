// Rule mcp-inline-secret: a token or password written into an MCP server's config instead of referenced.
import type { Finding, RuleMeta } from '../model';
import { lineFinding } from '../inventory/finding';
import type { McpServerInfo } from '../inventory/mcp-server';

/** Metadata of `mcp-inline-secret`. */
export const meta: RuleMeta = {
  id: 'mcp-inline-secret',
  title: 'Secret written into an MCP config',
  family: 'integration',
  defaultSeverity: 'error',
  languages: ['json', 'jsonc', 'yaml'],
  description: 'Finds tokens, API keys and passwords written inline in an MCP server\'s env, headers, arguments or URL, where they are committed and readable by every assistant.',
  cwe: ['CWE-798', 'CWE-312'],
  owasp: ['A07:2021 Identification and Authentication Failures', 'LLM02:2025 Sensitive Information Disclosure'],
};

/** One finding per inline secret of a server (values masked). */
export function detect(server: McpServerInfo): Finding[] {
  return server.secrets.map((s) => lineFinding(meta, s.line,
    `MCP server \`${server.spec.name}\` has \`${s.key}\` written inline in its ${s.where} (\`${s.masked}\`): it is committed with the config and any assistant can read it. Use \`\${input:…}\` or \`\${env:${/^[A-Z_][A-Z0-9_]*$/.test(s.key) ? s.key : 'NAME'}}\` and rotate the value.`,
    { context: `MCP server \`${server.spec.name}\``, fingerprint: `${meta.id}:${server.spec.file}#${server.spec.name}:${s.where}:${s.key}` }));
}
