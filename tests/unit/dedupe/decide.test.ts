import { beforeAll, describe, expect, it } from 'vitest';
import { decideDuplicate, itemUri } from '../../../lambdas/dedupe/decide.ts';
import { itemKey } from '../../../lambdas/dedupe/index-store.ts';
import { MemoryDedupeIndex } from '../../../lambdas/dedupe/memory-index.ts';
import { NearDuplicateDetector } from '../../../lambdas/dedupe/near.ts';
import type { ItemEnvelope } from '../../../lambdas/shared/envelope.ts';
import { articleBody, articleParagraphs } from './articles.ts';
import { envelopeOf } from './envelopes.ts';

let detector: NearDuplicateDetector;
beforeAll(async () => {
  detector = await NearDuplicateDetector.create();
});

const now = new Date('2024-05-01T12:00:00Z');

function decider(index = new MemoryDedupeIndex()) {
  return (envelope: ItemEnvelope, at = now) =>
    decideDuplicate(envelope, { index, detector, lookbackDays: 30, now: at });
}

/** Another outlet's reprint: new dateline, the last paragraph trimmed, its own footer. */
function reprintOf(id: string): string {
  const paragraphs = [...articleParagraphs(id)];
  paragraphs[0] = `LONDON (Valley Courier) — ${paragraphs[0]}`;
  return [...paragraphs.slice(0, -1), 'This article originally appeared on the Metro Ledger.'].join('\n\n');
}

describe('decideDuplicate', () => {
  it('takes a first report as new, with its own story id', async () => {
    const decide = decider();
    const { outcome, evidence } = await decide(envelopeOf({ body: articleBody('fare-freeze') }));
    expect(outcome.decision).toBe('new');
    expect(outcome.version).toBe(1);
    expect(outcome.storyId).toMatch(/^story-/);
    expect(evidence.nearCheck).toBe('checked');
  });

  it('takes the same body from another outlet, in another layout, as an exact duplicate', async () => {
    const decide = decider();
    const first = await decide(envelopeOf({ body: articleBody('fare-freeze') }));
    const shouted = articleBody('fare-freeze').toUpperCase().replace(/\n\n/g, '\n');
    const copy = await decide(envelopeOf({ outlet: 'outlet-b', body: shouted }));
    expect(copy.outcome.decision).toBe('duplicate');
    expect(copy.outcome.matchOf).toMatchObject({ uri: first.outcome.uri, rule: 'exact-body', similarity: 1 });
    expect(copy.outcome.storyId).toBe(first.outcome.storyId);
  });

  it('gives a redelivered arrival the same answer, for new and near-duplicate decisions alike', async () => {
    const decide = decider();
    const original = envelopeOf({ body: articleBody('storm-outage') });
    const first = await decide(original);
    const repeated = await decide(original);
    expect(repeated.outcome).toEqual(first.outcome);
    expect(repeated.evidence.nearCheck).toBe('redelivery');
    const reprint = envelopeOf({ outlet: 'outlet-b', body: reprintOf('storm-outage') });
    const near = await decide(reprint);
    expect(near.outcome.decision).toBe('near-duplicate');
    const again = await decide(reprint);
    expect(again.outcome).toEqual(near.outcome);
    expect(again.evidence.nearCheck).toBe('redelivery');
  });

  it('takes a changed body of a known item as its next version, not a near duplicate', async () => {
    const decide = decider();
    const first = await decide(envelopeOf({ identity: 'guid-1', body: articleBody('river-flood') }));
    const updated = `${articleBody('river-flood')}\n\nUpdate: the river crested at 25 feet on Friday evening.`;
    const second = await decide(envelopeOf({ identity: 'guid-1', body: updated, arrival: 'arrival-2' }));
    expect(second.outcome).toMatchObject({ decision: 'version', version: 2, uri: first.outcome.uri });
    expect(second.outcome.storyId).toBe(first.outcome.storyId);
    const unchanged = await decide(envelopeOf({ identity: 'guid-1', body: updated, arrival: 'arrival-3' }));
    expect(unchanged.outcome.decision).toBe('duplicate');
  });

  it('gives an older version redelivered after a newer one was recorded its own version again', async () => {
    const decide = decider();
    const original = envelopeOf({ identity: 'guid-2', body: articleBody('river-flood') });
    const first = await decide(original);
    const updated = `${articleBody('river-flood')}\n\nUpdate: schools will stay closed on Monday.`;
    const second = await decide(envelopeOf({ identity: 'guid-2', body: updated, arrival: 'arrival-2' }));
    expect(second.outcome.version).toBe(2);
    const redelivered = await decide(original);
    expect(redelivered.outcome).toEqual(first.outcome);
    // The index still knows version 2 as the latest: a third body becomes version 3, not 2.
    const third = `${updated}\n\nA second update: the river is falling.`;
    const next = await decide(envelopeOf({ identity: 'guid-2', body: third, arrival: 'arrival-3' }));
    expect(next.outcome).toMatchObject({ decision: 'version', version: 3 });
  });

  it('takes an edit undone, back to an earlier body, as the next version; a re-post of it as a duplicate', async () => {
    const decide = decider();
    const original = articleBody('river-flood');
    const first = await decide(envelopeOf({ identity: 'guid-4', body: original }));
    const edited = `${original}\n\nUpdate: the mayor declared an emergency.`;
    await decide(envelopeOf({ identity: 'guid-4', body: edited, arrival: 'arrival-2' }));
    const undone = await decide(envelopeOf({ identity: 'guid-4', body: original, arrival: 'arrival-3' }));
    expect(undone.outcome).toMatchObject({ decision: 'version', version: 3, uri: first.outcome.uri });
    expect(undone.outcome.storyId).toBe(first.outcome.storyId);
    const again = await decide(envelopeOf({ identity: 'guid-4', body: original, arrival: 'arrival-4' }));
    expect(again.outcome.decision).toBe('duplicate');
    // Another outlet's copy of that body is still a duplicate of this item's story.
    const copy = await decide(envelopeOf({ outlet: 'outlet-b', body: original, arrival: 'arrival-5' }));
    expect(copy.outcome).toMatchObject({ decision: 'duplicate', matchOf: { uri: first.outcome.uri } });
  });

  it('remembers an item and its versions beyond the look-back window, so a late correction is the next version', async () => {
    const decide = decider();
    const day = (n: number) => new Date(now.getTime() + n * 86_400_000);
    const first = await decide(envelopeOf({ identity: 'guid-3', body: articleBody('river-flood') }), day(0));
    const edited = `${articleBody('river-flood')}\n\nUpdate: the bridge reopened on Sunday.`;
    await decide(envelopeOf({ identity: 'guid-3', body: edited, arrival: 'arrival-2' }), day(1));
    const correction = `${edited}\n\nCorrection: the bridge reopened on Saturday, not Sunday.`;
    const late = await decide(
      envelopeOf({ identity: 'guid-3', body: correction, arrival: 'arrival-3' }),
      day(40),
    );
    expect(late.outcome).toMatchObject({ decision: 'version', version: 3, uri: first.outcome.uri });
  });

  it('keys an item by a hash of its identity, whatever the identity length', () => {
    expect(itemKey('outlet-a', `https://example.com/${'x'.repeat(5000)}`).length).toBeLessThan(200);
  });

  it("assigns another outlet's reprint to the earlier story, saying which rule and how similar", async () => {
    const decide = decider();
    const first = await decide(envelopeOf({ body: articleBody('chip-earnings') }));
    const reprint = await decide(envelopeOf({ outlet: 'outlet-b', body: reprintOf('chip-earnings') }));
    expect(reprint.outcome.decision).toBe('near-duplicate');
    expect(reprint.outcome.storyId).toBe(first.outcome.storyId);
    expect(reprint.outcome.uri).toBe(
      itemUri('outlet-b', envelopeOf({ body: reprintOf('chip-earnings') }).item.identity),
    );
    expect(reprint.outcome.matchOf?.uri).toBe(first.outcome.uri);
    expect(reprint.outcome.matchOf?.rule).toMatch(/^minhash-/);
    expect(reprint.outcome.matchOf?.similarity).toBeGreaterThanOrEqual(0.4);
    expect(reprint.evidence.match?.detailConflicts).toBe(0);
  });

  it('matches a copy trimmed to its first half by containment', async () => {
    const decide = decider();
    const paragraphs = articleParagraphs('kremlin-resign');
    const first = await decide(envelopeOf({ body: paragraphs.join('\n\n') }));
    const trimmed = [...paragraphs.slice(0, 3), 'Follow us for more updates.'].join('\n\n');
    const copy = await decide(envelopeOf({ outlet: 'outlet-b', body: trimmed }));
    expect(copy.outcome.decision).toBe('near-duplicate');
    expect(copy.outcome.storyId).toBe(first.outcome.storyId);
    expect(copy.evidence.match?.containment).toBeGreaterThan(copy.evidence.match?.jaccard ?? 1);
  });

  it('never merges different stories on the same topic', async () => {
    const decide = decider();
    const ids = [
      'fare-freeze',
      'light-rail-delay',
      'transit-strike',
      'chip-earnings',
      'chip-layoffs',
      'rival-miss',
    ];
    const outcomes = [];
    for (const id of ids)
      outcomes.push((await decide(envelopeOf({ outlet: id, body: articleBody(id) }))).outcome);
    expect(outcomes.map((o) => o.decision)).toEqual(ids.map(() => 'new'));
    expect(new Set(outcomes.map((o) => o.storyId)).size).toBe(ids.length);
  });

  it('falls back to exact matching for short texts', async () => {
    const decide = decider();
    const short = 'Main Street will be closed between Fifth and Seventh Avenue on Saturday for the parade.';
    await decide(envelopeOf({ body: short }));
    const edited = await decide(envelopeOf({ outlet: 'outlet-b', body: `${short} Expect delays.` }));
    expect(edited.outcome.decision).toBe('new');
    expect(edited.evidence.nearCheck).toBe('short-text');
    const exact = await decide(envelopeOf({ outlet: 'outlet-c', body: short.toUpperCase() }));
    expect(exact.outcome.decision).toBe('duplicate');
  });

  it('forgets reports older than the look-back window', async () => {
    const decide = decider();
    await decide(envelopeOf({ body: articleBody('heat-wave') }));
    const later = new Date(now.getTime() + 31 * 86_400_000);
    const { outcome } = await decide(envelopeOf({ outlet: 'outlet-b', body: reprintOf('heat-wave') }), later);
    expect(outcome.decision).toBe('new');
  });

  it('lets exactly one of two concurrent near copies be first', async () => {
    const decide = decider();
    const [a, b] = await Promise.all([
      decide(envelopeOf({ outlet: 'outlet-a', body: articleBody('measles') })),
      decide(envelopeOf({ outlet: 'outlet-b', body: reprintOf('measles') })),
    ]);
    const decisions = [a?.outcome.decision, b?.outcome.decision].sort();
    expect(decisions).toEqual(['near-duplicate', 'new']);
    expect(a?.outcome.storyId).toBe(b?.outcome.storyId);
    // Both looked up before either wrote: the second learned of the first from the bucket it appended to.
    const yielded = [a, b].find((d) => d?.outcome.decision === 'near-duplicate');
    expect(yielded?.evidence.match?.concurrent).toBe(true);
  });

  it('takes an exact copy of a near duplicate as a duplicate in the same story', async () => {
    const decide = decider();
    const first = await decide(envelopeOf({ body: articleBody('cup-final') }));
    await decide(envelopeOf({ outlet: 'outlet-b', body: reprintOf('cup-final') }));
    const copy = await decide(envelopeOf({ outlet: 'outlet-c', body: reprintOf('cup-final') }));
    expect(copy.outcome.decision).toBe('duplicate');
    expect(copy.outcome.storyId).toBe(first.outcome.storyId);
  });
});
