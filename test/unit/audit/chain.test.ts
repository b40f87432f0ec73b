// The audit hash chain: append, verify, tamper detection (edit, delete, reorder, insert) and rotation across files.
import * as assert from 'node:assert/strict';
import { AuditChain, GENESIS_HASH, auditFileName, canonicalJson, entryHash, latestAuditFile, shouldRotate, verifyAuditLog, type AuditDraft } from '../../../src/core/audit';

const drafts: AuditDraft[] = [
  { type: 'ai-edit', file: 'src/routes/users.ts', user: 'dev@example.com', data: { class: 'bulk', source: 'copilot', sha256Before: 'a'.repeat(64), sha256After: 'b'.repeat(64) } },
  { type: 'finding', file: 'src/routes/users.ts', data: { rule: 'auth-check-removed', severity: 'error', fingerprint: '3f2a9c01d4e5b6a7' } },
  { type: 'acknowledge', file: 'src/routes/users.ts', user: 'lead@example.com', data: { rule: 'auth-check-removed', fingerprint: '3f2a9c01d4e5b6a7', reason: 'Health check route, public by design' } },
  { type: 'restore', file: 'src/routes/admin.ts', data: { rule: 'auth-check-removed' } },
  { type: 'policy-change', file: '.redline/policy.jsonc', policyHash: 'c'.repeat(64), data: { previousHash: 'd'.repeat(64) } },
];

function writeLog(count = drafts.length): { lines: string[]; text: string } {
  const chain = new AuditChain();
  const lines = drafts.slice(0, count).map((d, i) => chain.append({ ...d, time: new Date(Date.UTC(2026, 10, 26, 9, 0, i)) }).line);
  return { lines, text: lines.join('') };
}

describe('AuditChain', () => {
  it('links the first entry to the genesis hash and each next entry to the previous hash', () => {
    const chain = new AuditChain();
    const first = chain.append({ ...drafts[0]!, time: '2026-11-26T09:00:00.000Z' }).entry;
    const second = chain.append({ ...drafts[1]!, time: '2026-11-26T09:00:01.000Z' }).entry;
    assert.equal(first.seq, 1);
    assert.equal(first.prev, GENESIS_HASH);
    assert.equal(second.seq, 2);
    assert.equal(second.prev, first.hash);
    assert.deepEqual(chain.head, { seq: 2, hash: second.hash });
  });

  it('hashes the canonical JSON of the entry without its hash', () => {
    const { entry, line } = new AuditChain().append({ ...drafts[2]!, time: '2026-11-26T09:00:00.000Z' });
    const { hash, ...rest } = entry;
    assert.match(hash, /^[0-9a-f]{64}$/);
    assert.equal(hash, entryHash(rest));
    assert.equal(line, `${canonicalJson(entry)}\n`);
    assert.deepEqual(JSON.parse(line), {
      data: { fingerprint: '3f2a9c01d4e5b6a7', reason: 'Health check route, public by design', rule: 'auth-check-removed' },
      file: 'src/routes/users.ts',
      hash,
      prev: GENESIS_HASH,
      seq: 1,
      time: '2026-11-26T09:00:00.000Z',
      type: 'acknowledge',
      user: 'lead@example.com',
    });
  });

  it('continues an existing log from its head', () => {
    const { text } = writeLog(2);
    const verified = verifyAuditLog([{ name: 'audit-1.jsonl', text }]);
    assert.ok(verified.ok);
    const next = new AuditChain(verified.head).append({ type: 'review', file: 'src/routes/users.ts', data: { sha256: 'e'.repeat(64) } });
    const all = verifyAuditLog([{ name: 'audit-1.jsonl', text: text + next.line }]);
    assert.ok(all.ok);
    assert.deepEqual(all.entries.map((e) => [e.seq, e.type]), [[1, 'ai-edit'], [2, 'finding'], [3, 'review']]);
  });

  it('sanitises data and keeps absolute paths to their last segment', () => {
    const { entry } = new AuditChain().append({ type: 'finding', file: '/home/alice/project/.env', data: { rule: 'secret-in-code', snippet: 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY' } });
    assert.equal(entry.file, '.env');
    assert.deepEqual(entry.data, { rule: 'secret-in-code', snippet: 'AWS_…' });
  });
});

describe('verifyAuditLog', () => {
  it('accepts an intact log and returns its entries', () => {
    const { text } = writeLog();
    const result = verifyAuditLog([{ name: 'audit-1.jsonl', text }]);
    assert.ok(result.ok);
    assert.deepEqual(result.entries.map((e) => e.type), ['ai-edit', 'finding', 'acknowledge', 'restore', 'policy-change']);
  });

  it('accepts an empty log', () => {
    assert.deepEqual(verifyAuditLog([]), { ok: true, entries: [], head: { seq: 0, hash: GENESIS_HASH } });
  });

  it('detects an edited entry (a reason changed) at its line', () => {
    const { lines } = writeLog();
    lines[2] = lines[2]!.replace('Health check route, public by design', 'Approved by security');
    const result = verifyAuditLog([{ name: 'audit-1.jsonl', text: lines.join('') }]);
    assert.deepEqual(result.ok ? undefined : result.brokenAt, { file: 'audit-1.jsonl', line: 3, reason: 'entry 3 was modified: its hash does not match its content' });
    assert.equal(result.entries.length, 2);
  });

  it('detects an edited entry whose hash was recomputed, at the next line', () => {
    const { lines } = writeLog();
    const edited = JSON.parse(lines[1]!) as Record<string, unknown>;
    edited.data = { rule: 'auth-check-removed', severity: 'info', fingerprint: '3f2a9c01d4e5b6a7' };
    delete edited.hash;
    lines[1] = `${canonicalJson({ ...edited, hash: entryHash(edited as never) })}\n`;
    const result = verifyAuditLog([{ name: 'audit-1.jsonl', text: lines.join('') }]);
    assert.deepEqual(result.ok ? undefined : result.brokenAt, { file: 'audit-1.jsonl', line: 3, reason: 'entry 3 does not follow entry 2: an entry was deleted, inserted or moved before it' });
  });

  it('detects a deleted entry', () => {
    const { lines } = writeLog();
    lines.splice(1, 1);
    const result = verifyAuditLog([{ name: 'audit-1.jsonl', text: lines.join('') }]);
    assert.deepEqual(result.ok ? undefined : result.brokenAt, { file: 'audit-1.jsonl', line: 2, reason: 'entry 3 does not follow entry 1: an entry was deleted, inserted or moved before it' });
  });

  it('detects two entries swapped', () => {
    const { lines } = writeLog();
    [lines[1], lines[2]] = [lines[2]!, lines[1]!];
    const result = verifyAuditLog([{ name: 'audit-1.jsonl', text: lines.join('') }]);
    assert.deepEqual(result.ok ? undefined : result.brokenAt, { file: 'audit-1.jsonl', line: 2, reason: 'entry 3 does not follow entry 1: an entry was deleted, inserted or moved before it' });
  });

  it('detects an inserted entry, even one built to look valid', () => {
    const { lines } = writeLog();
    const forged = new AuditChain({ seq: 1, hash: (JSON.parse(lines[0]!) as { hash: string }).hash })
      .append({ type: 'acknowledge', file: 'src/routes/users.ts', data: { rule: 'auth-check-removed', reason: 'looks fine' } });
    lines.splice(1, 0, forged.line);
    const result = verifyAuditLog([{ name: 'audit-1.jsonl', text: lines.join('') }]);
    assert.deepEqual(result.ok ? undefined : result.brokenAt, { file: 'audit-1.jsonl', line: 3, reason: 'entry 2 does not follow entry 2: an entry was deleted, inserted or moved before it' });
  });

  it('detects a line that is not JSON and an entry missing fields', () => {
    const { lines } = writeLog(2);
    assert.deepEqual(verifyAuditLog([{ name: 'a.jsonl', text: `${lines[0]}{not json\n` }]), {
      ok: false, brokenAt: { file: 'a.jsonl', line: 2, reason: 'not a JSON entry' }, entries: [JSON.parse(lines[0]!)],
    });
    const result = verifyAuditLog([{ name: 'a.jsonl', text: '{"seq":1}\n' }]);
    assert.deepEqual(result.ok ? undefined : result.brokenAt, { file: 'a.jsonl', line: 1, reason: 'not an audit entry (fields missing or of the wrong type)' });
  });

  it('detects entries cut from the end when the writer\'s last head is known', () => {
    const { lines } = writeLog();
    const full = verifyAuditLog([{ name: 'audit-1.jsonl', text: lines.join('') }]);
    assert.ok(full.ok);
    const result = verifyAuditLog([{ name: 'audit-1.jsonl', text: lines.slice(0, 3).join('') }], { expectedHead: full.head });
    assert.deepEqual(result.ok ? undefined : result.brokenAt, { file: 'audit-1.jsonl', line: 3, reason: 'the log ends at entry 3 but entry 5 was written: entries were removed from the end' });
  });
});

describe('audit rotation', () => {
  it('rotates only when the next line would pass the cap, never an empty file', () => {
    assert.equal(shouldRotate(0, 100, 500), false);
    assert.equal(shouldRotate(90, 100, 10), false);
    assert.equal(shouldRotate(90, 100, 11), true);
    assert.equal(shouldRotate(100, 100), false);
    assert.equal(shouldRotate(101, 100), true);
  });

  it('names files audit-<n>.jsonl and finds the newest numerically', () => {
    assert.equal(auditFileName(3), 'audit-3.jsonl');
    assert.equal(latestAuditFile(['audit-2.jsonl', 'audit-10.jsonl', 'notes.txt', 'audit-9.jsonl']), 10);
    assert.equal(latestAuditFile([]), 0);
  });

  it('keeps the chain across rotated files, whatever order they are given in', () => {
    const chain = new AuditChain();
    const files: { name: string; text: string }[] = [];
    let n = 1;
    let text = '';
    for (let i = 0; i < 25; i++) {
      const { line } = chain.append({ type: 'finding', file: `src/f${i}.ts`, data: { rule: 'secret-in-code' } });
      if (shouldRotate(text.length, 1000, line.length)) {
        files.push({ name: auditFileName(n++), text });
        text = '';
      }
      text += line;
    }
    files.push({ name: auditFileName(n), text });
    assert.ok(files.length >= 3 && files.length <= 12, `got ${files.length} files`);
    const shuffled = [...files].reverse();
    const result = verifyAuditLog(shuffled);
    assert.ok(result.ok);
    assert.deepEqual(result.entries.map((e) => e.seq), Array.from({ length: 25 }, (_, i) => i + 1));
    const secondFirst = JSON.parse(files[1]!.text.split('\n')[0]!) as { prev: string };
    const firstLast = JSON.parse(files[0]!.text.trimEnd().split('\n').pop()!) as { hash: string };
    assert.equal(secondFirst.prev, firstLast.hash);
  });

  it('detects a deleted rotated file at the first entry of the next one', () => {
    const chain = new AuditChain();
    const files = [1, 2, 3].map((n) => ({ name: auditFileName(n), text: chain.append({ type: 'review', file: `f${n}.ts` }).line }));
    const result = verifyAuditLog([files[0]!, files[2]!]);
    assert.deepEqual(result.ok ? undefined : result.brokenAt, { file: 'audit-3.jsonl', line: 1, reason: 'entry 3 does not follow entry 1: an entry was deleted, inserted or moved before it' });
  });
});
