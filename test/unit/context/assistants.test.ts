// The table of AI assistants and its lookups.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assistantForHost, assistants, assistantsForExtensions, assistantsFromMarkers } from '../../../src/core/assistants';

describe('assistants table', () => {
  it('has unique ids and lower-case extension ids', () => {
    const ids = assistants.map((a) => a.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const a of assistants) for (const e of a.extensionIds) assert.equal(e, e.toLowerCase(), e);
  });

  it('finds assistants from installed extension ids, case-insensitively', () => {
    assert.deepEqual(assistantsForExtensions(['GitHub.copilot-chat', 'saoudrizwan.claude-dev', 'ms-python.python']).map((a) => a.id), ['github-copilot', 'cline']);
  });

  it('recognises the built-in agent of Cursor, Windsurf, Trae and Kiro from the app name', () => {
    assert.equal(assistantForHost('Cursor')?.id, 'cursor');
    assert.equal(assistantForHost('Windsurf - Next')?.id, 'windsurf');
    assert.equal(assistantForHost('Trae')?.id, 'trae');
    assert.equal(assistantForHost('Kiro')?.id, 'kiro');
    assert.equal(assistantForHost('Visual Studio Code'), undefined);
  });

  it('finds assistants from workspace marker files and folders', () => {
    assert.deepEqual(assistantsFromMarkers(['CLAUDE.md', '.cursor/rules/a.mdc', 'src/index.ts', '.aider.conf.yml']).map((a) => a.id), ['cursor', 'claude-code', 'aider']);
    assert.deepEqual(assistantsFromMarkers(['AGENTS.md']).map((a) => a.id), ['openai-codex']);
  });

  it('marks .cursorindexingignore as protecting nothing and .cursorignore as missing terminal and MCP', () => {
    const cursor = assistants.find((a) => a.id === 'cursor');
    const indexing = cursor?.ignore.find((i) => i.file === '.cursorindexingignore');
    assert.equal(indexing?.protectsNothing, true);
    assert.ok(cursor?.ignore.find((i) => i.file === '.cursorignore')?.gaps.includes('MCP'));
  });

  it('is documented in docs/ai-exclusions.md, every exclusion file and extension id', () => {
    const doc = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', '..', 'docs', 'ai-exclusions.md'), 'utf8');
    for (const a of assistants) {
      for (const i of a.ignore.filter((x) => x.format !== 'none')) assert.ok(doc.includes(`\`${i.file}\``), `${a.id}: ${i.file}`);
      for (const e of a.extensionIds) assert.ok(doc.includes(`\`${e}\``), `${a.id}: ${e}`);
    }
  });
});
