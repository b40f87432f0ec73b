// What changed between two inventories that needs a human's review: a new assistant, MCP server or
// model load, a changed server definition, a widened permission or capability, a new config file.
import type { Inventory } from './types';

/** A stored summary of an inventory, enough to tell what changed (JSON-serialisable, no secrets). */
export interface InventorySnapshot {
  readonly version: 1;
  /** Integration id → signature of what matters for review. */
  readonly entries: Readonly<Record<string, InventorySnapshotEntry>>;
}

/** One integration in a snapshot. */
export interface InventorySnapshotEntry {
  readonly name: string;
  readonly kind: string;
  readonly capabilities: readonly string[];
  /** Definition (launcher, package, URL, args, env names) or, for assistants, config files. */
  readonly definition: string;
  /** Permission settings (assistants). */
  readonly permissions: readonly string[];
}

/** One change that needs review. */
export interface InventoryChange {
  readonly integration: string;
  readonly name: string;
  readonly kind: 'added' | 'removed' | 'changed' | 'widened';
  /** One sentence for the log and the view. */
  readonly message: string;
}

const DEFINITION_KEYS = ['transport', 'launcher', 'package', 'command', 'args', 'url', 'env vars', 'inline secrets', 'roots', 'approved without asking', 'instruction files', 'ignore files', 'MCP servers', 'loader', 'source', 'pinned', 'problems'];

function str(v: unknown): string {
  return Array.isArray(v) ? v.join(', ') : v === undefined ? '' : String(v);
}

/** The snapshot of an inventory. */
export function snapshotOf(inv: Inventory): InventorySnapshot {
  const entries: Record<string, InventorySnapshotEntry> = {};
  for (const i of inv.integrations) {
    entries[i.id] = {
      name: i.name, kind: i.kind, capabilities: [...i.capabilities],
      definition: DEFINITION_KEYS.filter((k) => i.details[k] !== undefined).map((k) => `${k}=${str(i.details[k])}`).join('\n'),
      permissions: Array.isArray(i.details.permissions) ? [...(i.details.permissions as readonly string[])] : [],
    };
  }
  return { version: 1, entries };
}

/** The changes from `before` (the last reviewed snapshot) to `after`. */
export function compareInventories(before: InventorySnapshot, after: InventorySnapshot): InventoryChange[] {
  const out: InventoryChange[] = [];
  const label = (e: InventorySnapshotEntry): string => `${e.kind === 'mcp-server' ? 'MCP server' : e.kind === 'model' ? 'Model load' : 'Assistant'} \`${e.name}\``;
  for (const [id, e] of Object.entries(after.entries)) {
    const old = before.entries[id];
    if (!old) {
      out.push({ integration: id, name: e.name, kind: 'added', message: `${label(e)} was added${e.capabilities.length > 0 ? ` (${e.capabilities.join(', ')})` : ''}.` });
      continue;
    }
    const newCaps = e.capabilities.filter((c) => !old.capabilities.includes(c));
    const newPerms = e.permissions.filter((p) => !old.permissions.includes(p));
    if (newCaps.length > 0 || newPerms.length > 0) {
      const parts = [...(newCaps.length > 0 ? [`now ${newCaps.join(', ')}`] : []), ...(newPerms.length > 0 ? [`new permission ${newPerms.join(', ')}`] : [])];
      out.push({ integration: id, name: e.name, kind: 'widened', message: `${label(e)} was widened: ${parts.join('; ')}.` });
    } else if (old.definition !== e.definition) {
      out.push({ integration: id, name: e.name, kind: 'changed', message: `${label(e)} changed: ${diffLines(old.definition, e.definition)}.` });
    }
  }
  for (const [id, e] of Object.entries(before.entries)) {
    if (!after.entries[id]) out.push({ integration: id, name: e.name, kind: 'removed', message: `${label(e)} was removed.` });
  }
  return out;
}

function diffLines(a: string, b: string): string {
  const old = new Set(a.split('\n'));
  const changed = b.split('\n').filter((l) => !old.has(l)).map((l) => l.replace('=', ' is now '));
  return changed.length > 0 ? changed.join('; ').slice(0, 300) : 'settings removed';
}
