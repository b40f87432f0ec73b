// The context guard as the user sees it: a sensitive file carries Redline's badge and colour in the
// Explorer, and Sync AI exclusions previews each file (with a diff) before writing.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { redlineApi } from '../fileHelpers';
import type { SyncResult } from '../../../../src/extension/contextGuard/syncExclusions';
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

  test('Sync AI exclusions lists each file with its summary, the diff button opens now ↔ after sync, and accepting writes them', async () => {
    const root = workspaceFolder().uri.fsPath;
    const targets = ['.aiderignore', '.aiexclude', '.aiignore', '.claude/settings.json', '.clineignore', '.codeiumignore', '.continueignore', '.cursorignore', '.geminiignore', '.rooignore'];
    const clean = (): void => {
      for (const t of targets) fs.rmSync(path.join(root, t), { force: true });
      fs.rmSync(path.join(root, '.claude'), { recursive: true, force: true });
    };
    clean();
    try {
      const pending = Promise.resolve(vscode.commands.executeCommand<SyncResult>('redline.syncAiExclusions'));
      const row = '.quick-input-widget .monaco-list-row:has-text(".cursorignore")';
      const r = await ui('sync-preview', [
        { action: 'waitFor', selector: row },
        { action: 'text', selector: '.quick-input-widget .monaco-list-row' },
        { action: 'hover', selector: row },
        { action: 'click', selector: `${row} .codicon-diff` },
        { action: 'waitFor', selector: '.tab:has-text(".cursorignore: now ↔ after sync")' },
        { action: 'waitFor', selector: '.monaco-diff-editor' },
        { action: 'screenshot', name: 'context-guard-sync-preview' },
      ]);
      assert.ok(r.ok, r.error);
      const rows = r.results[1]?.texts ?? [];
      assert.ok(rows.some((t) => t.includes('.cursorignore') && t.includes('Creates .cursorignore with 20 globs')), `the .cursorignore row and its summary: ${rows.join(' | ')}`);
      assert.ok(rows.some((t) => t.includes('.claude/settings.json') && t.includes('Read(...) rules to permissions.deny')), 'the Claude Code row and its summary');
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      const result = await pending;
      assert.deepStrictEqual([...result.written].sort(), targets);
      assert.match(fs.readFileSync(path.join(root, '.cursorignore'), 'utf8'), /^# BEGIN Redline[^\n]*\n\.env\*\n/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      clean();
    }
  });
});
