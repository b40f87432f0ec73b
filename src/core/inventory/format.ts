// Renders an inventory as JSON (the documented shape), plain text or Markdown for a pull request.
// Messages and details are already masked; nothing here sees a secret value.
import { capabilityLabels, type Integration, type Inventory, type InventoryFinding } from './types';

/** One integration in the JSON report. */
export interface InventoryJsonIntegration {
  readonly id: string;
  readonly kind: Integration['kind'];
  readonly name: string;
  readonly source: string;
  readonly line?: number;
  readonly capabilities: readonly string[];
  readonly details: Integration['details'];
  readonly related: readonly string[];
}

/** One finding in the JSON report. */
export interface InventoryJsonFinding {
  readonly ruleId: string;
  readonly severity: string;
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly message: string;
  readonly integrations: readonly string[];
}

/** The JSON report (see docs/inventory.md). */
export interface InventoryJson {
  readonly host?: Inventory['host'];
  readonly integrations: readonly InventoryJsonIntegration[];
  readonly findings: readonly InventoryJsonFinding[];
}

/** The documented JSON shape of an inventory. */
export function inventoryToJson(inv: Inventory): InventoryJson {
  return {
    ...(inv.host ? { host: inv.host } : {}),
    integrations: inv.integrations.map((i) => ({
      id: i.id, kind: i.kind, name: i.name, source: i.source.file, ...(i.source.line !== undefined ? { line: i.source.line } : {}),
      capabilities: [...i.capabilities], details: i.details, related: [...i.related],
    })),
    findings: inv.findings.map(findingJson),
  };
}

function findingJson(f: InventoryFinding): InventoryJsonFinding {
  return { ruleId: f.finding.ruleId, severity: f.finding.severity, file: f.file, line: f.finding.range.start.line + 1, message: f.finding.message, integrations: [...f.integrations] };
}

const KIND_TITLES: Readonly<Record<Integration['kind'], string>> = { assistant: 'Assistants', 'mcp-server': 'MCP servers', model: 'Models' };

/** Short capability badges, e.g. "reads untrusted input, acts outside". */
export function capabilityText(i: Integration): string {
  return i.capabilities.length > 0 ? i.capabilities.map((c) => capabilityLabels[c]).join(', ') : 'no outside reach found';
}

function where(i: Integration): string {
  return i.source.line !== undefined ? `${i.source.file}:${i.source.line}` : i.source.file;
}

function detailText(v: Integration['details'][string]): string {
  return Array.isArray(v) ? v.join('; ') : String(v);
}

/** Plain text for the terminal. */
export function inventoryToText(inv: Inventory, dir: string): string {
  const lines: string[] = [`AI integrations in ${dir}: ${counts(inv)}.`];
  if (inv.host) lines.push(`Editor: ${inv.host.appName}${inv.host.remoteName ? ` (remote ${inv.host.remoteName})` : ''}`);
  for (const kind of ['assistant', 'mcp-server', 'model'] as const) {
    const list = inv.integrations.filter((i) => i.kind === kind);
    if (list.length === 0) continue;
    lines.push('', `${KIND_TITLES[kind]}:`);
    for (const i of list) {
      lines.push(`  ${i.name}  [${capabilityText(i)}]  ${where(i)}`);
      for (const [k, v] of Object.entries(i.details)) {
        if (k === 'why these capabilities' || k === 'ignore gaps') continue;
        lines.push(`    ${k}: ${detailText(v)}`);
      }
    }
  }
  if (inv.findings.length > 0) {
    lines.push('', 'Findings:');
    for (const f of inv.findings) lines.push(`  ${f.file}:${f.finding.range.start.line + 1}  ${f.finding.severity}  ${f.finding.ruleId}  ${f.finding.message}`);
  }
  return `${lines.join('\n')}\n`;
}

function counts(inv: Inventory): string {
  const n = (k: Integration['kind']): number => inv.integrations.filter((i) => i.kind === k).length;
  const plural = (c: number, one: string, many: string): string => `${c} ${c === 1 ? one : many}`;
  return `${plural(n('assistant'), 'assistant', 'assistants')}, ${plural(n('mcp-server'), 'MCP server', 'MCP servers')}, ${plural(n('model'), 'model load', 'model loads')}, ${plural(inv.findings.length, 'finding', 'findings')}`;
}

/** Escapes text for a Markdown table cell. */
function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Markdown fit to paste into a pull request or commit as the team's record. */
export function inventoryToMarkdown(inv: Inventory, dir: string): string {
  const out: string[] = [`## AI integrations: ${cell(dir)}`, '', `${counts(inv)}.`];
  if (inv.host) out.push('', `Editor: ${cell(inv.host.appName)}${inv.host.remoteName ? ` (remote ${cell(inv.host.remoteName)})` : ''}`);
  for (const kind of ['assistant', 'mcp-server', 'model'] as const) {
    const list = inv.integrations.filter((i) => i.kind === kind);
    if (list.length === 0) continue;
    out.push('', `### ${KIND_TITLES[kind]}`, '', '| Name | Can | Declared in | Details |', '| --- | --- | --- | --- |');
    for (const i of list) out.push(`| ${cell(i.name)} | ${cell(capabilityText(i))} | \`${cell(where(i))}\` | ${cell(summary(i))} |`);
  }
  out.push('', '### Findings', '');
  if (inv.findings.length === 0) out.push('None.');
  else {
    out.push('| Severity | Rule | Where | Message |', '| --- | --- | --- | --- |');
    for (const f of inv.findings) out.push(`| ${f.finding.severity} | \`${f.finding.ruleId}\` | \`${cell(`${f.file}:${f.finding.range.start.line + 1}`)}\` | ${cell(f.finding.message)} |`);
  }
  return `${out.join('\n')}\n`;
}

function summary(i: Integration): string {
  const keys = i.kind === 'assistant' ? ['sensitive files visible', 'permissions', 'MCP servers'] : i.kind === 'mcp-server' ? ['transport', 'package', 'pinned', 'url', 'env vars', 'inline secrets'] : ['loader', 'source', 'pinned', 'problems'];
  return keys.filter((k) => i.details[k] !== undefined).map((k) => `${k}: ${detailText(i.details[k] as Integration['details'][string])}`).join('; ');
}
