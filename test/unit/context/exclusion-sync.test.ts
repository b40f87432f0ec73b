// Exclusion sync: managed blocks in gitignore-format files and merged Claude Code deny rules.
import * as assert from 'node:assert/strict';
import { blockBegin, blockEnd, planExclusionSync, syncClaudeSettingsText, syncGitignoreText } from '../../../src/core/context';

const globs = ['.env*', '*.pem'];

describe('syncGitignoreText', () => {
  it('creates a file holding only the managed block', () => {
    assert.deepEqual(syncGitignoreText(undefined, globs, ['.env.example']), { after: `${blockBegin}\n.env*\n*.pem\n!.env.example\n${blockEnd}\n` });
  });

  it('appends the block after the user\'s lines and keeps them byte for byte', () => {
    const before = '# mine\nnode_modules\n';
    const r = syncGitignoreText(before, globs, []);
    assert.deepEqual(r, { after: `# mine\nnode_modules\n\n${blockBegin}\n.env*\n*.pem\n${blockEnd}\n` });
  });

  it('is idempotent and replaces only the block on a later run', () => {
    const first = syncGitignoreText('a\n', globs, []);
    assert.ok('after' in first);
    assert.deepEqual(syncGitignoreText(first.after, globs, []), { after: first.after });
    const edited = `${first.after}my-own-line\n`;
    const second = syncGitignoreText(edited, ['*.key'], []);
    assert.deepEqual(second, { after: `a\n\n${blockBegin}\n*.key\n${blockEnd}\nmy-own-line\n` });
  });

  it('keeps CRLF line endings', () => {
    const r = syncGitignoreText('dist\r\n', globs, []);
    assert.deepEqual(r, { after: `dist\r\n\r\n${blockBegin}\r\n.env*\r\n*.pem\r\n${blockEnd}\r\n` });
    assert.ok('after' in r);
    assert.deepEqual(syncGitignoreText(r.after, globs, []), { after: r.after });
  });

  it('refuses a block that was opened but never closed', () => {
    const r = syncGitignoreText(`${blockBegin}\n.env\n`, globs, []);
    assert.ok('error' in r && r.error.includes('without "# END Redline"'));
  });
});

describe('syncClaudeSettingsText', () => {
  it('creates settings with Read deny rules that match at any depth', () => {
    const r = syncClaudeSettingsText(undefined, ['.env*', '**/.aws/**', 'config/prod.json']);
    assert.ok('after' in r);
    assert.deepEqual(JSON.parse(r.after), { permissions: { deny: ['Read(./**/.env*)', 'Read(./**/.aws/**)', 'Read(./config/prod.json)'] } });
  });

  it('merges into an existing deny list, keeping comments and the user\'s entries', () => {
    const before = '{\n  // team settings\n  "permissions": {\n    "allow": ["Bash(npm test)"],\n    "deny": ["Read(./secrets/**)", "Read(./**/*.pem)"]\n  }\n}\n';
    const r = syncClaudeSettingsText(before, globs);
    assert.ok('after' in r);
    assert.equal(r.added, 1);
    assert.ok(r.after.includes('// team settings'));
    assert.ok(r.after.includes('"allow": ["Bash(npm test)"]'));
    const parsed = JSON.parse(r.after.replace('// team settings', '')) as { permissions: { deny: string[] } };
    assert.deepEqual(parsed.permissions.deny, ['Read(./secrets/**)', 'Read(./**/*.pem)', 'Read(./**/.env*)']);
    assert.deepEqual(syncClaudeSettingsText(r.after, globs), { after: r.after, added: 0 });
  });

  it('adds a deny list when permissions has none', () => {
    const r = syncClaudeSettingsText('{ "model": "sonnet" }\n', ['*.pem']);
    assert.ok('after' in r);
    assert.deepEqual(JSON.parse(r.after), { model: 'sonnet', permissions: { deny: ['Read(./**/*.pem)'] } });
  });

  it('leaves malformed JSON untouched and says why', () => {
    const r = syncClaudeSettingsText('{ "permissions": { "deny": [ }', globs);
    assert.ok('error' in r && r.error.startsWith('is not valid JSON'));
  });

  it('refuses a deny entry that is not an array', () => {
    const r = syncClaudeSettingsText('{ "permissions": { "deny": "Read(.env)" } }', globs);
    assert.deepEqual(r, { error: '"permissions.deny" is not an array; left untouched.' });
  });
});

describe('planExclusionSync', () => {
  it('plans every format, reports malformed files, and lists assistants needing manual steps', () => {
    const existing = new Map<string, string | undefined>([
      ['.cursorignore', 'node_modules\n'],
      ['.claude/settings.json', '{ broken'],
    ]);
    const plan = planExclusionSync(globs, existing);
    assert.deepEqual(plan.changes.map((c) => c.path), ['.cursorignore', '.codeiumignore', '.continueignore', '.clineignore', '.rooignore', '.aiexclude', '.geminiignore', '.aiderignore', '.aiignore']);
    assert.equal(plan.changes[0]?.summary, 'Appends a Redline block to .cursorignore with 2 globs');
    assert.equal(plan.changes[1]?.summary, 'Creates .codeiumignore with 2 globs');
    assert.equal(plan.changes[1]?.after, `${blockBegin}\n.env*\n*.pem\n!.env.example\n!.env.sample\n!.env.template\n${blockEnd}\n`);
    assert.deepEqual(plan.errors.map((e) => e.path), ['.claude/settings.json']);
    assert.ok(plan.manual.some((m) => m.assistant === 'GitHub Copilot' && m.instruction.includes('agent mode')));
  });

  it('changes nothing when run on its own output', () => {
    const first = planExclusionSync(globs, new Map(), { targets: ['.cursorignore', '.claude/settings.json'] });
    const files = new Map(first.changes.map((c) => [c.path, c.after] as [string, string]));
    assert.deepEqual(planExclusionSync(globs, files, { targets: ['.cursorignore', '.claude/settings.json'] }).changes, []);
  });
});
