// Rule integration-not-allowed: an assistant or MCP server that the workspace policy's allow-list does not name.
import type { Finding, RuleMeta, Severity } from '../model';
import { lineFinding } from '../inventory/finding';

/** Metadata of `integration-not-allowed`. */
export const meta: RuleMeta = {
  id: 'integration-not-allowed',
  title: 'Integration not in the allow-list',
  family: 'integration',
  defaultSeverity: 'warning',
  languages: '*',
  description: 'Finds assistants and MCP servers that the workspace policy\'s `integrations.allowed` list does not name (by name, id, extension id, package, image or URL).',
  cwe: ['CWE-1104'],
  owasp: ['LLM03:2025 Supply Chain', 'A06:2021 Vulnerable and Outdated Components'],
};

/** What an allow-list entry may match: names, ids, packages, URLs of one integration. */
export interface AllowIdentity {
  readonly id: string;
  readonly kind: 'assistant' | 'mcp-server';
  readonly name: string;
  /** Every name the integration goes by (lower-cased when compared). */
  readonly identities: readonly string[];
  /** Remote URL, matched by prefix. */
  readonly url?: string;
}

/** True when an allow-list entry names the integration: equal to one identity (case-insensitive), or a prefix of its URL. */
export function isAllowed(integration: AllowIdentity, allowed: readonly string[]): boolean {
  const ids = new Set(integration.identities.map((i) => i.toLowerCase()));
  const url = integration.url?.toLowerCase();
  return allowed.some((entry) => {
    const e = entry.trim().toLowerCase();
    if (!e) return false;
    if (ids.has(e)) return true;
    return url !== undefined && /^https?:\/\//.test(e) && (url === e || url.startsWith(e.endsWith('/') ? e : `${e}/`) || url.startsWith(`${e}?`));
  });
}

/** The finding for an integration the allow-list does not name; none when there is no allow-list. */
export function detect(integration: AllowIdentity, allowed: readonly string[] | null | undefined, file: string, line: number, severity?: Severity): Finding | undefined {
  if (!allowed || isAllowed(integration, allowed)) return undefined;
  const what = integration.kind === 'assistant' ? 'Assistant' : 'MCP server';
  return lineFinding(meta, line,
    `${what} \`${integration.name}\` is not in the workspace policy's \`integrations.allowed\` list. Remove it, or ask the policy owner to allow \`${integration.identities[1] ?? integration.name}\`.`,
    { ...(severity ? { severity } : {}), context: `${what} \`${integration.name}\``, fingerprint: `${meta.id}:${integration.id}:${file}` });
}
