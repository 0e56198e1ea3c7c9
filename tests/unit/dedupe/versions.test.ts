import { beforeAll, describe, expect, it } from 'vitest';
import { decideDuplicate } from '../../../lambdas/dedupe/decide.ts';
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
  return (envelope: ItemEnvelope) => decideDuplicate(envelope, { index, detector, lookbackDays: 30, now });
}

/** The outlet's own update: a figure changed and a paragraph of new development added. */
function updateOf(id: string): string {
  const paragraphs = articleParagraphs(id).map((p) => p.replace(/\d+/, (n) => String(Number(n) + 7)));
  return [...paragraphs, 'Update: officials said on Wednesday that the figures above had been revised.'].join(
    '\n\n',
  );
}

/** Text-derived identity, as normalize gives an item with neither guid nor link. */
const plain = (body: string) => `hash:${body.length}:${body.slice(0, 24)}`;

describe('versions of an outlet’s own story', () => {
  it('takes a same-outlet update without guid as the next version of the story, another outlet’s as a copy', async () => {
    const decide = decider();
    const original = articleBody('river-flood');
    const first = await decide(envelopeOf({ identity: plain(original), body: original }));
    const updated = updateOf('river-flood');
    const update = await decide(envelopeOf({ identity: plain(updated), body: updated, arrival: 'a2' }));
    expect(update.outcome).toMatchObject({ decision: 'version', version: 2, uri: first.outcome.uri });
    expect(update.outcome.storyId).toBe(first.outcome.storyId);
    expect(update.evidence.match?.sameOutlet).toBe(true);

    const copy = await decide(
      envelopeOf({ outlet: 'outlet-b', identity: 'guid-b', body: updated, arrival: 'a3' }),
    );
    expect(copy.outcome.decision).toBe('duplicate');
    // The update's identity is now an alias: the next change to it is version 3 of the same item.
    const again = `${updated}\n\nCorrection: the bridge is on Mill Road.`;
    const third = await decide(envelopeOf({ identity: plain(updated), body: again, arrival: 'a4' }));
    expect(third.outcome).toMatchObject({ decision: 'version', version: 3, uri: first.outcome.uri });
  });

  it('makes a guid first seen on an exact copy of the outlet’s story an alias of that story', async () => {
    const decide = decider();
    const body = articleBody('fare-freeze');
    const first = await decide(envelopeOf({ identity: plain(body), body }));
    const asRss = await decide(envelopeOf({ identity: 'guid:rss-1', body, arrival: 'a2' }));
    expect(asRss.outcome.decision).toBe('duplicate');
    const corrected = `${body}\n\nCorrection: an earlier version misstated the date of the vote.`;
    const fix = await decide(envelopeOf({ identity: 'guid:rss-1', body: corrected, arrival: 'a3' }));
    expect(fix.outcome).toMatchObject({ decision: 'version', version: 2, uri: first.outcome.uri });
  });

  it('keeps two items with their own guids apart, however alike their texts', async () => {
    const decide = decider();
    const week1 = articleBody('measles');
    const week2 = week1.replace(/\d+/g, (n) => String(Number(n) + 1));
    const first = await decide(envelopeOf({ identity: 'guid:week-1', body: week1 }));
    const second = await decide(envelopeOf({ identity: 'guid:week-2', body: week2, arrival: 'a2' }));
    expect(second.outcome).toMatchObject({ decision: 'new', version: 1 });
    expect(second.outcome.uri).not.toBe(first.outcome.uri);
  });
});

describe('the outlet’s last word', () => {
  it('takes an older arrival decided after a newer one as superseded, never as a version', async () => {
    const decide = decider();
    const a = articleBody('cup-final');
    const b = `${a}\n\nUpdate: the match was moved to Sunday.`;
    const older = envelopeOf({
      identity: 'guid:c',
      body: a,
      arrival: 'old',
      receivedAt: '2024-05-01T11:00:00.000Z',
    });
    const newer = envelopeOf({
      identity: 'guid:c',
      body: b,
      arrival: 'new',
      receivedAt: '2024-05-01T11:05:00.000Z',
    });
    const first = await decide(newer);
    const late = await decide(older);
    expect(late.outcome).toMatchObject({ decision: 'superseded', uri: first.outcome.uri, version: 1 });
    // The newer arrival redelivered still gets its own answer.
    expect((await decide(newer)).outcome).toEqual(first.outcome);
  });

  it('lets a re-send of the current text move the item on, so an older change cannot overtake it', async () => {
    const decide = decider();
    const a = articleBody('fare-freeze');
    const b = `${a}\n\nUpdate: the council will vote again next month.`;
    const at = (minute: number) => `2024-05-01T11:0${minute}:00.000Z`;
    await decide(envelopeOf({ identity: 'guid:f', body: a, arrival: 'v1', receivedAt: at(0) }));
    // A again (minute 2) is decided before B (minute 1), which arrived between the two.
    const resend = await decide(
      envelopeOf({ identity: 'guid:f', body: a, arrival: 'v3', receivedAt: at(2) }),
    );
    expect(resend.outcome.decision).toBe('duplicate');
    const between = await decide(
      envelopeOf({ identity: 'guid:f', body: b, arrival: 'v2', receivedAt: at(1) }),
    );
    expect(between.outcome.decision).toBe('superseded');
  });
});
