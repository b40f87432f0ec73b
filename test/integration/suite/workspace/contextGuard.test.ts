// Context guard in the editor: a sensitive file opened while an assistant is present (the workspace
// has AGENTS.md) warns once; Sync AI exclusions writes every format, idempotently, keeping the user's
// lines; Copy Redacted masks secrets; a secret written by an assistant's edit gets a masked finding.
// The fake secrets are assembled at run time so that no secret-shaped string is committed.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { applyAssistantEdit, commitFile, lineOf, redlineApi, redlineDiagnostics, sleep, waitForDiagnostic, waitForNoDiagnostics } from '../fileHelpers';
import { waitFor, workspaceFolder } from '../helpers';
import type { SyncResult } from '../../../../src/extension/contextGuard/syncExclusions';
import type { CopyRedactedResult } from '../../../../src/extension/contextGuard/copyRedacted';
import type { FolderExposure } from '../../../../src/extension/contextGuard/workspaceScan';
import type { ShownWarning } from '../../../../src/extension/contextGuard/warner';

/** Deterministic letters and digits (a small LCG), so the fake secrets are the same in every run. */
function fakeChars(seed: number, length: number): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  let x = seed >>> 0;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out += alphabet[(x >>> 8) % alphabet.length];
  }
  return out;
}

const OPENAI_KEY = ['sk', 'proj', fakeChars(7, 40)].join('-');
const DB_PASSWORD = fakeChars(13, 14);
const GITHUB_TOKEN = ['gh', 'p_'].join('') + fakeChars(11, 36);
const STRIPE_KEY = ['sk', 'live', fakeChars(17, 24)].join('_');
const ENV_TEXT = [
  '# Local settings for the invoice API (fake values for tests).',
  'PORT=3000',
  `OPENAI_API_KEY=${OPENAI_KEY}`,
  `DATABASE_URL=postgres://invoices:${DB_PASSWORD}@db.internal:5432/invoices`,
  `GITHUB_TOKEN=${GITHUB_TOKEN}`,
  '',
].join('\n');

const SYNC_TARGETS = ['.aiderignore', '.aiexclude', '.aiignore', '.claude/settings.json', '.clineignore', '.codeiumignore', '.continueignore', '.cursorignore', '.geminiignore', '.rooignore'];
const CURSOR_USER_LINES = '# Keep build output out of Cursor\nbuild/\n';
const CLAUDE_USER_SETTINGS = '{\n  // Team settings for Claude Code\n  "permissions": {\n    "deny": [\n      // customer exports\n      "Read(./private/**)"\n    ]\n  }\n}\n';

const root = (): string => workspaceFolder().uri.fsPath;
const file = (rel: string): string => path.join(root(), rel);
const envUri = (): vscode.Uri => vscode.Uri.file(file('.env'));

async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

function removeSyncOutput(): void {
  for (const rel of SYNC_TARGETS) fs.rmSync(file(rel), { force: true });
  fs.rmSync(file('.claude'), { recursive: true, force: true });
  fs.rmSync(file('.cursorindexingignore'), { force: true });
  fs.rmSync(file('config'), { recursive: true, force: true });
}

suite('Context guard: sensitive files and AI assistants', () => {
  suiteSetup(() => {
    fs.writeFileSync(file('.env'), ENV_TEXT);
    fs.writeFileSync(file('credentials.json'), '{ "user": "svc-invoices" }\n');
  });

  suiteTeardown(async () => {
    await closeAllEditors();
    await vscode.workspace.getConfiguration('redline').update('contextGuard.warn', undefined, vscode.ConfigurationTarget.Workspace);
    removeSyncOutput();
    fs.rmSync(file('.env'), { force: true });
    fs.rmSync(file('credentials.json'), { force: true });
    fs.rmSync(file('deploy'), { recursive: true, force: true });
    fs.rmSync(file('notes'), { recursive: true, force: true });
    (await redlineApi()).contextGuard.refresh();
  });

  test('opening .env while AGENTS.md marks an assistant warns once, with a masked reason and who can read it', async () => {
    const api = await redlineApi();
    const forEnv = (): number => api.contextGuard.warnings().filter((w) => w.path === '.env').length;
    assert.strictEqual(forEnv(), 0, 'no warning before .env is opened');
    await vscode.window.showTextDocument(envUri());
    const warning = await waitFor(() => api.contextGuard.warnings().find((w) => w.path === '.env'), 'a warning about .env');
    assert.strictEqual(warning.message, 'Redline: .env holds a secret (OpenAI API key sk-p…) and OpenAI Codex can read it: no AI exclusion covers it.');

    const note = await waitFor(() => (api.contextGuard.statusNote().visible ? api.contextGuard.statusNote() : undefined), 'the status bar note');
    assert.strictEqual(note.text, '$(key) AI can read this file');
    assert.match(note.tooltip, /^\.env: Sensitive: holds a secret \(OpenAI API key sk-p…\)\. Readable by OpenAI Codex: no exclusion covers it\./);

    const badge = await api.contextGuard.decoration(envUri());
    assert.deepStrictEqual(badge, { badge: 'S', tooltip: 'Sensitive: holds a secret (OpenAI API key sk-p…). Readable by OpenAI Codex: no exclusion covers it.', colored: true });

    await closeAllEditors();
    await waitFor(() => !api.contextGuard.statusNote().visible || undefined, 'the status note hidden once no sensitive editor is active');
    await vscode.window.showTextDocument(envUri());
    await sleep(1500);
    assert.strictEqual(forEnv(), 1, 'reopening .env in the same session does not warn again');
    await closeAllEditors();
  });

  test('contextGuard.warn = never keeps a sensitive file silent; switching back warns for the visible file', async () => {
    const api = await redlineApi();
    const config = vscode.workspace.getConfiguration('redline');
    await config.update('contextGuard.warn', 'never', vscode.ConfigurationTarget.Workspace);
    const uri = vscode.Uri.file(file('credentials.json'));
    await vscode.window.showTextDocument(uri);
    await sleep(1500);
    assert.deepStrictEqual(api.contextGuard.warnings().filter((w) => w.path === 'credentials.json'), []);
    await config.update('contextGuard.warn', undefined, vscode.ConfigurationTarget.Workspace);
    const warning = await waitFor(() => api.contextGuard.warnings().find((w) => w.path === 'credentials.json'), 'a warning once the setting allows it');
    assert.strictEqual(warning.message, 'Redline: credentials.json matches credentials* and OpenAI Codex can read it: no AI exclusion covers it.');
    await closeAllEditors();
  });

  test('without any assistant a sensitive file stays silent, and contextGuard.warn = always warns anyway', async () => {
    const api = await redlineApi();
    const config = vscode.workspace.getConfiguration('redline');
    fs.renameSync(file('AGENTS.md'), file('AGENTS.md.away'));
    fs.writeFileSync(file('secrets.yaml'), 'region: eu-west-1\n');
    try {
      api.contextGuard.refresh();
      await vscode.window.showTextDocument(vscode.Uri.file(file('secrets.yaml')));
      await sleep(1500);
      assert.deepStrictEqual(api.contextGuard.warnings().filter((w) => w.path === 'secrets.yaml'), [], 'no assistant: no warning');
      assert.strictEqual(api.contextGuard.statusNote().visible, false);
      const badge = await api.contextGuard.decoration(vscode.Uri.file(file('secrets.yaml')));
      assert.deepStrictEqual(badge, { badge: 'S', tooltip: 'Sensitive: matches secrets.*. No AI assistant found in this workspace.', colored: false });

      await config.update('contextGuard.warn', 'always', vscode.ConfigurationTarget.Workspace);
      const warning = await waitFor(() => api.contextGuard.warnings().find((w) => w.path === 'secrets.yaml'), 'a warning once the setting says always');
      assert.strictEqual(warning.message, 'Redline: secrets.yaml matches secrets.*. An AI assistant may read it and send it to a model: no AI exclusion covers it.');
    } finally {
      await config.update('contextGuard.warn', undefined, vscode.ConfigurationTarget.Workspace);
      fs.renameSync(file('AGENTS.md.away'), file('AGENTS.md'));
      fs.rmSync(file('secrets.yaml'), { force: true });
      api.contextGuard.refresh();
      await closeAllEditors();
    }
  });

  test('two sensitive files opened together warn one after the other, at least 3 seconds apart', async () => {
    const api = await redlineApi();
    fs.mkdirSync(file('deploy'), { recursive: true });
    fs.writeFileSync(file('deploy/server.pem'), 'certificate placeholder for tests\n');
    fs.writeFileSync(file('deploy/client.key'), 'key placeholder for tests\n');
    await vscode.window.showTextDocument(vscode.Uri.file(file('deploy/server.pem')));
    await vscode.window.showTextDocument(vscode.Uri.file(file('deploy/client.key')), { viewColumn: vscode.ViewColumn.Beside });
    const find = (p: string): ShownWarning | undefined => api.contextGuard.warnings().find((w) => w.path === p);
    const [pem, key] = await waitFor(() => {
      const a = find('deploy/server.pem');
      const b = find('deploy/client.key');
      return a && b ? [a, b] : undefined;
    }, 'a warning for each file', 20000);
    assert.deepStrictEqual([pem.message, key.message], [
      'Redline: deploy/server.pem matches *.pem and OpenAI Codex can read it: no AI exclusion covers it.',
      'Redline: deploy/client.key matches *.key and OpenAI Codex can read it: no AI exclusion covers it.',
    ]);
    assert.ok(Math.abs(key.time - pem.time) >= 2900, `warnings ${Math.abs(key.time - pem.time)} ms apart`);
    await closeAllEditors();
    fs.rmSync(file('deploy'), { recursive: true, force: true });
  });

  test('Sync AI exclusions writes every format, keeps the user\'s lines and comments, records an audit entry, and a second run is in sync', async () => {
    removeSyncOutput();
    fs.writeFileSync(file('.cursorignore'), CURSOR_USER_LINES);
    fs.mkdirSync(file('.claude'), { recursive: true });
    fs.writeFileSync(file('.claude/settings.json'), CLAUDE_USER_SETTINGS);

    const first = await vscode.commands.executeCommand<SyncResult>('redline.syncAiExclusions', { confirm: true });
    assert.deepStrictEqual([...first.written].sort(), SYNC_TARGETS);
    assert.ok(first.manual.some((m) => m.assistant === 'GitHub Copilot' && /content exclusion/.test(m.instruction)), 'GitHub Copilot is listed with what to do instead');
    assert.deepStrictEqual(first.errors, []);

    const cursor = fs.readFileSync(file('.cursorignore'), 'utf8');
    assert.ok(cursor.startsWith(`${CURSOR_USER_LINES}\n# BEGIN Redline`), `the user's lines stay first, unchanged:\n${cursor}\nerrors: ${(await redlineApi()).errors().join(' | ')}`);
    for (const rel of SYNC_TARGETS.filter((t) => !t.startsWith('.claude'))) {
      const lines = fs.readFileSync(file(rel), 'utf8').split('\n');
      const begin = lines.findIndex((l) => l.startsWith('# BEGIN Redline'));
      const end = lines.indexOf('# END Redline');
      assert.ok(begin >= 0 && end > begin, `${rel} has the managed block`);
      const block = lines.slice(begin + 1, end);
      assert.ok(block.includes('.env*') && block.includes('*.pem') && block.includes('!.env.example'), `${rel} lists the sensitive globs and exceptions`);
    }
    const claude = fs.readFileSync(file('.claude/settings.json'), 'utf8');
    assert.ok(claude.includes('// Team settings for Claude Code') && claude.includes('      // customer exports\n      "Read(./private/**)",\n'), `comments and the user's deny entry survive:\n${claude}`);
    assert.ok(claude.includes('"Read(./**/.env*)"') && claude.includes('"Read(./**/*.pem)"'), 'Read rules for the sensitive globs are merged in');

    const dir = (await redlineApi()).auditDirectory();
    assert.ok(dir, 'the audit log has a directory');
    const entry = await waitFor(() => {
      const lines = fs.existsSync(dir) ? fs.readdirSync(dir).flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n')) : [];
      return lines.filter(Boolean).map((l) => JSON.parse(l) as { type: string; data: { files?: string[] } }).find((e) => e.type === 'exclusion-sync');
    }, 'exclusion-sync entry in the audit log');
    assert.deepStrictEqual([...(entry.data.files ?? [])].sort(), SYNC_TARGETS);

    const second = await vscode.commands.executeCommand<SyncResult>('redline.syncAiExclusions', { confirm: true });
    assert.deepStrictEqual({ written: second.written, inSync: second.inSync }, { written: [], inSync: true });
    assert.strictEqual(fs.readFileSync(file('.cursorignore'), 'utf8'), cursor, 'the second run changes nothing');
    assert.strictEqual(fs.readFileSync(file('.claude/settings.json'), 'utf8'), claude);

    fs.writeFileSync(file('.cursorindexingignore'), 'config/\n');
    fs.mkdirSync(file('config'), { recursive: true });
    fs.writeFileSync(file('config/app.txt'), `github_token = ${GITHUB_TOKEN}\n`);
    const api = await redlineApi();
    api.contextGuard.refresh();
    // Refresh rather than Show: focusing the view would shrink the Review view for the suites after this one.
    const [folder] = await vscode.commands.executeCommand<FolderExposure[]>('redline.refreshExposure');
    assert.ok(folder, 'one folder in the exposure report');
    const env = folder.report.entries.find((e) => e.path === '.env');
    assert.deepStrictEqual(env?.exposedTo, ['openai-codex'], 'only Codex, which has no exclusion file, can still read .env');
    const cover = (assistant: string): string | undefined => env?.coveredBy.find((c) => c.assistant === assistant)?.pattern;
    assert.deepStrictEqual([cover('cursor'), cover('claude-code')], ['.env*', 'Read(./**/.env*)']);
    assert.ok(env?.gaps.includes('Cursor (Agent, Composer, Tab): Not the agent\'s terminal commands or MCP tools: an agent can still `cat` an ignored file.'), 'the Cursor gap is named');
    const indexed = folder.report.entries.find((e) => e.path === 'config/app.txt');
    assert.deepStrictEqual(indexed?.reasons.map((r) => (r.kind === 'secret' ? `${r.detector} ${r.masked} line ${r.line}` : r.glob)), ['github-token ghp_… line 1']);
    assert.deepStrictEqual(indexed?.indexingOnly, ['cursor'], '.cursorindexingignore protects nothing');
    assert.ok(indexed?.gaps.includes('Cursor (Agent, Composer, Tab): listed only in an indexing-only file, which protects nothing.'));
    fs.rmSync(file('config'), { recursive: true, force: true });
    fs.rmSync(file('.cursorindexingignore'), { force: true });
  });

  test('Exclude from AI Context adds a file holding a secret to redline.excludeFromAI once, and Sync writes it for every assistant', async () => {
    const config = vscode.workspace.getConfiguration('redline');
    fs.mkdirSync(file('notes'), { recursive: true });
    fs.writeFileSync(file('notes/customer-export.txt'), `Export for the ACME migration, token ${OPENAI_KEY}\n`);
    const uri = vscode.Uri.file(file('notes/customer-export.txt'));
    try {
      assert.strictEqual(await vscode.commands.executeCommand<string | undefined>('redline.excludeFromAI', uri), 'notes/customer-export.txt');
      assert.deepStrictEqual(config.inspect<string[]>('excludeFromAI')?.workspaceValue, ['notes/customer-export.txt']);
      assert.strictEqual(await vscode.commands.executeCommand<string | undefined>('redline.excludeFromAI', uri), undefined, 'already listed');
      assert.strictEqual(await vscode.commands.executeCommand<string | undefined>('redline.excludeFromAI', envUri()), undefined, '.env is covered by .env*');
      assert.deepStrictEqual(config.inspect<string[]>('excludeFromAI')?.workspaceValue, ['notes/customer-export.txt']);

      const result = await vscode.commands.executeCommand<SyncResult>('redline.syncAiExclusions', { confirm: true });
      assert.deepStrictEqual([...result.written].sort(), SYNC_TARGETS, 'every file gains the new pattern');
      assert.match(fs.readFileSync(file('.cursorignore'), 'utf8'), /\nservice-account\*\.json\nnotes\/customer-export\.txt\n!\.env\.example\n/);
      assert.ok(fs.readFileSync(file('.claude/settings.json'), 'utf8').includes('"Read(./notes/customer-export.txt)"'));
    } finally {
      await config.update('excludeFromAI', undefined, vscode.ConfigurationTarget.Workspace);
      fs.rmSync(file('notes'), { recursive: true, force: true });
    }
  });

  test('Copy Redacted copies the whole file with every secret masked, or only the selection', async () => {
    const editor = await vscode.window.showTextDocument(envUri());
    const whole = await vscode.commands.executeCommand<CopyRedactedResult>('redline.copyRedacted');
    assert.strictEqual(whole.masked, 3);
    assert.strictEqual(whole.text, [
      '# Local settings for the invoice API (fake values for tests).',
      'PORT=3000',
      'OPENAI_API_KEY=sk-p…',
      'DATABASE_URL=postgres://invoices:' + DB_PASSWORD.slice(0, 4) + '…@db.internal:5432/invoices',
      'GITHUB_TOKEN=ghp_…',
      '',
    ].join('\n'));
    assert.strictEqual(await vscode.env.clipboard.readText(), whole.text, 'the clipboard holds the redacted text');

    const line = lineOf(ENV_TEXT, 'OPENAI_API_KEY');
    editor.selection = new vscode.Selection(line, 0, line, editor.document.lineAt(line).text.length);
    const selected = await vscode.commands.executeCommand<CopyRedactedResult>('redline.copyRedacted');
    assert.deepStrictEqual(selected, { text: 'OPENAI_API_KEY=sk-p…', masked: 1 });
    assert.strictEqual(await vscode.env.clipboard.readText(), 'OPENAI_API_KEY=sk-p…');
    await closeAllEditors();
  });

  test('a Stripe key written by an assistant edit gets a secret-in-code finding that shows only its first 4 characters', async () => {
    const before = "const express = require('express');\n\nmodule.exports = { currency: 'eur' };\n";
    const after = `const express = require('express');\n\nconst payments = {\n  provider: 'stripe',\n  apiKey: '${STRIPE_KEY}',\n  currency: 'eur',\n};\n\nmodule.exports = payments;\n`;
    const uri = commitFile('src/payments.js', before);
    await applyAssistantEdit(uri, after);
    const diagnostic = await waitForDiagnostic(uri, 'secret-in-code');
    assert.strictEqual(diagnostic.range.start.line, lineOf(after, 'apiKey'));
    assert.strictEqual(diagnostic.message, 'Stripe live key `sk_l…` was written into this file by an AI edit. Move it to an environment variable or a secret store, and rotate it if it was ever committed or sent to an assistant.');
    assert.ok(!diagnostic.message.includes(STRIPE_KEY.slice(0, 5)), 'no more than 4 characters of the key');
    assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(typeof diagnostic.code === 'object' && diagnostic.code.target.path.endsWith('/docs/rules/secret-in-code.md'));

    const api = await redlineApi();
    const review = await waitFor(() => api.reviews().find((r) => r.uri.toString() === uri.toString() && r.extraFindings?.integration?.length), 'the file in the Review view');
    assert.deepStrictEqual(review.extraFindings?.integration?.map((f) => `${f.ruleId}@${f.range.start.line}`), [`secret-in-code@${lineOf(after, 'apiKey')}`]);

    await applyAssistantEdit(uri, before);
    await waitForNoDiagnostics(uri);
    assert.deepStrictEqual(redlineDiagnostics(uri), []);
  });
});
