import * as assert from 'assert';
import { assistantById } from '../../../src/core/assistants';
import { describeEditClass, likelySource } from '../../../src/core/edits/attribution';

const copilot = assistantById('github-copilot')!;

describe('likelySource', () => {
  it('never attributes typing to an assistant', () => {
    assert.strictEqual(likelySource('typing', { activeExtensions: [copilot], configured: [] }), undefined);
  });

  it('names the active assistant extension for a bulk edit', () => {
    assert.strictEqual(likelySource('bulk', { activeExtensions: [copilot], configured: [] }), 'GitHub Copilot');
  });

  it('names nothing when no assistant is present', () => {
    assert.strictEqual(likelySource('bulk', { activeExtensions: [], configured: [] }), undefined);
  });

  it('attributes a disk write to an agent configured in the repository that writes files', () => {
    const claude = assistantById('claude-code');
    assert.ok(claude, 'the assistant table has Claude Code');
    assert.strictEqual(likelySource('external', { activeExtensions: [], configured: [claude] }), 'Claude Code');
  });
});

describe('describeEditClass', () => {
  it('reads as the UI shows it', () => {
    assert.strictEqual(describeEditClass('external'), 'write to disk by another process');
    assert.strictEqual(describeEditClass('paste'), 'paste');
  });
});
