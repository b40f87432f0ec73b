// "Copy Redacted": copies the selection (or the whole file) with every secret masked, for pasting
// into a chat with an assistant.
import * as vscode from 'vscode';
import { detectSecrets, redactSecrets } from '../../core/secrets';
import { relativePath } from '../paths';

/** What the command copied (returned for tests). */
export interface CopyRedactedResult {
  readonly text: string;
  readonly masked: number;
}

/** The text of the non-empty selections, or of the whole document when nothing is selected. */
function selectedText(editor: vscode.TextEditor): string {
  const doc = editor.document;
  const parts = editor.selections.filter((s) => !s.isEmpty).map((s) => doc.getText(s));
  return parts.length > 0 ? parts.join(doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n') : doc.getText();
}

/** Copies the redacted text to the clipboard and says how many secrets were masked. */
export async function copyRedacted(): Promise<CopyRedactedResult | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Redline: open a file to copy it redacted.'));
    return undefined;
  }
  const path = relativePath(editor.document.uri);
  const original = selectedText(editor);
  const masked = detectSecrets(original, { path }).length;
  const text = masked > 0 ? redactSecrets(original, { path }) : original;
  await vscode.env.clipboard.writeText(text);
  void vscode.window.showInformationMessage(masked === 0
    ? vscode.l10n.t('Redline: copied; no secrets found.')
    : masked === 1 ? vscode.l10n.t('Redline: copied with 1 secret masked.') : vscode.l10n.t('Redline: copied with {0} secrets masked.', masked));
  return { text, masked };
}
