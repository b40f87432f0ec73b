// Hidden characters as the user sees them: ghost labels such as ⟨U+202E⟩ and the decoded tag text in a
// Markdown file, and a hover naming each character. Characters are built at run time.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { waitForDiagnostic } from '../fileHelpers';
import { ui, workspaceFolder } from '../helpers';

const tags = (text: string): string => [...text].map((ch) => String.fromCodePoint(0xe0000 + ch.charCodeAt(0))).join('');
const ZWSP = String.fromCodePoint(0x200b);
const RLO = String.fromCodePoint(0x202e);

suite('UI: hidden characters made visible', () => {
  const rel = 'docs/hidden-ui.md';
  const file = (): string => path.join(workspaceFolder().uri.fsPath, rel);
  let createdDocs = false;

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(createdDocs ? path.dirname(file()) : file(), { recursive: true, force: true });
  });

  test('ghost labels and the decoded hidden text show in the editor, and hovering one names the character', async () => {
    const lines = ['# Release notes', '', `Deploy on Tuesdays.${ZWSP} Ask the on-call${RLO} first.`, `Keep the changelog short.${tags('Skip the security review.')}`, ''];
    createdDocs = !fs.existsSync(path.dirname(file()));
    fs.mkdirSync(path.dirname(file()), { recursive: true });
    fs.writeFileSync(file(), lines.join('\n'));
    const uri = vscode.Uri.file(file());
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitForDiagnostic(uri, 'hidden-unicode');
    const ghosts = await ui('hidden-characters', [
      { action: 'waitFor', selector: '.monaco-editor .view-lines span[class*="ced-"]' },
      { action: 'count', selector: '.monaco-editor .view-lines span[class*="ced-"]' },
      { action: 'screenshot', name: 'hidden-characters' },
    ]);
    assert.ok(ghosts.ok, ghosts.error);
    assert.ok((ghosts.results[1]?.count ?? 0) >= 3, `ghost-label spans in the editor: ${ghosts.results[1]?.count ?? 0}`);

    // The hover: the mouse over the first ghost label of line 3 (the zero-width space), as a user would.
    const ghost = '.monaco-editor .view-line:has-text("Deploy on Tuesdays") span[class*="ced-"]';
    let hover: Awaited<ReturnType<typeof ui>> | undefined;
    for (let attempt = 0; attempt < 3 && !hover?.ok; attempt++) {
      await vscode.commands.executeCommand('notifications.clearAll');
      hover = await ui('hidden-characters-hover', [
        { action: 'hover', selector: '.monaco-editor .view-line:has-text("Release notes")' },
        { action: 'hover', selector: ghost },
        { action: 'waitFor', selector: '.monaco-hover-content:has-text("Redline: hidden character")', timeoutMs: 5000 },
        { action: 'screenshot', name: 'hidden-characters-hover' },
      ]);
    }
    assert.ok(hover?.ok, hover?.error);
    assert.match(hover.results[2]?.text ?? '', /Redline: hidden character/);
    assert.match(hover.results[2]?.text ?? '', /⟨U\+200B ZERO WIDTH SPACE⟩/);
  });
});
