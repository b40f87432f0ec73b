// Rule integration-lethal-trifecta: one assistant can read untrusted input, read private data and act outside.
import type { Finding, RuleMeta } from '../model';
import { lineFinding } from '../inventory/finding';
import type { Capability } from '../inventory/types';

/** Metadata of `integration-lethal-trifecta`. */
export const meta: RuleMeta = {
  id: 'integration-lethal-trifecta',
  title: 'Assistant joins untrusted input, private data and a way out',
  family: 'integration',
  defaultSeverity: 'error',
  languages: '*',
  description: 'Finds an assistant whose MCP servers and permissions together let it read untrusted input, read private data and send data out, so a planted instruction can exfiltrate secrets.',
  cwe: ['CWE-200', 'CWE-441', 'CWE-77'],
  owasp: ['LLM01:2025 Prompt Injection', 'LLM06:2025 Excessive Agency', 'LLM02:2025 Sensitive Information Disclosure'],
};

/** Something that gives an assistant capabilities: an MCP server or a permission. */
export interface Contributor {
  readonly id: string;
  /** e.g. "`fetch` (MCP)" or "`Bash(*)` (permission)". */
  readonly label: string;
  readonly capabilities: readonly Capability[];
}

const names = (list: readonly Contributor[], c: Capability): string => list.filter((x) => x.capabilities.includes(c)).map((x) => x.label).join(', ');

/** The finding when the contributors of one assistant cover all three capabilities and at least one is an MCP server. */
export function detect(assistant: { id: string; name: string }, contributors: readonly Contributor[], file: string, line: number): Finding | undefined {
  const has = (c: Capability): boolean => contributors.some((x) => x.capabilities.includes(c));
  if (!has('untrusted-input') || !has('private-data') || !has('acts-outside')) return undefined;
  if (!contributors.some((x) => x.id.startsWith('mcp:'))) return undefined;
  const message = `${assistant.name} can read untrusted input (${names(contributors, 'untrusted-input')}), read private data (${names(contributors, 'private-data')}) and send data out (${names(contributors, 'acts-outside')}): a planted instruction in a web page, issue or message can make it send your secrets away. Remove one leg, or require approval for every tool call of these servers.`;
  return lineFinding(meta, line, message, { context: assistant.name, fingerprint: `${meta.id}:${assistant.id}:${file}:${contributors.map((c) => c.id).sort().join(',')}` });
}
