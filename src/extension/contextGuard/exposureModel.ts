// What the context guard knows per workspace folder: the assistants present, their exclusion files,
// the sensitive-path test from the settings and the secrets seen in files. It answers "is this file
// sensitive, and which assistants can read it" through the core's `computeExposure`.
import * as vscode from 'vscode';
import { assistantForHost, assistants as allAssistants, assistantsForExtensions, assistantsFromMarkers, syncedIgnoreFiles, type Assistant } from '../../core/assistants';
import { computeExposure, sensitiveMatcher, type ExposureEntry, type SensitiveVerdict } from '../../core/context';
import { detectSecrets, type SecretMatch } from '../../core/secrets';
import { relativePath } from '../paths';
import type { RedlineConfig } from '../settings';

/** Which assistants to count when none is found in the workspace. */
export type AssumeWhenNone = 'none' | 'synced' | 'all';

/** One sensitive file and who can read it. */
export interface FileExposure {
  readonly uri: vscode.Uri;
  /** Workspace-relative path. */
  readonly path: string;
  readonly entry: ExposureEntry;
  /** The assistants it was computed against. */
  readonly assistants: readonly Assistant[];
  /** True when no assistant was found and `assistants` is an assumption. */
  readonly assumed: boolean;
}

/** What one folder holds: assistants present and the text of each exclusion file, by relative path. */
export interface FolderFacts {
  readonly present: readonly Assistant[];
  readonly ignoreFiles: ReadonlyMap<string, string>;
}

/** Largest file whose content is scanned for secrets (bytes of text). */
export const MAX_SCAN_CHARS = 1024 * 1024;
const REFRESH_DEBOUNCE_MS = 300;

/** Base names of every gitignore-format exclusion file in the assistant table, and Claude Code's settings. */
export const exclusionFileNames: readonly string[] = [...new Set(allAssistants.flatMap((a) => a.ignore.filter((i) => i.format === 'gitignore').map((i) => i.file.split('/').pop() ?? i.file)))];
const claudeSettingsFiles = ['.claude/settings.json', '.claude/settings.local.json'];
const exclusionGlob = `{${[...exclusionFileNames.map((n) => `**/${n}`), ...claudeSettingsFiles].join(',')}}`;
/** Folders pruned when looking for exclusion files and when scanning the workspace. */
export const PRUNED_FOLDERS = '**/{node_modules,.git,.venv,venv,__pycache__}/**';

/** Assistants assumed when none is found: those whose repository file Redline's sync writes. */
const syncedAssistants: readonly Assistant[] = [...new Map(syncedIgnoreFiles().map((s) => [s.assistant.id, s.assistant])).values()];

/** Secrets worth a warning: high and medium confidence only. */
export function secretsIn(text: string, path: string): SecretMatch[] {
  if (text.length > MAX_SCAN_CHARS) return [];
  return detectSecrets(text, { path }).filter((s) => s.confidence !== 'low');
}

/** Assistants present, folders' exclusion files and known secrets; tells listeners when any of it changes. */
export class ExposureModel implements vscode.Disposable {
  private readonly facts = new Map<string, Promise<FolderFacts>>();
  private readonly matchers = new Map<string, (path: string) => SensitiveVerdict>();
  /** Secrets found per file (open documents and the last workspace scan), by URI string. */
  private readonly secrets = new Map<string, { version: number | undefined; matches: readonly SecretMatch[] }>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri[] | undefined>();
  /** Fires with the files whose exposure may have changed, or `undefined` for all of them. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly config: RedlineConfig) {
    const ignoreWatcher = vscode.workspace.createFileSystemWatcher(exclusionGlob);
    const markerWatcher = vscode.workspace.createFileSystemWatcher('{*,.github/**}', false, true, false);
    this.disposables.push(this.changed, ignoreWatcher, markerWatcher,
      ignoreWatcher.onDidCreate(() => this.scheduleRefresh()), ignoreWatcher.onDidChange(() => this.scheduleRefresh()), ignoreWatcher.onDidDelete(() => this.scheduleRefresh()),
      markerWatcher.onDidCreate(() => this.scheduleRefresh()), markerWatcher.onDidDelete(() => this.scheduleRefresh()),
      vscode.extensions.onDidChange(() => this.scheduleRefresh()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.refresh()),
      config.onDidChange(() => {
        this.matchers.clear();
        this.changed.fire(undefined);
      }),
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (isExclusionFile(doc.uri)) this.scheduleRefresh();
      }),
    );
  }

  /** Forgets cached folder facts now and tells listeners (after exclusion files or markers change). */
  refresh(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    this.facts.clear();
    this.changed.fire(undefined);
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.refresh(), REFRESH_DEBOUNCE_MS);
  }

  /** Assistants present in `folder` and its exclusion files (cached until something changes). */
  factsFor(folder: vscode.WorkspaceFolder): Promise<FolderFacts> {
    const key = folder.uri.toString();
    let facts = this.facts.get(key);
    if (!facts) {
      facts = loadFacts(folder);
      this.facts.set(key, facts);
    }
    return facts;
  }

  /** The sensitive-path test for `folder`, from the built-in globs, the settings and the policy. */
  matcherFor(folder: vscode.WorkspaceFolder): (path: string) => SensitiveVerdict {
    const key = folder.uri.toString();
    let matcher = this.matchers.get(key);
    if (!matcher) {
      const s = this.config.get(folder.uri);
      matcher = sensitiveMatcher({ add: s['sensitiveFiles.add'], remove: s['sensitiveFiles.remove'] });
      this.matchers.set(key, matcher);
    }
    return matcher;
  }

  /** Scans an open document for secrets (once per version); fires a change when the answer changes. */
  noteDocument(doc: vscode.TextDocument): readonly SecretMatch[] {
    const key = doc.uri.toString();
    const known = this.secrets.get(key);
    if (known && known.version === doc.version) return known.matches;
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
    const matches = folder ? secretsIn(doc.getText(), relativePath(doc.uri)) : [];
    this.setSecrets(doc.uri, doc.version, matches);
    return matches;
  }

  /** Records secrets found by a workspace scan. */
  noteScanned(uri: vscode.Uri, matches: readonly SecretMatch[]): void {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return;  // the open document's text wins
    this.setSecrets(uri, undefined, matches);
  }

  private setSecrets(uri: vscode.Uri, version: number | undefined, matches: readonly SecretMatch[]): void {
    const key = uri.toString();
    const before = this.secrets.get(key)?.matches ?? [];
    if (matches.length === 0) this.secrets.delete(key);
    else this.secrets.set(key, { version, matches });
    const sameAnswer = before.length === matches.length && before.every((m, i) => m.detector === matches[i]?.detector && m.masked === matches[i]?.masked && m.range.start.line === matches[i]?.range.start.line);
    if (!sameAnswer) this.changed.fire([uri]);
  }

  /** Secrets known for a file (from its open document or the last scan). */
  knownSecrets(uri: vscode.Uri): readonly SecretMatch[] {
    return this.secrets.get(uri.toString())?.matches ?? [];
  }

  /**
   * Whether `uri` is sensitive and who can read it. `assume` says which assistants count when none
   * is found in the workspace (`none`: the file is sensitive but exposed to nobody).
   */
  async exposureOf(uri: vscode.Uri, assume: AssumeWhenNone): Promise<FileExposure | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return undefined;
    const path = relativePath(uri);
    const verdict = this.matcherFor(folder)(path);
    const secrets = this.knownSecrets(uri);
    if (!verdict.sensitive && secrets.length === 0) return undefined;
    const facts = await this.factsFor(folder);
    const assumed = facts.present.length === 0;
    const assistants = !assumed ? facts.present : assume === 'all' ? allAssistants : assume === 'synced' ? syncedAssistants : [];
    const report = computeExposure({ files: [path], ignoreFiles: facts.ignoreFiles, assistants, isSensitive: () => verdict, secrets: new Map([[path, secrets]]) });
    const entry = report.entries[0];
    return entry ? { uri, path, entry, assistants, assumed } : undefined;
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.disposables.forEach((d) => d.dispose());
  }
}

/** True for a file the sync writes or the exposure reads (`.cursorignore`, `.claude/settings.json`...). */
export function isExclusionFile(uri: vscode.Uri): boolean {
  const name = uri.path.split('/').pop() ?? '';
  return exclusionFileNames.includes(name) || claudeSettingsFiles.some((f) => uri.path.endsWith(`/${f}`));
}

async function loadFacts(folder: vscode.WorkspaceFolder): Promise<FolderFacts> {
  const [markers, ignoreFiles] = await Promise.all([markerPaths(folder.uri), readExclusionFiles(folder)]);
  const host = assistantForHost(vscode.env.appName);
  const found = [...(host ? [host] : []), ...assistantsForExtensions(vscode.extensions.all.map((e) => e.id)), ...assistantsFromMarkers(markers)];
  const present = [...new Map(found.map((a) => [a.id, a])).values()];
  return { present, ignoreFiles };
}

/** Root entries (folders with a trailing `/`) and the entries of root folders that hold nested markers (`.github/`). */
async function markerPaths(root: vscode.Uri): Promise<string[]> {
  const nestedIn = new Set(allAssistants.flatMap((a) => a.workspaceMarkers).filter((m) => m.slice(0, -1).includes('/')).map((m) => m.split('/')[0] ?? ''));
  const out: string[] = [];
  const list = async (uri: vscode.Uri, prefix: string, depth: number): Promise<void> => {
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(uri);
    } catch {
      return;  // unreadable folder: no markers from it
    }
    for (const [name, type] of entries) {
      const isDir = (type & vscode.FileType.Directory) !== 0;
      out.push(`${prefix}${name}${isDir ? '/' : ''}`);
      if (isDir && depth < 2 && (depth > 0 || nestedIn.has(name))) await list(vscode.Uri.joinPath(uri, name), `${prefix}${name}/`, depth + 1);
    }
  };
  await list(root, '', 0);
  return out;
}

async function readExclusionFiles(folder: vscode.WorkspaceFolder): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, exclusionGlob), PRUNED_FOLDERS, 500);
  for (const uri of uris) {
    const text = await readDisk(uri);
    if (text !== undefined) out.set(relativePath(uri), text);
  }
  return out;
}

/** A file's text on disk (what an assistant reads), or undefined when it does not exist or cannot be read. */
export async function readDisk(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
