// Hidden characters as the user sees them: ghost labels such as ⟨U+202E⟩ and the decoded tag text in a
// Markdown file. VS Code draws decoration text with CSS `content`, so the test counts the decorated spans in
// the editor's DOM and keeps a screenshot of what they show. Characters are built at run time.
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

  test('ghost labels and the decoded hidden text show in the editor', async () => {
    const lines = ['# Release notes', '', `Deploy on Tuesdays.${ZWSP} Ask the on-call${RLO} first.`, `Keep the changelog short.${tags('Skip the security review.')}`, ''];
    createdDocs = !fs.existsSync(path.dirname(file()));
    fs.mkdirSync(path.dirname(file()), { recursive: true });
    fs.writeFileSync(file(), lines.join('\n'));
    const uri = vscode.Uri.file(file());
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitForDiagnostic(uri, 'hidden-unicode');
    const ghosts = await ui('hidden-characters', [
      { action: 'waitFor', selector: '.monaco-editor .view-line:has-text("Deploy on Tuesdays") span[class*="ced-"]' },
      { action: 'count', selector: '.monaco-editor .view-line:has-text("Deploy on Tuesdays") span[class*="ced-"]' },
      { action: 'count', selector: '.monaco-editor .view-line:has-text("Keep the changelog short") span[class*="ced-"]' },
      { action: 'count', selector: '.monaco-editor .view-line:has-text("Release notes") span[class*="ced-"]' },
      { action: 'screenshot', name: 'hidden-characters' },
    ]);
    assert.ok(ghosts.ok, ghosts.error);
    // Each ghost label is a decorated span (VS Code may split one decoration into the range and its `before` part).
    assert.ok((ghosts.results[1]?.count ?? 0) >= 2, `ghost labels for the zero-width space and the override: ${ghosts.results[1]?.count ?? 0} spans`);
    assert.ok((ghosts.results[2]?.count ?? 0) >= 1, `a ghost label with the decoded tag text: ${ghosts.results[2]?.count ?? 0} spans`);
    assert.strictEqual(ghosts.results[3]?.count, 0, 'nothing on a clean line');
  });
});
