import { describe, expect, it } from 'vitest';
import {
  type AnchorLog,
  decodeStories,
  encodeStories,
  type LoggedStory,
  type LogSegment,
} from '../../../lambdas/dedupe/anchor-log.ts';
import { anchorKey, anchorOfKey } from '../../../lambdas/dedupe/anchors.ts';
import { decideDuplicate } from '../../../lambdas/dedupe/decide.ts';
import type { DedupeIndex } from '../../../lambdas/dedupe/index-store.ts';
import { LOG_OVERLAP_MS, LOG_RESCAN_MS, LoggedDedupeIndex } from '../../../lambdas/dedupe/logged-index.ts';
import { MemoryDedupeIndex } from '../../../lambdas/dedupe/memory-index.ts';
import { NearDuplicateDetector } from '../../../lambdas/dedupe/near.ts';
import { sha256Hex } from '../../../lambdas/shared/hash.ts';
import { articleBody } from './articles.ts';
import { envelopeOf } from './envelopes.ts';

const fp = (name: string) => sha256Hex(name);
const story = (name: string, anchors: number[], expiresAt = 10_000): LoggedStory => ({
  fingerprint: fp(name),
  expiresAt,
  anchors: Uint32Array.from(anchors),
});

/** A log in memory that counts its reads and can be told to fail a write. */
class FakeLog implements AnchorLog {
  readonly segments: Array<LogSegment & { writtenAt: number }> = [];
  reads: Array<[number, number]> = [];
  failNextWrite = false;
  #sequence = 0;

  async write(stories: readonly LoggedStory[], writtenAtMs: number): Promise<string[]> {
    if (this.failNextWrite) {
      this.failNextWrite = false;
      throw new Error('log unavailable');
    }
    const id = `${new Date(writtenAtMs).toISOString()}#fake#${this.#sequence++}`;
    this.segments.push({ id, writtenAt: writtenAtMs, stories: decodeStories(encodeStories(stories)) });
    return [id];
  }

  async readSince(fromMs: number, untilMs: number): Promise<LogSegment[]> {
    this.reads.push([fromMs, untilMs]);
    return this.segments.filter((s) => s.writtenAt >= fromMs);
  }
}

function instance(log: AnchorLog, clock: () => number): LoggedDedupeIndex {
  return new LoggedDedupeIndex({ records: new MemoryDedupeIndex(), log, lookbackDays: 30, clock });
}

const bucketOf = async (index: LoggedDedupeIndex, anchor: number) =>
  (await index.lookup([], [anchorKey(anchor)], 0)).buckets
    .get(anchorKey(anchor))
    ?.entries.map((e) => e.fingerprint);

describe('the anchor log', () => {
  it('encodes stories compactly and decodes them unchanged', () => {
    const stories = [story('a', [1, 2, 0xffffffff]), story('b', [], 4_000_000_000)];
    const bytes = encodeStories(stories);
    expect(bytes.byteLength).toBe(2 * 37 + 3 * 4);
    expect(decodeStories(bytes)).toEqual(stories);
  });

  it('refuses a truncated segment and a fingerprint that is not a sha256', () => {
    const bytes = encodeStories([story('a', [1, 2, 3])]);
    expect(() => decodeStories(bytes.subarray(0, bytes.byteLength - 1))).toThrow(/truncated/);
    expect(() => encodeStories([{ fingerprint: 'f1', expiresAt: 1, anchors: new Uint32Array(0) }])).toThrow(
      /sha256/,
    );
  });

  it('names anchors by keys that turn back into the same values', () => {
    expect(anchorOfKey(anchorKey(0xdeadbeef))).toBe(0xdeadbeef);
    expect(() => anchorOfKey('exact#00')).toThrow(/not an anchor key/);
  });
});

describe('the logged index', () => {
  it("logs a batch's new stories in one write, and another instance reads them on its next look-up", async () => {
    const log = new FakeLog();
    let now = Date.parse('2026-11-25T12:00:00Z');
    const a = instance(log, () => now);
    const b = instance(log, () => now);
    await a.appendToBuckets(
      [anchorKey(7), anchorKey(9)],
      { fingerprint: fp('s1'), expiresAt: 10_000 },
      new Map(),
      0,
    );
    await a.appendToBuckets([anchorKey(7)], { fingerprint: fp('s2'), expiresAt: 10_000 }, new Map(), 0);
    expect(await bucketOf(b, 7)).toBeUndefined();
    await a.flush();
    expect(log.segments).toHaveLength(1);
    expect(log.segments[0]?.stories.map((s) => [...s.anchors])).toEqual([[7, 9], [7]]);
    now += 1000;
    expect(await bucketOf(b, 7)).toEqual([fp('s1'), fp('s2')]);
    // Nothing new: nothing is written.
    await a.flush();
    expect(log.segments).toHaveLength(1);
  });

  it('reads the look-back window at a cold start, then what is new, and the overlap again every so often', async () => {
    const log = new FakeLog();
    const start = Date.parse('2026-11-25T12:00:00Z');
    let now = start;
    const index = instance(log, () => now);
    for (const after of [0, 4_000, 8_000, LOG_RESCAN_MS + 1_000, LOG_RESCAN_MS + 3_000]) {
      now = start + after;
      await index.lookup([], [anchorKey(1)], 0);
    }
    expect(log.reads).toEqual([
      [Date.parse('2026-10-26T12:00:00Z'), start],
      [start - 1_000, start + 4_000],
      [start + 3_000, start + 8_000],
      [start - LOG_OVERLAP_MS, start + LOG_RESCAN_MS + 1_000],
      [start + LOG_RESCAN_MS, start + LOG_RESCAN_MS + 3_000],
    ]);
  });

  it('reads a segment that landed late, keyed before what it has read since, on its next pass over the overlap', async () => {
    const log = new FakeLog();
    const start = Date.parse('2026-11-25T12:00:00Z');
    let now = start;
    const reader = instance(log, () => now);
    await reader.lookup([], [anchorKey(4)], 0);
    now = start + 5_000;
    await reader.lookup([], [anchorKey(4)], 0);
    // Keyed at +2 s by its writer, visible only now: the look-up at +6 s reads from +4 s and misses it.
    await log.write([story('late', [4])], start + 2_000);
    now = start + 6_000;
    expect(await bucketOf(reader, 4)).toBeUndefined();
    now = start + LOG_RESCAN_MS + 1_000;
    expect(await bucketOf(reader, 4)).toEqual([fp('late')]);
  });

  it('does not apply its own segments again when it reads them back: an evicted entry stays out', async () => {
    const log = new FakeLog();
    let now = Date.parse('2026-11-25T12:00:00Z');
    const index = new LoggedDedupeIndex({
      records: new MemoryDedupeIndex(),
      log,
      lookbackDays: 30,
      bucketCapacity: 2,
      clock: () => now,
    });
    await index.lookup([], [anchorKey(3)], 0);
    await index.appendToBuckets([anchorKey(3)], { fingerprint: fp('old'), expiresAt: 10_000 }, new Map(), 0);
    await index.flush();
    for (const name of ['n1', 'n2']) {
      await index.appendToBuckets([anchorKey(3)], { fingerprint: fp(name), expiresAt: 10_000 }, new Map(), 0);
    }
    now += LOG_RESCAN_MS + 1_000;
    expect(await bucketOf(index, 3)).toEqual([fp('n1'), fp('n2')]);
  });

  it('shares one read among concurrent look-ups, and skips it for a text with no anchors', async () => {
    const log = new FakeLog();
    const index = instance(log, () => Date.parse('2026-11-25T12:00:00Z'));
    await Promise.all(Array.from({ length: 10 }, (_, i) => index.lookup([], [anchorKey(i)], 0)));
    await index.lookup(['exact#x'], [], 0);
    expect(log.reads).toHaveLength(1);
  });

  it('applies a segment read twice only once, so an evicted entry does not come back as the newest', async () => {
    const log = new FakeLog();
    let now = Date.parse('2026-11-25T12:00:00Z');
    const writer = instance(log, () => now);
    const reader = new LoggedDedupeIndex({
      records: new MemoryDedupeIndex(),
      log,
      lookbackDays: 30,
      bucketCapacity: 2,
      clock: () => now,
    });
    await writer.appendToBuckets([anchorKey(3)], { fingerprint: fp('old'), expiresAt: 10_000 }, new Map(), 0);
    await writer.flush();
    now += 1_000;
    await reader.lookup([], [anchorKey(3)], 0);
    for (const name of ['n1', 'n2']) {
      await reader.appendToBuckets(
        [anchorKey(3)],
        { fingerprint: fp(name), expiresAt: 10_000 },
        new Map(),
        0,
      );
    }
    now += 1_000;
    // The writer's segment is inside the overlap again; it must not push 'n1' out.
    expect(await bucketOf(reader, 3)).toEqual([fp('n1'), fp('n2')]);
  });

  it('keeps stories whose write failed for the next flush: none is left out of the log', async () => {
    const log = new FakeLog();
    const index = instance(log, () => Date.parse('2026-11-25T12:00:00Z'));
    await index.appendToBuckets([anchorKey(5)], { fingerprint: fp('x'), expiresAt: 10_000 }, new Map(), 0);
    log.failNextWrite = true;
    await expect(index.flush()).rejects.toThrow(/log unavailable/);
    await index.appendToBuckets([anchorKey(6)], { fingerprint: fp('y'), expiresAt: 10_000 }, new Map(), 0);
    await index.flush();
    expect(log.segments.flatMap((s) => s.stories.map((t) => t.fingerprint))).toEqual([fp('x'), fp('y')]);
  });

  it('logs a redelivered story once: appending what a bucket holds changes nothing', async () => {
    const log = new FakeLog();
    const index = instance(log, () => Date.parse('2026-11-25T12:00:00Z'));
    for (let i = 0; i < 3; i++) {
      await index.appendToBuckets([anchorKey(8)], { fingerprint: fp('r'), expiresAt: 10_000 }, new Map(), 0);
    }
    await index.flush();
    expect(log.segments.flatMap((s) => s.stories)).toHaveLength(1);
  });

  it('lets a story yield to one another instance logged between its look-up and its append, and only that one', async () => {
    const log = new FakeLog();
    let now = Date.parse('2026-11-25T12:00:00Z');
    const records = new MemoryDedupeIndex();
    const first = new LoggedDedupeIndex({ records, log, lookbackDays: 30, clock: () => now });
    const second = new LoggedDedupeIndex({ records, log, lookbackDays: 30, clock: () => now });
    const detector = await NearDuplicateDetector.create();
    const options = { detector, lookbackDays: 30, now: new Date(now) };
    const body = articleBody('vaccine-clinic');
    const copy = `KYIV, Ukraine — ${body}\n\nThis is a developing story and will be updated.`;

    // The first instance's story has looked up (nothing similar yet) and is held there.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let looked: () => void = () => {};
    const hasLooked = new Promise<void>((resolve) => {
      looked = resolve;
    });
    const gated: DedupeIndex = {
      bucketCapacity: first.bucketCapacity,
      getMany: (pks, at) => first.getMany(pks, at),
      claim: (record, at, replacing) => first.claim(record, at, replacing),
      putVersion: (record, at) => first.putVersion(record, at),
      noteArrival: (record, at) => first.noteArrival(record, at),
      appendToBuckets: (pks, entry, seen, at) => first.appendToBuckets(pks, entry, seen, at),
      flush: () => first.flush(),
      async lookup(recordKeys, bucketKeys, at) {
        const found = await first.lookup(recordKeys, bucketKeys, at);
        looked();
        await held;
        return found;
      },
    };
    const pending = decideDuplicate(envelopeOf({ outlet: 'a', body, arrival: 's1' }), {
      ...options,
      index: gated,
    });
    await hasLooked;
    // Meanwhile the second instance decides its copy and logs it; the first reads the log on another look-up.
    const other = await decideDuplicate(envelopeOf({ outlet: 'b', body: copy, arrival: 's2' }), {
      ...options,
      index: second,
    });
    await second.flush();
    now += 1_000;
    await first.lookup([], [anchorKey(1)], 0);
    release();
    const decided = await pending;
    expect(other.outcome.decision).toBe('new');
    expect(decided.outcome.decision).toBe('near-duplicate');
    expect(decided.evidence.match?.concurrent).toBe(true);
    expect(decided.outcome.storyId).toBe(other.outcome.storyId);
  });
});
