// The Redline status bar item: a shield, a count of files waiting for review, and the state.
import * as vscode from 'vscode';

/** What the status bar shows. */
export interface StatusState {
  readonly unreviewedFiles: number;
  readonly hasErrors: boolean;
  readonly trusted: boolean;
  /** `redline.enabled`. */
  readonly enabled?: boolean;
}

/** Owns the status bar item and renders a `StatusState` into it. */
export class RedlineStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private tooltipText = '';

  constructor() {
    this.item = vscode.window.createStatusBarItem('redline.status', vscode.StatusBarAlignment.Left, 10);
    this.item.name = 'Redline';
    this.item.command = 'redline.showOutput';
    this.render({ unreviewedFiles: 0, hasErrors: false, trusted: vscode.workspace.isTrusted });
    this.item.show();
  }

  render(state: StatusState): void {
    const count = state.unreviewedFiles;
    this.item.text = state.enabled === false ? '$(shield) Redline: off' : count > 0 ? `$(shield) Redline ${count}` : '$(shield) Redline';
    this.item.backgroundColor = state.hasErrors ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(state.enabled === false ? '**Redline** is switched off (`redline.enabled`).\n\n' : '**Redline** is watching AI edits.\n\n');
    tooltip.appendMarkdown(count === 0
      ? 'No AI-edited files are waiting for review.'
      : `${count} AI-edited file${count === 1 ? '' : 's'} waiting for review${state.hasErrors ? ', with at least one error' : ''}.`);
    if (!state.trusted) tooltip.appendMarkdown('\n\nRestricted Mode: the repository may only tighten Redline.');
    this.item.tooltip = tooltip;
    this.tooltipText = tooltip.value;
    this.item.accessibilityInformation = { label: `Redline: ${count} files waiting for review`, role: 'button' };
  }

  /** What the item shows now (for tests and the output channel). */
  snapshot(): { text: string; tooltip: string } {
    return { text: this.item.text, tooltip: this.tooltipText };
  }

  dispose(): void {
    this.item.dispose();
  }
}
