// The context guard as the user sees it: a sensitive file carries Redline's badge and colour in the Explorer.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { redlineApi } from '../fileHelpers';
import { ui, waitFor, workspaceFolder } from '../helpers';

suite('UI: sensitive files in the Explorer', () => {
  const rel = '.env.local';
  const file = (): string => path.join(workspaceFolder().uri.fsPath, rel);

  suiteTeardown(() => fs.rmSync(file(), { force: true }));

  test('a .env.local file shows the S badge and the exposed colour in the Explorer', async () => {
    fs.writeFileSync(file(), 'PORT=3000\nLOG_LEVEL=debug\n');
    const uri = vscode.Uri.file(file());
    const api = await redlineApi();
    await waitFor(async () => (await api.contextGuard.decoration(uri))?.colored || undefined, 'the decoration of .env.local');
    await vscode.commands.executeCommand('workbench.view.explorer');
    await vscode.commands.executeCommand('workbench.files.action.refreshFilesExplorer');
    await vscode.commands.executeCommand('revealInExplorer', uri);
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    const row = `.explorer-folders-view .monaco-list-row:has-text("${rel}")`;
    const r = await ui('context-guard-badge', [
      { action: 'waitFor', selector: row },
      { action: 'waitFor', selector: `${row} [class*="monaco-decoration-itemBadge"]` },
      { action: 'html', selector: row },
      { action: 'screenshot', name: 'context-guard-badge' },
    ]);
    assert.ok(r.ok, r.error);
    const html = r.results[2]?.html ?? '';
    assert.match(html, /monaco-decoration-itemColor-/, 'the label has the sensitive-file colour');
    assert.match(html, /monaco-decoration-itemBadge-/, 'the label has a decoration badge');
  });
});
