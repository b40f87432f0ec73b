// Exclusion sync as pure text transforms: writes one list of sensitive globs into every assistant's
// own exclusion file, inside a marked block (gitignore formats) or as merged `permissions.deny`
// `Read(...)` rules (Claude Code settings), keeping the user's own lines and comments.
import { applyEdits, modify, parse, printParseErrorCode, type FormattingOptions, type ParseError } from 'jsonc-parser';
import { assistants, syncedIgnoreFiles } from '../assistants';
import { jsonTooDeep } from '../json';

/** First line of the block Redline manages in gitignore-format files. */
export const blockBegin = '# BEGIN Redline (managed: edit .redline policy or settings instead)';
/** Last line of the managed block. */
export const blockEnd = '# END Redline';

/** One file the sync would write: its text before (undefined when new) and after. */
export interface FileChange {
  /** Workspace-relative path, `/`-separated. */
  readonly path: string;
  readonly before: string | undefined;
  readonly after: string;
  /** One line for the preview, e.g. "Adds 20 globs to a new .cursorignore". */
  readonly summary: string;
}

/** A file the sync left untouched because it could not be merged safely. */
export interface SyncProblem {
  readonly path: string;
  readonly error: string;
}

/** An assistant whose exclusion cannot be written from the repository, and what to do instead. */
export interface ManualStep {
  readonly assistant: string;
  readonly instruction: string;
}

/** What a sync would do: changed files only (unchanged files are left out), problems, manual steps. */
export interface ExclusionSyncPlan {
  readonly changes: readonly FileChange[];
  readonly errors: readonly SyncProblem[];
  readonly manual: readonly ManualStep[];
}

/** Options for `planExclusionSync`. */
export interface SyncOptions {
  /** Files to write (workspace-relative); defaults to every exclusion file Redline knows (`syncedIgnoreFiles()`). */
  readonly targets?: readonly string[];
  /**
   * Globs to re-include with `!` after the list; defaults to the shared `.env` templates
   * (`.env.example`, `.env.sample`, `.env.template`) when `.env*` is among the globs. Claude rules
   * cannot express them.
   */
  readonly exceptions?: readonly string[];
}

/** Every file the sync writes by default. */
export function defaultSyncTargets(): string[] {
  return syncedIgnoreFiles().map((s) => s.ignore.file);
}

const eolOf = (text: string | undefined): string => (text && /\r\n/.test(text) ? '\r\n' : '\n');

/** The managed block for `globs`, with the file's line ending. */
export function managedBlock(globs: readonly string[], exceptions: readonly string[], eol: string): string {
  return [blockBegin, ...globs, ...exceptions.map((e) => `!${e}`), blockEnd].join(eol);
}

/** Writes (or rewrites) the managed block of a gitignore-format file. */
export function syncGitignoreText(before: string | undefined, globs: readonly string[], exceptions: readonly string[]): { after: string } | { error: string } {
  const eol = eolOf(before);
  const block = managedBlock(globs, exceptions, eol);
  if (before === undefined || before === '') return { after: `${block}${eol}` };
  const lines = before.split(/\r?\n/);
  const begin = lines.findIndex((l) => l.trimEnd().startsWith('# BEGIN Redline'));
  const end = lines.findIndex((l, i) => i > begin && l.trimEnd() === blockEnd);
  if (begin >= 0 && end < 0) return { error: `has "# BEGIN Redline" without "${blockEnd}"; fix the block by hand, then sync again.` };
  if (begin < 0) {
    const sep = before.endsWith('\n') ? '' : eol;
    const gap = before.trim() === '' ? '' : eol;
    return { after: `${before}${sep}${gap}${block}${eol}` };
  }
  const head = lines.slice(0, begin).join(eol);
  const tail = lines.slice(end + 1).join(eol);
  return { after: `${head}${begin > 0 ? eol : ''}${block}${eol}${tail}` };
}

/** The Claude Code `Read(...)` rule for a glob: base-name globs match at any depth. */
export function claudeReadRule(glob: string): string {
  const g = glob.replace(/^\.\//, '').replace(/^\//, '');
  if (g.startsWith('**/')) return `Read(./${g})`;
  return g.includes('/') ? `Read(./${g})` : `Read(./**/${g})`;
}

function detectFormatting(text: string): FormattingOptions {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  return { insertSpaces: !indent.startsWith('\t'), tabSize: indent.startsWith('\t') ? 1 : indent.length, eol: eolOf(text) };
}

/** Merges `Read(...)` deny rules for `globs` into a Claude Code settings text (JSON with comments). */
export function syncClaudeSettingsText(before: string | undefined, globs: readonly string[]): { after: string; added: number } | { error: string } {
  const rules = [...new Set(globs.map(claudeReadRule))];
  if (before === undefined || before.trim() === '') {
    const after = `${JSON.stringify({ permissions: { deny: rules } }, null, 2)}\n`;
    return { after, added: rules.length };
  }
  if (jsonTooDeep(before)) return { error: 'nests too deeply to be a settings file; left untouched.' };
  const errors: ParseError[] = [];
  const root: unknown = parse(before, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || typeof root !== 'object' || root === null || Array.isArray(root)) {
    const reason = errors[0] ? printParseErrorCode(errors[0].error) : 'the top level is not an object';
    return { error: `is not valid JSON (${reason}); left untouched.` };
  }
  const permissions = (root as { permissions?: unknown }).permissions;
  if (permissions !== undefined && (typeof permissions !== 'object' || permissions === null || Array.isArray(permissions))) {
    return { error: '"permissions" is not an object; left untouched.' };
  }
  const deny = (permissions as { deny?: unknown } | undefined)?.deny;
  if (deny !== undefined && !Array.isArray(deny)) return { error: '"permissions.deny" is not an array; left untouched.' };
  const existing = new Set((deny ?? []).filter((d): d is string => typeof d === 'string'));
  const missing = rules.filter((r) => !existing.has(r));
  if (missing.length === 0) return { after: before, added: 0 };
  const formattingOptions = detectFormatting(before);
  let text = before;
  if (deny === undefined) {
    text = applyEdits(text, modify(text, ['permissions', 'deny'], missing, { formattingOptions }));
  } else {
    for (const rule of missing) {
      text = applyEdits(text, modify(text, ['permissions', 'deny', -1], rule, { formattingOptions, isArrayInsertion: true }));
    }
  }
  return { after: text, added: missing.length };
}

/**
 * Plans the sync of `globs` into every target exclusion file. `existingFiles` maps each target's
 * workspace-relative path to its current text (undefined or absent when the file does not exist).
 * Re-running on the result changes nothing; lines outside the managed block are kept byte for byte.
 */
export function planExclusionSync(globs: readonly string[], existingFiles: ReadonlyMap<string, string | undefined>, options: SyncOptions = {}): ExclusionSyncPlan {
  const targets = options.targets ?? defaultSyncTargets();
  const exceptions = options.exceptions ?? (globs.includes('.env*') ? ['.env.example', '.env.sample', '.env.template'] : []);
  const changes: FileChange[] = [];
  const errors: SyncProblem[] = [];
  for (const path of targets) {
    const before = existingFiles.get(path);
    const isClaude = path === '.claude/settings.json' || path.endsWith('/.claude/settings.json') || path === '.claude/settings.local.json';
    if (isClaude) {
      const r = syncClaudeSettingsText(before, globs);
      if ('error' in r) errors.push({ path, error: `${path} ${r.error}` });
      else if (r.after !== before) {
        changes.push({ path, before, after: r.after, summary: `Adds ${r.added} Read(...) rule${r.added === 1 ? '' : 's'} to permissions.deny in ${before === undefined ? 'a new ' : ''}${path}` });
      }
      continue;
    }
    const r = syncGitignoreText(before, globs, exceptions);
    if ('error' in r) errors.push({ path, error: `${path} ${r.error}` });
    else if (r.after !== before) {
      const verb = before === undefined ? `Creates ${path} with` : before.includes(blockBegin) ? `Updates the Redline block in ${path} to` : `Appends a Redline block to ${path} with`;
      changes.push({ path, before, after: r.after, summary: `${verb} ${globs.length} glob${globs.length === 1 ? '' : 's'}` });
    }
  }
  const manual: ManualStep[] = assistants
    .filter((a) => a.ignore.length > 0 && a.ignore.every((i) => i.format === 'none'))
    .map((a) => ({ assistant: a.name, instruction: a.ignore[0]?.gaps ?? '' }));
  return { changes, errors, manual };
}
