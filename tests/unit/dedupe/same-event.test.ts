import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { anchorKey } from '../../../lambdas/dedupe/anchors.ts';
import { decideDuplicate } from '../../../lambdas/dedupe/decide.ts';
import {
  eventSignals,
  MAX_SIGNALS,
  packEventSignals,
  sharedCount,
  unpackEventSignals,
} from '../../../lambdas/dedupe/event-signals.ts';
import { MemoryDedupeIndex } from '../../../lambdas/dedupe/memory-index.ts';
import { NearDuplicateDetector } from '../../../lambdas/dedupe/near.ts';
import {
  closeInTime,
  EVENT_ANCHOR_BASE,
  EVENT_KEYS,
  eventAnchors,
  eventIdFor,
  isEventAnchorKey,
  sameEvent,
} from '../../../lambdas/dedupe/same-event.ts';
import type { ItemEnvelope } from '../../../lambdas/shared/envelope.ts';
import { PROJECT_ROOT } from '../../support/paths.ts';
import { envelopeOf } from './envelopes.ts';

/** Bodies of fixtures/dedupe/events: the text after the headline, as normalize leaves a plain article's. */
function body(file: string): string {
  const text = readFileSync(`${PROJECT_ROOT}fixtures/dedupe/events/${file}`, 'utf8');
  return text.split('\n\n').slice(1, -1).join('\n\n');
}
const BRIDGE = body('a-quarrybrook-bridge.txt');
const BRIDGE_ELSEWHERE = body('b-fork-valley-bridge.txt');
const WATER_MAIN = body('c-quarrybrook-water-main.txt');

let detector: NearDuplicateDetector;
beforeAll(async () => {
  detector = await NearDuplicateDetector.create();
});

function decider(index = new MemoryDedupeIndex(), now = new Date('2024-05-01T12:00:00Z')) {
  return (envelope: ItemEnvelope) => decideDuplicate(envelope, { index, detector, lookbackDays: 30, now });
}

/** A distinct name for each number: names are letters. */
const letters = (n: number) => String(n).replace(/\d/g, (d) => 'abcdefghij'[Number(d)] ?? '');

describe('event signals', () => {
  it('folds what copy desks change: grouped digits, number words and curly quotes', () => {
    const a = eventSignals(
      'The town said 1,200 homes lost power. \u201cWe are working through the night on it,\u201d she said.',
    );
    const b = eventSignals(
      'The town said 1200 homes lost power. "We are working through the night on it," she said.',
    );
    expect(sharedCount(a.figures, b.figures)).toBe(a.figures.length);
    expect(a.quotes.length).toBeGreaterThan(0);
    expect(sharedCount(a.quotes, b.quotes)).toBe(a.quotes.length);
  });

  it('leaves out years and lone digits, which any two stories of a place share', () => {
    expect(eventSignals('In 2024 the 3 schools closed; in 1998 they had opened.').figures).toHaveLength(0);
    expect(eventSignals('The fund paid $4.2 million to 48 families.').figures).toHaveLength(2);
  });

  it('keeps at most MAX_SIGNALS values of each kind, however long the text', () => {
    const flood = Array.from(
      { length: 5000 },
      (_, i) => `The fund paid ${i + 10} to Nam${letters(i)}, "quote number ${i} was said aloud here"`,
    ).join('. ');
    const signals = eventSignals(flood);
    for (const kind of [signals.figures, signals.quotes, signals.names])
      expect(kind.length).toBe(MAX_SIGNALS);
  });

  it('packs and unpacks any signals unchanged', () => {
    const sample = fc.uint8Array({ maxLength: MAX_SIGNALS }).map((bytes) => {
      const values = [...new Set(Array.from(bytes, (b) => b * 257))].sort((x, y) => x - y);
      return Uint16Array.from(values);
    });
    fc.assert(
      fc.property(sample, sample, sample, (figures, quotes, names) => {
        const round = unpackEventSignals(packEventSignals({ figures, quotes, names }));
        expect(round).toEqual({ figures, quotes, names });
      }),
    );
  });
});

describe('same-event rule', () => {
  it('links two outlets’ own reports of one event: the same quote and the same figures', () => {
    const match = sameEvent(eventSignals(BRIDGE), eventSignals(BRIDGE_ELSEWHERE));
    expect(match?.rule).toBe('same-event-quoted');
    expect(match?.figureShare).toBeGreaterThanOrEqual(0.5);
  });

  it('does not link another event of the same town, official and day', () => {
    expect(sameEvent(eventSignals(BRIDGE), eventSignals(WATER_MAIN))).toBeUndefined();
    expect(sameEvent(eventSignals(BRIDGE_ELSEWHERE), eventSignals(WATER_MAIN))).toBeUndefined();
  });

  it('does not link on a shared quote alone when the figures differ', () => {
    const quote =
      '"We found section loss in the main girders that we cannot rule safe for a loaded truck," she said.';
    const a = eventSignals(`The span carried 6400 vehicles and cost 2.8 million. ${quote}`);
    const b = eventSignals(`The span carried 5100 vehicles and cost 1.9 million. ${quote}`);
    expect(sameEvent(a, b)).toBeUndefined();
  });

  it('files half its event anchors from quotes and half from figures, above every text anchor', () => {
    const anchors = eventAnchors(eventSignals(BRIDGE));
    expect(anchors).toHaveLength(EVENT_KEYS);
    for (const anchor of anchors) {
      expect(anchor).toBeGreaterThanOrEqual(EVENT_ANCHOR_BASE);
      expect(isEventAnchorKey(anchorKey(anchor))).toBe(true);
    }
    expect(isEventAnchorKey(anchorKey(EVENT_ANCHOR_BASE - 1))).toBe(false);
    expect(anchors.filter((a) => a - EVENT_ANCHOR_BASE >= 0x10000)).toHaveLength(EVENT_KEYS / 2);
  });

  it('asks arrivals, and stated dates when both state one, to be within days', () => {
    const at = (iso: string) => `${iso}T12:00:00.000Z`;
    expect(closeInTime({ receivedAt: at('2024-05-01') }, { receivedAt: at('2024-05-03') }, 3)).toBe(true);
    expect(closeInTime({ receivedAt: at('2024-05-01') }, { receivedAt: at('2024-05-09') }, 3)).toBe(false);
    expect(closeInTime({ receivedAt: at('2024-05-01') }, {}, 3)).toBe(false);
    const stated = { receivedAt: at('2024-05-01'), stated: at('2023-05-01') };
    expect(closeInTime(stated, { receivedAt: at('2024-05-01'), stated: at('2024-05-01') }, 3)).toBe(false);
    expect(closeInTime(stated, { receivedAt: at('2024-05-01') }, 3)).toBe(true);
  });
});

describe('linked reports in the dedupe decision', () => {
  it('publishes another outlet’s report of the same event as its own story, linked, with the first’s event id', async () => {
    const decide = decider();
    const first = await decide(envelopeOf({ outlet: 'courant', identity: 'guid:c1', body: BRIDGE }));
    expect(first.outcome).toMatchObject({ decision: 'new', eventId: eventIdFor(first.outcome.storyId) });
    expect(first.outcome.sameEventAs).toBeUndefined();

    const second = await decide(
      envelopeOf({ outlet: 'herald', identity: 'guid:h1', body: BRIDGE_ELSEWHERE }),
    );
    expect(second.outcome.decision).toBe('new');
    expect(second.outcome.storyId).not.toBe(first.outcome.storyId);
    expect(second.outcome.eventId).toBe(first.outcome.eventId);
    expect(second.outcome.sameEventAs).toEqual({
      uri: first.outcome.uri,
      storyId: first.outcome.storyId,
      rule: 'same-event-quoted',
    });
    expect(second.evidence.sameEvent).toMatchObject({ rule: 'same-event-quoted' });

    const other = await decide(envelopeOf({ outlet: 'herald', identity: 'guid:h2', body: WATER_MAIN }));
    expect(other.outcome.decision).toBe('new');
    expect(other.outcome.sameEventAs).toBeUndefined();
    expect(other.outcome.eventId).not.toBe(first.outcome.eventId);
  });

  it('keeps the link on a redelivery and on the linked story’s next version', async () => {
    const decide = decider();
    await decide(envelopeOf({ outlet: 'courant', identity: 'guid:c1', body: BRIDGE }));
    const spec = { outlet: 'herald', identity: 'guid:h1', body: BRIDGE_ELSEWHERE, arrival: 'h-1' };
    const linked = await decide(envelopeOf(spec));
    const again = await decide(envelopeOf(spec));
    expect(again.outcome).toEqual(linked.outcome);
    const corrected = `${BRIDGE_ELSEWHERE}\n\nCorrection: the detour runs along Route 9, not Route 19.`;
    const version = await decide(envelopeOf({ ...spec, body: corrected, arrival: 'h-2' }));
    expect(version.outcome).toMatchObject({
      decision: 'version',
      version: 2,
      eventId: linked.outcome.eventId,
      sameEventAs: linked.outcome.sameEventAs,
    });
  });

  it('does not link the same outlet’s second story, nor reports days apart', async () => {
    const decide = decider();
    await decide(envelopeOf({ outlet: 'courant', identity: 'guid:c1', body: BRIDGE }));
    const own = await decide(envelopeOf({ outlet: 'courant', identity: 'guid:c2', body: BRIDGE_ELSEWHERE }));
    expect(own.outcome.sameEventAs).toBeUndefined();

    const later = decider();
    await later(
      envelopeOf({
        outlet: 'courant',
        identity: 'guid:c1',
        body: BRIDGE,
        receivedAt: '2024-05-01T08:00:00.000Z',
      }),
    );
    const late = await later(
      envelopeOf({
        outlet: 'herald',
        identity: 'guid:h1',
        body: BRIDGE_ELSEWHERE,
        receivedAt: '2024-05-09T08:00:00.000Z',
      }),
    );
    expect(late.outcome.sameEventAs).toBeUndefined();
  });
});
