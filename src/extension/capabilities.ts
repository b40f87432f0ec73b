// Feature detection for editor APIs Redline can use but must not require: forks built on older or
// trimmed VS Code bases may lack them, and Redline then degrades instead of failing to activate.
import type * as vscode from 'vscode';

/** Optional APIs, detected at run time. */
export interface Capabilities {
  /** `languages.registerDocumentPasteEditProvider`: tells pastes apart from other bulk edits. */
  readonly pasteEditProvider: boolean;
  /** `TextDocumentChangeReason`: tells undo/redo apart from new edits. */
  readonly changeReason: boolean;
  /** `window.createOutputChannel(name, { log: true })`: a leveled log channel. */
  readonly logOutputChannel: boolean;
}

/** The parts of the `vscode` namespace that feature detection looks at. */
export type VscodeSurface = {
  readonly languages: Partial<Pick<typeof vscode.languages, 'registerDocumentPasteEditProvider'>>;
  readonly TextDocumentChangeReason?: unknown;
  readonly LogLevel?: unknown;
};

export function detectCapabilities(api: VscodeSurface): Capabilities {
  return {
    pasteEditProvider: typeof api.languages.registerDocumentPasteEditProvider === 'function',
    changeReason: api.TextDocumentChangeReason !== undefined,
    logOutputChannel: api.LogLevel !== undefined,
  };
}

/** One line for the output channel: what degrades on this host. */
export function describeCapabilities(c: Capabilities): string {
  const missing = [
    ...(c.pasteEditProvider ? [] : ['paste detection (pastes are treated as bulk edits)']),
    ...(c.changeReason ? [] : ['undo/redo detection (undo is compared with the baseline instead)']),
    ...(c.logOutputChannel ? [] : ['leveled log channel']),
  ];
  return missing.length === 0 ? 'All optional editor APIs are available.' : `Not available on this host: ${missing.join('; ')}.`;
}
