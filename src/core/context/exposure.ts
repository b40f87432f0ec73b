// AI context exposure: for each sensitive file, why it is sensitive, which present assistants can
// read it, which exclusion files cover it, and what those exclusions leave open. Pure: the caller
// passes the file list, the ignore files' text and the secret findings.
import { parse } from 'jsonc-parser';
import type { Assistant, AssistantIgnore } from '../assistants';
import type { SecretMatch } from '../secrets';
import { IgnoreList } from './gitignore';
import type { SensitiveVerdict } from './sensitive';
import { jsonTooDeep } from '../json';

/** Why a file counts as sensitive. */
export type ExposureReason =
  | { readonly kind: 'glob'; readonly glob: string }
  | { readonly kind: 'secret'; readonly detector: string; readonly title: string; readonly masked: string; readonly line: number };

/** An exclusion line that keeps a file from one assistant. */
export interface Coverage {
  readonly assistant: string;
  /** The exclusion file, workspace-relative. */
  readonly file: string;
  /** The deciding line (or `Read(...)` rule) as written. */
  readonly pattern: string;
}

/** One sensitive file and who can read it. */
export interface ExposureEntry {
  readonly path: string;
  readonly reasons: readonly ExposureReason[];
  /** Present assistants that can read the file (ids). */
  readonly exposedTo: readonly string[];
  readonly coveredBy: readonly Coverage[];
  /** What the covering exclusions leave open, one sentence each. */
  readonly gaps: readonly string[];
  /** Assistant ids for which only an indexing-only file (`.cursorindexingignore`) lists the file. */
  readonly indexingOnly: readonly string[];
}

/** One present assistant's summary. */
export interface AssistantExposure {
  readonly id: string;
  readonly name: string;
  /** Its exclusion files and whether the workspace has them. */
  readonly ignoreFiles: readonly { readonly file: string; readonly present: boolean; readonly protectsNothing: boolean }[];
  /** Sensitive files it can read. */
  readonly exposed: readonly string[];
  readonly covered: number;
  /** What the user must do when the assistant has no repository mechanism. */
  readonly note?: string;
}

/** The whole report. */
export interface ExposureReport {
  readonly entries: readonly ExposureEntry[];
  readonly assistants: readonly AssistantExposure[];
  /** Files scanned. */
  readonly fileCount: number;
}

/** Everything `computeExposure` needs; no I/O. */
export interface ExposureInput {
  /** Workspace-relative paths, `/`-separated. */
  readonly files: readonly string[];
  /** Text of every exclusion file found (any depth), by workspace-relative path. */
  readonly ignoreFiles: ReadonlyMap<string, string>;
  /** Assistants present in the workspace (installed, host editor, or marker files). */
  readonly assistants: readonly Assistant[];
  readonly isSensitive: (path: string) => SensitiveVerdict;
  /** Secret findings per file, when the caller scanned contents. */
  readonly secrets?: ReadonlyMap<string, readonly SecretMatch[]>;
}

const baseName = (p: string): string => p.slice(p.lastIndexOf('/') + 1);
const dirName = (p: string): string => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');

/** Glob-like patterns of the `Read(...)` rules in `permissions.deny` of a Claude Code settings text. */
export function claudeDenyPatterns(text: string): string[] {
  if (jsonTooDeep(text)) return [];
  const root = parse(text, [], { allowTrailingComma: true }) as { permissions?: { deny?: unknown } } | undefined;
  const deny = root?.permissions?.deny;
  if (!Array.isArray(deny)) return [];
  const out: string[] = [];
  for (const rule of deny) {
    if (typeof rule !== 'string') continue;
    const m = /^Read\((.+)\)$/.exec(rule.trim());
    const p = m?.[1];
    if (!p || p.startsWith('//') || p.startsWith('~')) continue;
    out.push(p.replace(/^\.\//, '/'));
  }
  return out;
}

/** One assistant mechanism as a matcher over workspace paths, with the files it was built from. */
interface Mechanism {
  readonly ignore: AssistantIgnore;
  readonly list: IgnoreList;
  readonly files: readonly string[];
  readonly sources: Map<string, string>;
}

function mechanismFor(ignore: AssistantIgnore, ignoreFiles: ReadonlyMap<string, string>): Mechanism | undefined {
  if (ignore.format === 'none') return undefined;
  const list = new IgnoreList();
  const files: string[] = [];
  const sources = new Map<string, string>();
  for (const [path, text] of ignoreFiles) {
    if (ignore.format === 'claude-settings') {
      if (path !== ignore.file && path !== '.claude/settings.local.json') continue;
      const patterns = claudeDenyPatterns(text);
      list.add('', patterns.join('\n'));
      for (const p of patterns) sources.set(p, `Read(${p.startsWith('/') ? `.${p}` : p})`);
    } else {
      if (baseName(path) !== baseName(ignore.file)) continue;
      list.add(dirName(path), text);
    }
    files.push(path);
  }
  return files.length > 0 ? { ignore, list, files, sources } : undefined;
}

function reasonsFor(path: string, verdict: SensitiveVerdict, secrets: readonly SecretMatch[] | undefined): ExposureReason[] {
  const reasons: ExposureReason[] = [];
  if (verdict.sensitive && verdict.glob) reasons.push({ kind: 'glob', glob: verdict.glob });
  for (const s of secrets ?? []) {
    reasons.push({ kind: 'secret', detector: s.detector, title: s.title, masked: s.masked, line: s.range.start.line + 1 });
  }
  return reasons;
}

/** Computes which sensitive files each present assistant can read. */
export function computeExposure(input: ExposureInput): ExposureReport {
  const perAssistant = input.assistants.map((a) => ({
    assistant: a,
    mechanisms: a.ignore.map((i) => mechanismFor(i, input.ignoreFiles)).filter((m): m is Mechanism => m !== undefined),
    exposed: [] as string[],
    covered: 0,
  }));
  const entries: ExposureEntry[] = [];
  for (const path of input.files) {
    const reasons = reasonsFor(path, input.isSensitive(path), input.secrets?.get(path));
    if (reasons.length === 0) continue;
    const exposedTo: string[] = [];
    const coveredBy: Coverage[] = [];
    const gaps: string[] = [];
    const indexingOnly: string[] = [];
    for (const pa of perAssistant) {
      let covering: Coverage | undefined;
      let coveringIgnore: AssistantIgnore | undefined;
      let indexOnly = false;
      for (const m of pa.mechanisms) {
        const hit = m.list.match(path);
        if (!hit.ignored || !hit.pattern) continue;
        if (m.ignore.protectsNothing) {
          indexOnly = true;
          continue;
        }
        covering = { assistant: pa.assistant.id, file: m.files.length === 1 ? (m.files[0] ?? m.ignore.file) : m.ignore.file, pattern: m.sources.get(hit.pattern) ?? hit.pattern };
        coveringIgnore = m.ignore;
        break;
      }
      if (covering && coveringIgnore) {
        coveredBy.push(covering);
        pa.covered++;
        gaps.push(`${pa.assistant.name}: ${coveringIgnore.gaps}`);
      } else {
        exposedTo.push(pa.assistant.id);
        pa.exposed.push(path);
        if (indexOnly) {
          indexingOnly.push(pa.assistant.id);
          gaps.push(`${pa.assistant.name}: listed only in an indexing-only file, which protects nothing.`);
        }
      }
    }
    entries.push({ path, reasons, exposedTo, coveredBy, gaps, indexingOnly });
  }
  const assistantsOut: AssistantExposure[] = perAssistant.map((pa) => {
    const none = pa.assistant.ignore.every((i) => i.format === 'none');
    return {
      id: pa.assistant.id,
      name: pa.assistant.name,
      ignoreFiles: pa.assistant.ignore.filter((i) => i.format !== 'none').map((i) => ({
        file: i.file,
        present: pa.mechanisms.some((m) => m.ignore === i),
        protectsNothing: Boolean(i.protectsNothing),
      })),
      exposed: pa.exposed,
      covered: pa.covered,
      ...(none ? { note: pa.assistant.ignore[0]?.gaps ?? 'No exclusion mechanism is documented.' } : {}),
    };
  });
  return { entries, assistants: assistantsOut, fileCount: input.files.length };
}
