// The state behind every view: which files carry unreviewed AI edits, against which baseline, and
// what the engine found in them. Persisted in workspace storage so it survives a reload.
import * as vscode from 'vscode';
import type { EditClass } from '../core/edits/classify';
import type { Finding, RiskFamily } from '../core/model';

/** Where a baseline came from. */
export type BaselineSource = 'git-head' | 'first-open' | 'reviewed';

export interface Baseline {
  readonly text: string;
  readonly source: BaselineSource;
}

/** One AI-like edit seen on a file. */
export interface EditRecord {
  readonly editClass: EditClass;
  /** The assistant that most likely made it, e.g. "GitHub Copilot", when one can be named. */
  readonly source?: string;
  readonly time: number;
}

/** A file with unreviewed AI edits. */
export interface FileReview {
  readonly uri: vscode.Uri;
  readonly baseline: Baseline;
  readonly edits: readonly EditRecord[];
  readonly findings: readonly Finding[];
  /** Document version the findings were computed for (`undefined` for files not open). */
  readonly version: number | undefined;
  /** Matches a review-required glob: stays listed even without findings. */
  readonly reviewRequired: boolean;
  readonly skipped?: string;
  /** Findings of other checks (e.g. `supply-chain`), set by that feature, which recomputes them after every AI edit. */
  readonly extraFindings?: Readonly<Partial<Record<RiskFamily, readonly Finding[]>>>;
}

/** Every finding of a review: the guardrail findings, then those of other checks. */
export function allFindings(review: FileReview): readonly Finding[] {
  const extra = Object.values(review.extraFindings ?? {}).flat();
  return extra.length === 0 ? review.findings : [...review.findings, ...extra];
}

interface PersistedReviewed {
  uri: string;
  file: string;
}

interface PersistedReview {
  uri: string;
  edits: EditRecord[];
  reviewRequired: boolean;
  baselineSource: BaselineSource;
  baselineFile: string;
}

const STATE_KEY = 'redline.reviews';
const REVIEWED_KEY = 'redline.reviewedBaselines';

/** Holds the reviews and tells listeners when they change. */
export class ReviewStore implements vscode.Disposable {
  private readonly reviews = new Map<string, FileReview>();
  private readonly changed = new vscode.EventEmitter<readonly vscode.Uri[]>();
  readonly onDidChange = this.changed.event;
  private persistTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly memento: vscode.Memento, private readonly storage: vscode.Uri | undefined) {}

  private readonly reviewed = new Map<string, string>();

  /** The text a person marked reviewed for `uri` in this workspace, if any (until the next commit). */
  reviewedBaseline(uri: vscode.Uri): string | undefined {
    return this.reviewed.get(uri.toString());
  }

  /** Marks `text` as reviewed: it becomes the file's baseline and the review closes. */
  markReviewed(uri: vscode.Uri, text: string): void {
    this.reviewed.set(uri.toString(), text);
    this.reviews.delete(uri.toString());
    this.changed.fire([uri]);
    this.schedulePersist();
  }

  /** A commit moved HEAD: reviewed baselines under `root` give way to git's. */
  forgetReviewedUnder(root: vscode.Uri): void {
    for (const key of [...this.reviewed.keys()]) if (key.startsWith(root.toString())) this.reviewed.delete(key);
    this.schedulePersist();
  }

  get(uri: vscode.Uri): FileReview | undefined {
    return this.reviews.get(uri.toString());
  }

  all(): FileReview[] {
    return [...this.reviews.values()];
  }

  /** Records or replaces a file's review. */
  set(review: FileReview): void {
    this.reviews.set(review.uri.toString(), review);
    this.changed.fire([review.uri]);
    this.schedulePersist();
  }

  /** Forgets a file (reviewed, or back to its baseline). */
  delete(uri: vscode.Uri): void {
    if (this.reviews.delete(uri.toString())) {
      this.changed.fire([uri]);
      this.schedulePersist();
    }
  }

  /** Loads what an earlier session persisted; returns the restored reviews (findings to recompute). */
  async restore(): Promise<FileReview[]> {
    const index = await this.readIndex();
    const saved = index?.reviews ?? this.memento.get<PersistedReview[]>(STATE_KEY, []);
    const restored: FileReview[] = [];
    for (const p of saved) {
      const text = await this.readBaseline(p.baselineFile);
      if (text === undefined) continue;
      const review: FileReview = { uri: vscode.Uri.parse(p.uri), baseline: { text, source: p.baselineSource }, edits: p.edits, findings: [], version: undefined, reviewRequired: p.reviewRequired };
      this.reviews.set(p.uri, review);
      restored.push(review);
    }
    for (const p of index?.reviewed ?? this.memento.get<PersistedReviewed[]>(REVIEWED_KEY, [])) {
      const text = await this.readBaseline(p.file);
      if (text !== undefined) this.reviewed.set(p.uri, text);
    }
    if (restored.length > 0) this.changed.fire(restored.map((r) => r.uri));
    return restored;
  }

  private schedulePersist(): void {
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = setTimeout(() => void this.persist(), 200);
  }

  /** Writes the reviews now (also called on dispose). */
  async persist(): Promise<void> {
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = undefined;
    if (!this.storage) return;  // no folder open: memory only
    const saved: PersistedReview[] = [];
    const dir = vscode.Uri.joinPath(this.storage, 'baselines');
    await vscode.workspace.fs.createDirectory(dir);
    for (const r of this.reviews.values()) {
      const baselineFile = `${hashKey(r.uri.toString())}.txt`;
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, baselineFile), Buffer.from(r.baseline.text, 'utf8'));
      saved.push({ uri: r.uri.toString(), edits: [...r.edits].slice(-20), reviewRequired: r.reviewRequired, baselineSource: r.baseline.source, baselineFile });
    }
    await this.memento.update(STATE_KEY, saved);
    const reviewed: PersistedReviewed[] = [];
    for (const [uri, text] of this.reviewed) {
      const file = `reviewed-${hashKey(uri)}.txt`;
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, file), Buffer.from(text, 'utf8'));
      reviewed.push({ uri, file });
    }
    await this.memento.update(REVIEWED_KEY, reviewed);
    // The index also goes to a file next to the baselines: it survives however the window closes.
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, 'index.json'), Buffer.from(JSON.stringify({ reviews: saved, reviewed }), 'utf8'));
  }

  private async readIndex(): Promise<{ reviews: PersistedReview[]; reviewed: PersistedReviewed[] } | undefined> {
    const text = await this.readBaseline('index.json');
    if (text === undefined) return undefined;
    try {
      const parsed = JSON.parse(text) as { reviews?: unknown; reviewed?: unknown };
      return Array.isArray(parsed.reviews) && Array.isArray(parsed.reviewed)
        ? { reviews: parsed.reviews as PersistedReview[], reviewed: parsed.reviewed as PersistedReviewed[] } : undefined;
    } catch {
      return undefined;  // a torn write: fall back to workspace state
    }
  }

  private async readBaseline(file: string): Promise<string | undefined> {
    if (!this.storage) return undefined;
    try {
      return Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.storage, 'baselines', file))).toString('utf8');
    } catch {
      return undefined;
    }
  }

  dispose(): void {
    void this.persist();
    this.changed.dispose();
  }
}

/** A short stable file name for a key (FNV-1a, hex). */
export function hashKey(key: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
