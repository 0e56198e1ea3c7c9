import { Logger } from '@aws-lambda-powertools/logger';
import { describe, expect, it } from 'vitest';
import { heldKey } from '../../../lambdas/publish/embargo.ts';
import { HOLD_TIMER_SCHEMA } from '../../../lambdas/publish/hold-timers.ts';
import { holdIfEmbargoed, releaseHeld } from '../../../lambdas/publish/holds.ts';
import { createReleaseHandler, sweepHeld } from '../../../lambdas/publish/release.ts';
import type { ItemEnvelope } from '../../../lambdas/shared/envelope.ts';
import { sqsRecord } from '../../support/sqs-record.ts';
import { publishedEnvelope } from './envelope-fixture.ts';
import { MemoryHeldStore, NoDeadLetters, RecordingOutput, RecordingTimers, TestClock } from './held-fakes.ts';

const logger = new Logger({ logLevel: 'SILENT' });
const START = new Date('2026-12-06T12:00:00.000Z');
const EMBARGO = '2026-12-06T14:00:00.000Z';

function embargoed(embargo: string | undefined, dedupe: Partial<NonNullable<ItemEnvelope['dedupe']>> = {}) {
  const envelope = publishedEnvelope(dedupe);
  return { ...envelope, item: { ...envelope.item, ...(embargo ? { embargoed: embargo } : {}) } };
}

function setup() {
  const clock = new TestClock(START);
  const store = new MemoryHeldStore();
  const timers = new RecordingTimers();
  const output = new RecordingOutput();
  return { clock, store, timers, output, deps: { store, timers, now: clock.now, logger } };
}

describe('holding an embargoed item', () => {
  it('records an item under a future embargo, whole, and arms its timer after', async () => {
    const { store, timers, deps } = setup();
    const outcome = await holdIfEmbargoed(embargoed(EMBARGO), deps);
    const key = heldKey(publishedEnvelope().dedupe?.uri as string, 1, new Date(EMBARGO));
    expect(outcome).toEqual({ held: true, key, until: new Date(EMBARGO) });
    expect(store.records.get(key)).toMatchObject({
      uri: publishedEnvelope().dedupe?.uri,
      version: 1,
      until: EMBARGO,
      heldAt: START.toISOString(),
      envelope: { item: { embargoed: EMBARGO, headline: publishedEnvelope().item.headline } },
    });
    expect(timers.armed).toEqual([{ key, now: START }]);
  });

  it('lets an item without an embargo or with a past one go, and holds nothing', async () => {
    const { store, timers, deps } = setup();
    expect((await holdIfEmbargoed(embargoed(undefined), deps)).held).toBe(false);
    expect((await holdIfEmbargoed(embargoed('2026-12-06T11:00:00.000Z'), deps)).held).toBe(false);
    expect(store.records.size).toBe(0);
    expect(timers.armed).toEqual([]);
  });

  it('holds a later version as long as an earlier one is still held (an embargo covers all versions)', async () => {
    const { store, deps, clock } = setup();
    await holdIfEmbargoed(embargoed(EMBARGO), deps);
    const v2 = await holdIfEmbargoed(embargoed(undefined, { version: 2, decision: 'version' }), deps);
    expect(v2).toMatchObject({ held: true, until: new Date(EMBARGO) });
    expect(store.records.size).toBe(2);
    // Once the earlier one is due, a later version waits for nothing.
    clock.time = new Date(EMBARGO);
    expect((await holdIfEmbargoed(embargoed(undefined, { version: 3 }), deps)).held).toBe(false);
  });

  it('cancels every held version of a story its kill names, and lets the kill go', async () => {
    const { store, deps } = setup();
    await holdIfEmbargoed(embargoed(EMBARGO), deps);
    const uri = publishedEnvelope().dedupe?.uri as string;
    const kill = {
      ...embargoed(undefined, { version: 2, decision: 'original-withdrawn' }),
      withdrawal: { pubStatus: 'canceled' as const, role: 'original' as const, originalUri: uri },
    };
    const outcome = await holdIfEmbargoed(kill, deps);
    expect(outcome).toMatchObject({ held: false, canceled: [heldKey(uri, 1, new Date(EMBARGO))] });
    expect(store.records.size).toBe(0);
  });
});

describe('releasing a held item', () => {
  it('does nothing before the embargo, publishes once at it, and is idempotent after', async () => {
    const { store, deps, clock } = setup();
    const held = await holdIfEmbargoed(embargoed(EMBARGO), deps);
    if (!held.held) throw new Error('expected a hold');
    const published: ItemEnvelope[] = [];
    const release = { store, now: clock.now, publish: async (e: ItemEnvelope) => void published.push(e) };
    clock.time = new Date('2026-12-06T13:59:59.999Z');
    expect(await releaseHeld(held.key, release)).toBe('not-due');
    expect(published).toEqual([]);
    clock.time = new Date(EMBARGO);
    expect(await releaseHeld(held.key, release)).toBe('released');
    expect(await releaseHeld(held.key, release)).toBe('gone');
    expect(published).toHaveLength(1);
    expect(published[0]?.item.embargoed).toBe(EMBARGO);
    expect(store.records.size).toBe(0);
  });

  it('keeps the record when the output refuses it, so a retry still has it', async () => {
    const { store, deps, clock } = setup();
    const held = await holdIfEmbargoed(embargoed(EMBARGO), deps);
    if (!held.held) throw new Error('expected a hold');
    clock.time = new Date(EMBARGO);
    const refuse = async () => {
      throw new Error('output unavailable');
    };
    await expect(releaseHeld(held.key, { store, now: clock.now, publish: refuse })).rejects.toThrow();
    expect(store.records.has(held.key)).toBe(true);
  });
});

describe('the release handler and the sweep', () => {
  const timer = (key: string) => JSON.stringify({ schema: HOLD_TIMER_SCHEMA, key });

  it('re-arms an early timer while the item is held, ends the chain when it is not, publishes when due', async () => {
    const { timers, output, deps, clock } = setup();
    const held = await holdIfEmbargoed(embargoed(EMBARGO), deps);
    if (!held.held) throw new Error('expected a hold');
    const handler = createReleaseHandler({ ...deps, output, deadLetters: new NoDeadLetters() });
    timers.armed.length = 0;
    clock.advance(900_000);
    expect(await handler({ Records: [sqsRecord('t1', timer(held.key))] })).toEqual({ batchItemFailures: [] });
    expect(timers.armed).toEqual([{ key: held.key, now: clock.now() }]);
    expect(output.sent).toEqual([]);
    clock.time = new Date(EMBARGO);
    await handler({ Records: [sqsRecord('t2', timer(held.key))] });
    expect(output.sent).toHaveLength(1);
    const ninjs = JSON.parse(output.sent[0]?.body ?? '{}');
    expect(ninjs).toMatchObject({
      uri: publishedEnvelope().dedupe?.uri,
      version: '1',
      embargoedUntil: EMBARGO,
    });
    // A second timer for the same item (the sweep got there first, or a redelivery) publishes nothing.
    await handler({ Records: [sqsRecord('t3', timer(held.key))] });
    expect(output.sent).toHaveLength(1);
    // A timer of an item no longer held stops its chain rather than re-arming for ever.
    timers.armed.length = 0;
    const gone = heldKey('urn:gone', 1, new Date('2026-12-07T00:00:00.000Z'));
    await handler({ Records: [sqsRecord('t4', timer(gone))] });
    expect(timers.armed).toEqual([]);
  });

  it('reports a timer whose release failed as a batch item failure and keeps the item held', async () => {
    const { store, output, deps, clock } = setup();
    const held = await holdIfEmbargoed(embargoed(EMBARGO), deps);
    if (!held.held) throw new Error('expected a hold');
    const handler = createReleaseHandler({ ...deps, output, deadLetters: new NoDeadLetters() });
    clock.time = new Date(EMBARGO);
    output.failNext = true;
    const result = await handler({ Records: [sqsRecord('t1', timer(held.key))] });
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 't1' }]);
    expect(store.records.has(held.key)).toBe(true);
  });

  it('dead-letters a message that is no timer', async () => {
    const { output, deps } = setup();
    const deadLetters = new NoDeadLetters();
    const handler = createReleaseHandler({ ...deps, output, deadLetters });
    await handler({ Records: [sqsRecord('x', '{"schema":"something else"}')] });
    expect(deadLetters.sent).toHaveLength(1);
  });

  it('sweeps: releases what is due whatever became of its timer, leaves the rest held', async () => {
    const { store, output, deps, clock } = setup();
    await holdIfEmbargoed(embargoed(EMBARGO), deps);
    await holdIfEmbargoed(
      embargoed('2026-12-07T09:00:00.000Z', { uri: 'urn:later', storyId: 'later' }),
      deps,
    );
    expect(await sweepHeld({ store, output, now: clock.now, logger })).toEqual({
      held: 2,
      released: 0,
      failed: 0,
    });
    clock.time = new Date(EMBARGO);
    expect(await sweepHeld({ store, output, now: clock.now, logger })).toEqual({
      held: 2,
      released: 1,
      failed: 0,
    });
    expect(output.sent).toHaveLength(1);
    expect(store.records.size).toBe(1);
    expect(await sweepHeld({ store, output, now: clock.now, logger })).toMatchObject({ released: 0 });
    expect(output.sent).toHaveLength(1);
  });
});
