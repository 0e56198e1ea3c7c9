import { describe, expect, it } from 'vitest';
import type { CopyEntry, IndexRecord } from '../../../lambdas/dedupe/index-store.ts';
import { type Kill, planWithdrawal } from '../../../lambdas/dedupe/withdraw.ts';

const record = (pk: string, uri: string, version: number, extra: Partial<IndexRecord> = {}): IndexRecord => ({
  pk,
  uri,
  storyId: `story-${uri}`,
  version,
  fingerprint: 'f'.repeat(16),
  claimant: `arrival-of-${uri}#0`,
  firstCreated: '2026-03-02T09:00:00.000Z',
  expiresAt: 2_000_000_000,
  lastArrival: '2026-03-02T09:00:00.000Z|a',
  ...extra,
});

const entry = (uri: string, item: string): CopyEntry => ({
  uri,
  item,
  outlet: 'rivertown',
  headline: 'A copy',
  document: {
    id: 'd'.repeat(64),
    outlet: 'rivertown',
    bucket: 'raw',
    key: 'incoming/rivertown/x',
    ingestionId: 'incoming/rivertown/x@1',
    receivedAt: '2026-03-02T10:00:00.000Z',
    format: 'article',
    feed: null,
  },
  index: 0,
  identity: 'hash:1',
  language: 'en',
  published: '2026-03-02T10:00:00.000Z',
});

const kill: Kill = { claimant: 'kill#0', arrival: '2026-03-02T11:00:00.000Z|k', pubStatus: 'canceled' };
const original = { pk: 'item#lakeshore|1', record: record('item#lakeshore|1', 'urn:o', 3) };
const copy = {
  pk: 'item#rivertown|1',
  record: record('item#rivertown|1', 'urn:c', 1),
  entry: entry('urn:c', 'item#rivertown|1'),
};

describe('what a kill does (withdraw.ts)', () => {
  it('records a kill of an item not on record, and publishes nothing', () => {
    const plan = planWithdrawal({ kill, copies: [] });
    expect(plan.decision).toBe('kill-of-unknown-item');
    expect(plan.writes).toEqual([]);
    expect(plan.flagged).toEqual([]);
  });

  it('gives the original its next version with the kill’s status, and each copy its next version, flagged', () => {
    const plan = planWithdrawal({ kill, original, copies: [copy] });
    expect(plan.decision).toBe('original-withdrawn');
    expect(plan.original).toMatchObject({
      uri: 'urn:o',
      version: 4,
      claimant: 'kill#0',
      lastArrival: kill.arrival,
      withdrawn: { pubStatus: 'canceled', claimant: 'kill#0', version: 4, originalUri: 'urn:o' },
    });
    expect(plan.writes.map((w) => [w.pk, w.version])).toEqual([
      ['item#lakeshore|1', 4],
      ['item#rivertown|1', 2],
    ]);
    expect(plan.flagged[0]?.record.originalWithdrawn).toMatchObject({ originalUri: 'urn:o', version: 2 });
    expect(plan.evidence).toEqual({
      pubStatus: 'canceled',
      of: 'urn:o',
      previousVersion: 3,
      copies: [{ uri: 'urn:c', version: 2 }],
    });
  });

  it('repeats the same versions on redelivery, writing only what the first attempt left unwritten', () => {
    const first = planWithdrawal({ kill, original, copies: [copy] });
    const [originalWritten, copyWritten] = first.writes;
    if (!originalWritten || !copyWritten) throw new Error('expected two writes');
    const again = planWithdrawal({
      kill,
      original: { pk: original.pk, record: originalWritten },
      copies: [copy],
    });
    expect(again.decision).toBe('original-withdrawn');
    expect(again.original?.version).toBe(4);
    // The copy's write was lost before the redelivery: it is written now, at the same version.
    expect(again.writes.map((w) => [w.pk, w.version])).toEqual([['item#rivertown|1', 2]]);
    const done = planWithdrawal({
      kill,
      original: { pk: original.pk, record: originalWritten },
      copies: [{ ...copy, record: copyWritten }],
    });
    expect(done.writes).toEqual([]);
    expect(done.evidence).toMatchObject({ redelivery: true, copies: [{ uri: 'urn:c', version: 2 }] });
  });

  it('changes nothing for another arrival of a kill in force, but a kill after a withdrawal is news', () => {
    const killed = planWithdrawal({ kill, original, copies: [copy] }).original;
    if (!killed) throw new Error('no record');
    const later = { ...kill, claimant: 'kill-again#0', arrival: '2026-03-02T12:00:00.000Z|k2' };
    const repeat = planWithdrawal({
      kill: later,
      original: { pk: original.pk, record: killed },
      copies: [copy],
    });
    expect(repeat.decision).toBe('already-withdrawn');
    expect(repeat.writes).toEqual([]);
    expect(repeat.evidence.already).toEqual({ pubStatus: 'canceled', version: 4 });

    const withheld = planWithdrawal({
      kill: { ...kill, pubStatus: 'withheld' },
      original,
      copies: [],
    }).original;
    if (!withheld) throw new Error('no record');
    const escalated = planWithdrawal({
      kill: later,
      original: { pk: original.pk, record: withheld },
      copies: [],
    });
    expect(escalated.decision).toBe('original-withdrawn');
    expect(escalated.original).toMatchObject({ version: 5, withdrawn: { pubStatus: 'canceled' } });
    const softened = planWithdrawal({
      kill: { ...later, pubStatus: 'withheld' },
      original: { pk: original.pk, record: killed },
      copies: [],
    });
    expect(softened.decision).toBe('already-withdrawn');
  });

  it('is superseded by a later arrival of the item that was decided first', () => {
    const newer = {
      pk: original.pk,
      record: { ...original.record, lastArrival: '2026-03-02T12:00:00.000Z|n' },
    };
    const plan = planWithdrawal({ kill, original: newer, copies: [copy] });
    expect(plan.decision).toBe('superseded');
    expect(plan.writes).toEqual([]);
  });
});
