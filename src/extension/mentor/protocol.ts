// The mentoring panel's message protocol: every message between the extension host and the webview
// script (media/mentor/main.ts), as discriminated unions. Both sides import this one file.

/** What a command argument identifies: a file and one finding in it (same shape as `FindingRef`). */
export interface PanelFindingRef {
  readonly uri: string;
  readonly ruleId: string;
  readonly fingerprint?: string;
  readonly version?: number;
}

/** Syntax classes the webview colours with theme variables. */
export type TokenKind = 'keyword' | 'string' | 'comment' | 'number' | 'function' | 'type' | 'decorator' | 'punctuation' | 'plain';

/** A run of text with one syntax class; `changed` marks the characters this change removed or added. */
export interface CodeToken {
  readonly text: string;
  readonly kind: TokenKind;
  readonly changed?: boolean;
}

export interface CodeLine {
  /** One-based line number in its file version. */
  readonly number: number;
  readonly tokens: readonly CodeToken[];
  /** The whole line was removed (left pane) or added (right pane) by the change. */
  readonly mark?: 'removed' | 'added';
}

export interface CodeExcerpt {
  /** e.g. "Last reviewed version" or "Now". */
  readonly label: string;
  readonly lines: readonly CodeLine[];
}

/** The edit that made the change, from the review's edit records. */
export interface EditInfo {
  /** e.g. "bulk edit", "paste", "write to disk by another process". */
  readonly kind: string;
  /** The assistant that most likely made it, when one can be named. */
  readonly source?: string;
  /** Local time, e.g. "14:02". */
  readonly time: string;
}

/** A rule's docs page split into its sections, each rendered to HTML by markdown-it with HTML disabled. */
export interface RuleSections {
  readonly whatHappened: string;
  readonly whyItMatters: string;
  readonly howToFix: string;
  /** The question of "Check yourself"; the answer is kept apart, behind a reveal button. */
  readonly question: string;
  readonly answer: string;
  readonly references: string;
}

/** Everything the panel shows about one rule. */
export interface RuleInfo {
  readonly id: string;
  readonly title: string;
  readonly family: string;
  readonly familyLabel: string;
  readonly familySummary: string;
  readonly severity: string;
  readonly cwe: readonly string[];
  readonly owasp: readonly string[];
  readonly sections: RuleSections;
}

/** A finding as the panel shows it: the rule, and what this change did. */
export interface FindingPage {
  readonly kind: 'finding';
  readonly ref: PanelFindingRef;
  readonly rule: RuleInfo;
  /** The finding's message, its `code` spans rendered by markdown-it (HTML disabled). */
  readonly messageHtml: string;
  /** Workspace-relative path and one-based line of the finding. */
  readonly file: string;
  readonly line: number;
  readonly context?: string;
  /** The removed code (baseline) and the current code, side by side. */
  readonly before?: CodeExcerpt;
  readonly after: CodeExcerpt;
  /** The exact code that was removed or replaced, as the engine reported it. */
  readonly removedSnippet?: string;
  readonly edit?: EditInfo;
  readonly canRestore: boolean;
}

/** A rule without a finding in front of it (from the risk library, or a finding that is gone). */
export interface RulePage {
  readonly kind: 'rule';
  readonly rule: RuleInfo;
  /** Why no code is shown, e.g. "This finding is no longer open." */
  readonly note?: string;
}

export interface LibraryRule {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly severity: string;
}

export interface LibraryFamily {
  readonly id: string;
  readonly label: string;
  readonly summary: string;
  readonly rules: readonly LibraryRule[];
}

export interface Practice {
  readonly title: string;
  /** Rendered from Markdown with HTML disabled. */
  readonly html: string;
}

/** A rule this user has seen fire, kept in global state. */
export interface MetRule {
  readonly ruleId: string;
  readonly title: string;
  /** Epoch milliseconds of the first time. */
  readonly firstSeen: number;
}

export interface LibraryPage {
  readonly kind: 'library';
  readonly families: readonly LibraryFamily[];
  readonly practices: readonly Practice[];
  readonly met: readonly MetRule[];
}

export type Page = FindingPage | RulePage | LibraryPage;

/** What the webview persists with `setState`, and the serializer gets back after a reload. */
export type PanelState =
  | { readonly kind: 'finding'; readonly ref: PanelFindingRef }
  | { readonly kind: 'rule'; readonly ruleId: string }
  | { readonly kind: 'library' };

/** Host → webview. */
export type HostMessage =
  | { readonly type: 'show'; readonly page: Page; readonly state: PanelState }
  | { readonly type: 'restoreResult'; readonly ok: boolean; readonly text: string };

/** Webview → host. */
export type WebviewMessage =
  /** The script loaded; carries what it saved with `setState` before (e.g. before the panel was hidden). */
  | { readonly type: 'ready'; readonly state?: PanelState }
  | {
    readonly type: 'rendered';
    readonly page: Page['kind'];
    readonly ruleId?: string;
    /** The text of the removed-code pane and of its highlighted lines, as the DOM shows them. */
    readonly removedCode?: string;
    readonly removedLines?: readonly string[];
    readonly hasRestoreButton: boolean;
  }
  | { readonly type: 'restore'; readonly ref: PanelFindingRef }
  | { readonly type: 'showRemovedCode'; readonly ref: PanelFindingRef }
  | { readonly type: 'openRule'; readonly ruleId: string }
  | { readonly type: 'openLibrary' };

/** The panel's view type, shared by `createWebviewPanel`, the serializer and the activation event. */
export const MENTOR_VIEW_TYPE = 'redline.mentor';
