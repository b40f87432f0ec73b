// Acknowledgements shared by editor and CI: parse, serialise, and match a finding by rule, fingerprint and file.
import * as assert from 'node:assert/strict';
import { addAcknowledgement, isAcknowledged, parseAcknowledgements, reasonProblem, removeAcknowledgement, serializeAcknowledgements, type Acknowledgement } from '../../../src/core/acknowledgements';

const ack: Acknowledgement = { ruleId: 'auth-check-removed', fingerprint: '3f2a9c01', file: 'src/routes/health.ts', reason: 'Public health check', user: 'lead@example.com', time: '2026-11-26T09:00:00.000Z' };

describe('acknowledgements', () => {
  it('serialises in a stable order and parses back to the same list', () => {
    const other: Acknowledgement = { ruleId: 'secret-in-code', fingerprint: 'aa11', file: 'src/a.ts', reason: 'Test fixture key', time: '2026-11-26T10:00:00.000Z' };
    const text = serializeAcknowledgements([ack, other]);
    assert.equal(text, serializeAcknowledgements([other, ack]));
    assert.ok(text.startsWith('{\n  "version": 1,\n  "acknowledgements": [\n'));
    assert.deepEqual(parseAcknowledgements(text), { acknowledgements: [other, ack], problems: [] });
  });

  it('skips malformed entries with a problem and survives bad JSON', () => {
    const parsed = parseAcknowledgements('{ "version": 1, "acknowledgements": [ { "ruleId": "x" }, ' + JSON.stringify(ack) + ' ] }');
    assert.deepEqual(parsed.acknowledgements, [ack]);
    assert.deepEqual(parsed.problems, ['entry 1 needs string ruleId, fingerprint, file, reason and time']);
    assert.equal(parseAcknowledgements('{oops').acknowledgements.length, 0);
    assert.match(parseAcknowledgements('{oops').problems[0] ?? '', /^not valid JSON/);
  });

  it('matches a finding with the same rule, fingerprint and file only', () => {
    const acks = [ack];
    assert.equal(isAcknowledged({ ruleId: 'auth-check-removed', fingerprint: '3f2a9c01' }, 'src/routes/health.ts', acks), true);
    assert.equal(isAcknowledged({ ruleId: 'auth-check-removed', fingerprint: '3f2a9c01' }, 'src\\routes\\health.ts', acks), true);
    assert.equal(isAcknowledged({ ruleId: 'auth-check-removed', fingerprint: 'ffff0000' }, 'src/routes/health.ts', acks), false);
    assert.equal(isAcknowledged({ ruleId: 'secret-in-code', fingerprint: '3f2a9c01' }, 'src/routes/health.ts', acks), false);
    assert.equal(isAcknowledged({ ruleId: 'auth-check-removed', fingerprint: '3f2a9c01' }, 'src/routes/users.ts', acks), false);
    assert.equal(isAcknowledged({ ruleId: 'auth-check-removed' }, 'src/routes/health.ts', acks), false);
  });

  it('replaces an acknowledgement of the same finding and removes one', () => {
    const updated = addAcknowledgement([ack], { ...ack, reason: 'Still public', time: '2026-11-27T09:00:00.000Z' });
    assert.deepEqual(updated.map((a) => a.reason), ['Still public']);
    assert.deepEqual(removeAcknowledgement(updated, ack), []);
  });

  it('requires a reason when the policy says so', () => {
    assert.equal(reasonProblem('  ', true), 'Give a reason (at least 3 characters): the team sees it in the audit log.');
    assert.equal(reasonProblem('', false), undefined);
    assert.equal(reasonProblem('Public route', true), undefined);
  });
});
