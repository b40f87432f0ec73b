// The audit view: filters by file, rule, source and day, and CSV export with RFC 4180 quoting.
import * as assert from 'node:assert/strict';
import { AuditChain, auditToCsv, csvCell, filterAudit, type AuditEntry } from '../../../src/core/audit';

function entries(): AuditEntry[] {
  const chain = new AuditChain();
  return [
    chain.append({ type: 'ai-edit', file: 'src/auth/login.ts', time: '2026-11-25T17:00:00.000Z', data: { class: 'bulk', source: 'Copilot' } }).entry,
    chain.append({ type: 'finding', file: 'src/auth/login.ts', time: '2026-11-26T08:00:00.000Z', data: { rule: 'auth-check-removed', severity: 'error' } }).entry,
    chain.append({ type: 'acknowledge', file: 'src/authz.ts', user: 'lead@example.com', time: '2026-11-26T09:30:00.000Z', data: { ruleId: 'secret-in-code', reason: 'Test key, "fake", see README' } }).entry,
    chain.append({ type: 'exclusion-sync', file: '', time: '2026-11-26T10:00:00.000Z', data: { rules: ['secret-in-code'], files: ['.cursorignore'] } }).entry,
  ];
}

describe('filterAudit', () => {
  const all = entries();
  const seqs = (list: AuditEntry[]) => list.map((e) => e.seq);

  it('filters by file or folder, not by name prefix', () => {
    assert.deepEqual(seqs(filterAudit(all, { file: 'src/auth' })), [1, 2]);
    assert.deepEqual(seqs(filterAudit(all, { file: 'src/authz.ts' })), [3]);
  });

  it('filters by rule from rule, ruleId or rules', () => {
    assert.deepEqual(seqs(filterAudit(all, { rule: 'secret-in-code' })), [3, 4]);
    assert.deepEqual(seqs(filterAudit(all, { rule: 'auth-check-removed' })), [2]);
  });

  it('filters by source ignoring case, by UTC day, and by type, combined', () => {
    assert.deepEqual(seqs(filterAudit(all, { source: 'copilot' })), [1]);
    assert.deepEqual(seqs(filterAudit(all, { day: '2026-11-26' })), [2, 3, 4]);
    assert.deepEqual(seqs(filterAudit(all, { day: '2026-11-26', file: 'src/auth', type: 'finding' })), [2]);
  });
});

describe('auditToCsv', () => {
  it('writes a header and one CRLF-terminated row per entry, quoting commas, quotes and line breaks', () => {
    const [, , ack] = entries();
    const lines = auditToCsv([ack!]).split('\r\n');
    assert.equal(lines[0], 'seq,time,type,file,user,rule,source,reason,policyHash,data,prev,hash');
    assert.equal(lines[1]?.startsWith('3,2026-11-26T09:30:00.000Z,acknowledge,src/authz.ts,lead@example.com,secret-in-code,,'), true);
    assert.ok(auditToCsv([ack!]).endsWith('\r\n'));
  });

  it('quotes per RFC 4180', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    assert.equal(csvCell(''), '');
  });

  it('neutralises spreadsheet formulas', () => {
    assert.equal(csvCell('=HYPERLINK("http://x")'), '"\'=HYPERLINK(""http://x"")"');
    assert.equal(csvCell('+1'), "'+1");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
  });

  it('round-trips through a strict RFC 4180 reader', () => {
    const csv = auditToCsv(entries());
    const rows = parseCsv(csv);
    assert.equal(rows.length, 5);
    assert.ok(rows.every((r) => r.length === 12));
    assert.equal(rows[3]?.[7], 'Test key, "fake", see README');
    assert.equal(rows[3]?.[9], JSON.stringify(entries()[2]!.data));
  });
});

/** A minimal RFC 4180 reader for the round-trip test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; } else if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += ch;
  }
  return rows;
}
