// A small, line-oriented reader for the TOML that dependency manifests use (pyproject.toml,
// Pipfile, Cargo.toml): table headers, `key = value` pairs, inline tables and string arrays.
import type { Result } from '../model';

/** One `key = value` pair with where its key sits, under the table that encloses it. */
export interface TomlEntry {
  /** Dotted table name, e.g. `tool.poetry.dependencies` (quotes removed). */
  readonly table: string;
  readonly key: string;
  /** Offset of the key in the text. */
  readonly keyOffset: number;
  /** The raw value text (may span lines for arrays). */
  readonly value: string;
  /** Offset of the value in the text. */
  readonly valueOffset: number;
}

/** A table header, e.g. `[dependencies.serde]`, with the offset of its last name part. */
export interface TomlTable {
  readonly name: string;
  readonly nameOffset: number;
  readonly lastPartOffset: number;
}

const KEY_LINE = /^[ \t]*("[^"\n]{1,200}"|'[^'\n]{1,200}'|[A-Za-z0-9_.-]{1,200})[ \t]*=[ \t]*/;
const HEADER_LINE = /^[ \t]*\[\[?([^\]\n]{1,300})\]\]?[ \t]*(?:#.*)?$/;

function unquote(key: string): string {
  return key.replace(/^["']|["']$/g, '');
}

function splitTableName(name: string): string[] {
  const parts: string[] = [];
  for (const m of name.matchAll(/"([^"]*)"|'([^']*)'|([^.\s"']+)/g)) parts.push(m[1] ?? m[2] ?? m[3] ?? '');
  return parts;
}

/** Counts brackets outside strings, so a multi-line array knows when it ends. */
function bracketDepth(value: string): number {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#') {
      const nl = value.indexOf('\n', i);
      if (nl < 0) break;
      i = nl;
    } else if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') depth--;
  }
  return depth;
}

/** Reads every table header and key/value pair; an unterminated array or a stray line is an error. */
export function readToml(text: string): Result<{ tables: TomlTable[]; entries: TomlEntry[] }> {
  const tables: TomlTable[] = [];
  const entries: TomlEntry[] = [];
  let table = '';
  let offset = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const start = offset;
    offset += line.length + 1;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const header = HEADER_LINE.exec(line);
    if (header && trimmed.startsWith('[')) {
      const raw = header[1] ?? '';
      const parts = splitTableName(raw);
      table = parts.join('.');
      const last = parts[parts.length - 1] ?? '';
      const rawStart = start + line.indexOf(raw);
      tables.push({ name: table, nameOffset: rawStart, lastPartOffset: rawStart + Math.max(0, raw.lastIndexOf(last)) });
      continue;
    }
    const kv = KEY_LINE.exec(line);
    if (!kv) return { ok: false, error: `line ${i + 1}: expected \`key = value\` or a [table] header` };
    let value = line.slice(kv[0].length);
    const valueOffset = start + kv[0].length;
    const fence = value.startsWith('"""') ? '"""' : value.startsWith("'''") ? "'''" : undefined;
    if (fence !== undefined && !value.includes(fence, 3)) {
      // A multi-line string (a description, a regex for a formatter): skip to the line that closes it.
      let closed = false;
      while (!closed && i + 1 < lines.length) {
        i++;
        const next = lines[i] ?? '';
        offset += next.length + 1;
        closed = next.includes(fence);
      }
      if (!closed) return { ok: false, error: `line ${i + 1}: unterminated multi-line string` };
      continue;
    }
    let depth = bracketDepth(value);
    while (depth > 0 && i + 1 < lines.length) {
      i++;
      const next = lines[i] ?? '';
      offset += next.length + 1;
      value += `\n${next}`;
      depth = bracketDepth(value);
    }
    if (depth !== 0) return { ok: false, error: `line ${i + 1}: unterminated array or inline table` };
    const rawKey = kv[1] ?? '';
    entries.push({ table, key: unquote(rawKey), keyOffset: start + line.indexOf(rawKey), value, valueOffset });
  }
  return { ok: true, value: { tables, entries } };
}

/** The strings of a TOML array value (`["a", 'b']`) with their offsets relative to the value. */
export function arrayStrings(value: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  for (const m of value.matchAll(/"((?:[^"\\\n]|\\.){0,2000})"|'([^'\n]{0,2000})'/g)) {
    out.push({ text: m[1] ?? m[2] ?? '', offset: (m.index ?? 0) + 1 });
  }
  return out;
}

/** A string value, or a field of an inline table (`{ version = "1", git = "…" }`). */
export function stringField(value: string, field?: string): string | undefined {
  const v = value.trim();
  if (field === undefined) {
    const m = /^"((?:[^"\\\n]|\\.){0,2000})"|^'([^'\n]{0,2000})'/.exec(v);
    return m ? (m[1] ?? m[2]) : undefined;
  }
  const re = new RegExp(`(?:^|[{,\\s])${field}[ \\t]*=[ \\t]*(?:"([^"\\n]{0,2000})"|'([^'\\n]{0,2000})')`);
  const m = re.exec(v);
  return m ? (m[1] ?? m[2]) : undefined;
}
