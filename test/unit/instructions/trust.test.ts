// Integrity of instruction files: hashes, comparison with trusted hashes, the trust file and the changed-file finding.
import * as assert from 'node:assert/strict';
import {
  compareWithTrusted, emptyTrustedInstructions, instructionFileChangedFindings, instructionFileHash, parseTrustedInstructions,
  serialiseTrustedInstructions, trustedHashes, withTrustedFile,
} from '../../../src/core/instructions';

describe('instruction-file trust', () => {
  it('hashes text with SHA-256 and ignores CRLF vs LF', () => {
    assert.equal(instructionFileHash('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(instructionFileHash('a\r\nb\n'), instructionFileHash('a\nb\n'));
    assert.notEqual(instructionFileHash('a\u200Bb'), instructionFileHash('ab'));
  });

  it('lists added, changed and removed paths', () => {
    const result = compareWithTrusted({ 'AGENTS.md': 'h1', '.cursorrules': 'h2', 'CLAUDE.md': 'h3' }, { 'AGENTS.md': 'h1', '.cursorrules': 'h9', '.mcp.json': 'h4' });
    assert.deepEqual(result, { added: ['.mcp.json'], changed: ['.cursorrules'], removed: ['CLAUDE.md'] });
  });

  it('round-trips the trust file with sorted paths', () => {
    const sha = instructionFileHash('x');
    let file = withTrustedFile(emptyTrustedInstructions(), 'b.md', { sha256: sha, trustedBy: 'dana', trustedAt: '2026-11-26T06:00:00.000Z' });
    file = withTrustedFile(file, 'AGENTS.md', { sha256: sha, trustedBy: 'omar', trustedAt: '2026-11-26T07:00:00.000Z' });
    const text = serialiseTrustedInstructions(file);
    assert.ok(text.indexOf('"AGENTS.md"') < text.indexOf('"b.md"'));
    assert.ok(text.endsWith('}\n'));
    const parsed = parseTrustedInstructions(text);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.ok && trustedHashes(parsed.value), { 'AGENTS.md': sha, 'b.md': sha });
  });

  it('rejects a trust file with a bad version, bad JSON or a bad hash', () => {
    assert.deepEqual(parseTrustedInstructions('{"version":2,"files":{}}'), { ok: false, error: '.redline/trusted-instructions.json: "version" must be 1.' });
    assert.equal(parseTrustedInstructions('{').ok, false);
    const bad = parseTrustedInstructions('{"version":1,"files":{"AGENTS.md":{"sha256":"xyz","trustedBy":"a","trustedAt":"2026-01-01T00:00:00Z"}}}');
    assert.deepEqual(bad, { ok: false, error: '.redline/trusted-instructions.json: "files.AGENTS.md.sha256" must be 64 lowercase hex digits.' });
  });

  it('turns untrusted files into instruction-file-changed findings', () => {
    const findings = instructionFileChangedFindings({ added: ['.cursor/rules/db.mdc'], changed: ['AGENTS.md'], removed: ['CLAUDE.md'] });
    assert.deepEqual(findings.map((f) => [f.path, f.finding.ruleId, f.finding.message]), [
      ['.cursor/rules/db.mdc', 'instruction-file-changed', '`.cursor/rules/db.mdc` (instructions for Cursor) is new since it was last trusted. Review it before an assistant follows it, then trust it.'],
      ['AGENTS.md', 'instruction-file-changed', '`AGENTS.md` (instructions for AGENTS.md agents (Codex, Copilot, Cursor, Jules...)) changed since it was last trusted. Review it before an assistant follows it, then trust it.'],
    ]);
  });
});
