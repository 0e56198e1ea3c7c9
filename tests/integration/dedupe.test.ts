import { readFileSync } from 'node:fs';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { DynamoAnchorLog } from '../../lambdas/dedupe/anchor-log.ts';
import { decideDuplicate } from '../../lambdas/dedupe/decide.ts';
import type { ItemDecision } from '../../lambdas/dedupe/decision-reports.ts';
import { DynamoRecordStore } from '../../lambdas/dedupe/dynamo-records.ts';
import type { DedupeIndex } from '../../lambdas/dedupe/index-store.ts';
import { LoggedDedupeIndex } from '../../lambdas/dedupe/logged-index.ts';
import { NearDuplicateDetector } from '../../lambdas/dedupe/near.ts';
import { ALT_ID_ROLES, DUPLICATE_OF_REL } from '../../lambdas/publish/ninjs.ts';
import { rawDocumentKey } from '../../lambdas/shared/keys.ts';
import { startTestPipeline, type TestPipeline } from '../support/local-pipeline.ts';
import { PROJECT_ROOT, SEED_ARTICLE } from '../support/paths.ts';
import { articleBody } from '../unit/dedupe/articles.ts';
import { envelopeOf } from '../unit/dedupe/envelopes.ts';

let running: TestPipeline | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

const encoder = new TextEncoder();
const seed = readFileSync(SEED_ARTICLE, 'utf8');

/** Another outlet's reprint of the seed: new headline, byline, dateline and footer, last paragraph cut. */
function reprintOfSeed(): Uint8Array {
  const paragraphs = seed.trim().split('\n\n');
  const lead = (paragraphs[1] ?? '').replace(/^\(PatriotWise\.com\) — /, '');
  return encoder.encode(
    [
      'Russia Bars Officials From Quitting, Report Says',
      'By Jane Holloway',
      `MOSCOW (Valley Courier) — ${lead}`,
      ...paragraphs.slice(2, -2),
      'This article originally appeared on the Valley Courier.',
    ].join('\n\n'),
  );
}

function rss(guid: string, body: string): Uint8Array {
  return encoder.encode(`<?xml version="1.0"?>
<rss version="2.0"><channel><title>Metro Ledger</title><link>https://ledger.example/</link><description>News</description>
<item><guid isPermaLink="false">${guid}</guid><title>Fares frozen</title><link>https://ledger.example/fares</link>
<pubDate>Mon, 06 May 2024 18:00:00 GMT</pubDate><description><![CDATA[${body}]]></description></item>
</channel></rss>`);
}

type Recorded = ItemDecision & { readonly ingestionId: string };

async function decisionOf(t: TestPipeline, outlet: string, documentId: string): Promise<Recorded> {
  const ingestionId = t.pipeline.bridge.arrivals.get(rawDocumentKey(outlet, documentId));
  if (!ingestionId) throw new Error(`no arrival recorded for ${outlet}/${documentId}`);
  const recorded = (await t.pipeline.readDecisions(outlet, documentId, ingestionId)).get(0);
  if (!recorded) throw new Error(`no dedupe decision recorded for ${outlet}/${documentId}`);
  return { ...recorded, ingestionId };
}

/**
 * Holds the first `parties` look-ups until all of them have read the index, so
 * every party decides on the same empty view: the race the conditional writes
 * must settle, made certain instead of left to timing.
 */
function lookupBarrier(index: DedupeIndex, parties: number): DedupeIndex {
  let arrived = 0;
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    bucketCapacity: index.bucketCapacity,
    getMany: (pks, now) => index.getMany(pks, now),
    claim: (record, now) => index.claim(record, now),
    putVersion: (record, now) => index.putVersion(record, now),
    noteArrival: (record, now) => index.noteArrival(record, now),
    appendToBuckets: (pks, entry, seen, now) => index.appendToBuckets(pks, entry, seen, now),
    flush: () => index.flush(),
    async lookup(records, buckets, now) {
      const found = await index.lookup(records, buckets, now);
      arrived++;
      if (arrived >= parties) release();
      await gate;
      return found;
    },
  };
}

/**
 * The distinct messages on the output queue. Delivery is at least once: on a
 * loaded machine a stage can outlive the tests' 1-second visibility timeout
 * and a redelivered item is published again, with the same uri and version.
 */
interface Published {
  uri?: string;
  version?: string;
  altIds?: Array<{ role: string; value: string }>;
  associations?: Array<{ uri?: string; rel?: string }>;
}

async function drainDistinct(t: TestPipeline): Promise<Published[]> {
  const seen = new Map<string, Published>();
  for (const { body } of await t.pipeline.drainOutput()) {
    const ninjs = JSON.parse(body) as Published;
    seen.set(`${ninjs.uri}@${ninjs.version}`, ninjs);
  }
  return [...seen.values()];
}

function storyIdOf(ninjs: Published): string | undefined {
  return ninjs.altIds?.find((a) => a.role === ALT_ID_ROLES.storyId)?.value;
}

describe('dedupe against the local emulators', () => {
  it('drops exact copies and reprints from another outlet, recording what each matched', async () => {
    running = await startTestPipeline();
    const { pipeline } = running;
    const original = await pipeline.ingest('patriotwise', readFileSync(SEED_ARTICLE));
    await pipeline.waitForIdle();
    const first = await drainDistinct(running);
    expect(first).toHaveLength(1);
    const firstNinjs = first[0] ?? {};
    const firstDecision = await decisionOf(running, 'patriotwise', original.documentId);
    expect(firstDecision.decision).toBe('new');
    expect(storyIdOf(firstNinjs)).toBe(firstDecision.storyId);

    // The same document pushed again: a new arrival of the same body.
    await pipeline.ingest('patriotwise', readFileSync(SEED_ARTICLE));
    await pipeline.waitForIdle();
    const again = await decisionOf(running, 'patriotwise', original.documentId);
    expect(again.ingestionId).not.toBe(firstDecision.ingestionId);
    expect(again).toMatchObject({ decision: 'duplicate', storyId: firstDecision.storyId, published: false });

    const reprint = await pipeline.ingest('other-outlet', reprintOfSeed());
    await pipeline.waitForIdle();
    const near = await decisionOf(running, 'other-outlet', reprint.documentId);
    expect(near).toMatchObject({
      decision: 'near-duplicate',
      storyId: firstDecision.storyId,
      published: false,
    });
    expect(near.matchOf?.uri).toBe(firstNinjs.uri);
    expect(near.matchOf?.rule).toMatch(/^minhash-/);
    expect(near.evidence.match?.containment).toBeGreaterThan(0.7);
    expect(await pipeline.drainOutput()).toHaveLength(0);
    expect(await pipeline.deadLetters()).toEqual([]);
  });

  it('publishes a flagged reprint pointing at the earlier report, in the same story', async () => {
    running = await startTestPipeline({ duplicatePolicy: 'flag' });
    const { pipeline } = running;
    await pipeline.ingest('patriotwise', readFileSync(SEED_ARTICLE));
    await pipeline.waitForIdle();
    const [firstNinjs = {}] = await drainDistinct(running);

    await pipeline.ingest('other-outlet', reprintOfSeed());
    await pipeline.waitForIdle();
    const flagged = await drainDistinct(running);
    expect(flagged).toHaveLength(1);
    const ninjs = flagged[0] ?? {};
    expect(ninjs.uri).not.toBe(firstNinjs.uri);
    expect(storyIdOf(ninjs)).toBe(storyIdOf(firstNinjs));
    expect(ninjs.associations).toEqual(
      expect.arrayContaining([expect.objectContaining({ uri: firstNinjs.uri, rel: DUPLICATE_OF_REL })]),
    );
  });

  it('publishes a changed item as its next version under the same uri', async () => {
    running = await startTestPipeline();
    const { pipeline } = running;
    const body = articleBody('fare-freeze');
    await pipeline.ingest('ledger', rss('fares-1', body));
    await pipeline.waitForIdle();
    const [first = {}] = await drainDistinct(running);

    const updated = await pipeline.ingest(
      'ledger',
      rss('fares-1', `${body}\n\nUpdate: the mayor said she would sign the freeze on Tuesday.`),
    );
    await pipeline.waitForIdle();
    const [second = {}] = await drainDistinct(running);
    expect(second.uri).toBe(first.uri);
    expect(second.version).toBe('2');
    expect(storyIdOf(second)).toBe(storyIdOf(first));
    expect((await decisionOf(running, 'ledger', updated.documentId)).decision).toBe('version');

    // The update is withdrawn: the first body again is the item's third version, not a copy of its first.
    const reverted = await pipeline.ingest('ledger', rss('fares-1', body));
    await pipeline.waitForIdle();
    const [third = {}] = await drainDistinct(running);
    expect(third.uri).toBe(first.uri);
    expect(third.version).toBe('3');
    expect((await decisionOf(running, 'ledger', reverted.documentId)).decision).toBe('version');
  });

  /** One Lambda instance's view of the pipeline's index, as bootstrapDedupe builds it. */
  function instanceIndex(t: TestPipeline): LoggedDedupeIndex {
    const { clients, resources } = t.pipeline;
    return new LoggedDedupeIndex({
      records: new DynamoRecordStore(clients.dynamodb, resources.table),
      log: new DynamoAnchorLog(clients.dynamodb, resources.table),
      lookbackDays: 30,
    });
  }

  it('lets exactly one of two concurrent copies through DynamoDB be first', async () => {
    running = await startTestPipeline();
    const index = instanceIndex(running);
    const detector = await NearDuplicateDetector.create();
    const options = { detector, lookbackDays: 30, now: new Date() };
    const body = articleBody('nurse-strike');

    const racing = { ...options, index: lookupBarrier(index, 3) };
    const exact = await Promise.all(
      ['a', 'b', 'c'].map((outlet) => decideDuplicate(envelopeOf({ outlet, body, arrival: outlet }), racing)),
    );
    expect(exact.map((d) => d.outcome.decision).sort()).toEqual(['duplicate', 'duplicate', 'new']);
    expect(new Set(exact.map((d) => d.outcome.storyId)).size).toBe(1);

    const other = articleBody('vaccine-clinic');
    const copy = `KYIV, Ukraine — ${other}\n\nThis is a developing story and will be updated.`;
    const nearRacing = { ...options, index: lookupBarrier(index, 2) };
    const near = await Promise.all([
      decideDuplicate(envelopeOf({ outlet: 'a', body: other, arrival: 'n1' }), nearRacing),
      decideDuplicate(envelopeOf({ outlet: 'b', body: copy, arrival: 'n2' }), nearRacing),
    ]);
    expect(near.map((d) => d.outcome.decision).sort()).toEqual(['near-duplicate', 'new']);
    expect(near[0]?.outcome.storyId).toBe(near[1]?.outcome.storyId);
    // Neither saw the other when it looked: the later one learned of the earlier from the bucket it wrote.
    expect(near.find((d) => d.outcome.decision === 'near-duplicate')?.evidence.match?.concurrent).toBe(true);
  });

  it('finds a near copy another instance logged, and never lets both of a concurrent pair yield', async () => {
    running = await startTestPipeline();
    const detector = await NearDuplicateDetector.create();
    const options = { detector, lookbackDays: 30, now: new Date() };
    const [first, second] = [instanceIndex(running), instanceIndex(running)];
    const body = articleBody('vaccine-clinic');
    const copy = `KYIV, Ukraine — ${body}\n\nThis is a developing story and will be updated.`;

    const original = await decideDuplicate(envelopeOf({ outlet: 'a', body, arrival: 'l1' }), {
      ...options,
      index: first,
    });
    // Not logged yet: the other instance cannot know of it, and both stories are published.
    const unseen = await decideDuplicate(envelopeOf({ outlet: 'b', body: copy, arrival: 'l2' }), {
      ...options,
      index: second,
    });
    expect([original.outcome.decision, unseen.outcome.decision]).toEqual(['new', 'new']);
    const strike = articleBody('nurse-strike');
    const onlySecond = await decideDuplicate(envelopeOf({ outlet: 'b', body: strike, arrival: 'l5' }), {
      ...options,
      index: second,
    });

    await first.flush();
    await second.flush();
    const third = instanceIndex(running);
    const reprint = await decideDuplicate(
      envelopeOf({ outlet: 'c', body: `${copy}\n\nCopyright 2024, C.`, arrival: 'l3' }),
      { ...options, index: third },
    );
    expect(reprint.outcome.decision).toBe('near-duplicate');
    expect([original.outcome.storyId, unseen.outcome.storyId]).toContain(reprint.outcome.storyId);

    // The first instance reads what the second logged on its next look-up.
    const fourth = await decideDuplicate(
      envelopeOf({ outlet: 'd', body: `LONDON — ${strike}\n\nReporting by D.`, arrival: 'l4' }),
      { ...options, index: first },
    );
    expect(fourth.outcome.decision).toBe('near-duplicate');
    expect(fourth.outcome.storyId).toBe(onlySecond.outcome.storyId);
  });

  it('links another outlet’s report of the same event that another instance decided, through the log and DynamoDB', async () => {
    running = await startTestPipeline();
    const detector = await NearDuplicateDetector.create();
    const options = { detector, lookbackDays: 30, now: new Date() };
    const [first, second] = [instanceIndex(running), instanceIndex(running)];
    const report = (file: string) =>
      readFileSync(`${PROJECT_ROOT}fixtures/dedupe/events/${file}`, 'utf8')
        .split('\n\n')
        .slice(1, -1)
        .join('\n\n');

    const earlier = await decideDuplicate(
      envelopeOf({ outlet: 'courant', body: report('a-quarrybrook-bridge.txt'), arrival: 'e1' }),
      { ...options, index: first },
    );
    await first.flush();
    const later = await decideDuplicate(
      envelopeOf({ outlet: 'herald', body: report('b-fork-valley-bridge.txt'), arrival: 'e2' }),
      { ...options, index: second },
    );
    expect(later.outcome).toMatchObject({
      decision: 'new',
      eventId: earlier.outcome.eventId,
      sameEventAs: { uri: earlier.outcome.uri, storyId: earlier.outcome.storyId },
    });
    expect(later.outcome.storyId).not.toBe(earlier.outcome.storyId);
  });

  it('writes a body claim without repeating its key, and reads it back whole', async () => {
    running = await startTestPipeline();
    const { clients, resources } = running.pipeline;
    const store = new DynamoRecordStore(clients.dynamodb, resources.table);
    const fingerprint = 'f'.repeat(64);
    const record = {
      pk: `exact#${fingerprint}`,
      uri: 'urn:syndicate:a:1',
      storyId: 'story-1',
      version: 1,
      fingerprint,
      claimant: 'arrival#0',
      firstCreated: '2026-11-25T00:00:00Z',
      expiresAt: 2_000_000_000,
    };
    expect(await store.claim(record, 0)).toBeUndefined();
    const raw = await clients.dynamodb.send(
      new GetItemCommand({ TableName: resources.table, Key: { pk: { S: record.pk }, sk: { S: '-' } } }),
    );
    expect(raw.Item?.fingerprint).toBeUndefined();
    expect((await store.getMany([record.pk], 0)).get(record.pk)).toEqual(record);
  });

  it('refuses, through DynamoDB, an older arrival’s version and a re-send noted against a stale version', async () => {
    running = await startTestPipeline();
    const { clients, resources } = running.pipeline;
    const store = new DynamoRecordStore(clients.dynamodb, resources.table);
    const item = {
      pk: 'item#a|1',
      uri: 'urn:syndicate:a:1',
      storyId: 'story-1',
      version: 1,
      fingerprint: 'f1',
      claimant: 'arrival-1#0',
      firstCreated: '2026-11-25T00:00:00Z',
      expiresAt: 2_000_000_000,
      lastArrival: '2026-11-25T00:00:05.000Z|arrival-1',
    };
    expect(await store.putVersion(item, 0)).toBe(true);
    // Version 2 from an arrival older than the one that wrote version 1: refused.
    const older = {
      ...item,
      version: 2,
      claimant: 'arrival-0#0',
      lastArrival: '2026-11-25T00:00:01.000Z|arrival-0',
    };
    expect(await store.putVersion(older, 0)).toBe(false);
    // A later re-send of version 1's text moves the item on; one noted against version 2 is refused.
    const resent = { ...item, lastArrival: '2026-11-25T00:00:09.000Z|arrival-3' };
    expect(await store.noteArrival(resent, 0)).toBe(true);
    expect(await store.noteArrival({ ...resent, version: 2 }, 0)).toBe(false);
    // So a change that arrived in between is older than what the item last heard: refused too.
    const between = {
      ...item,
      version: 2,
      claimant: 'arrival-2#0',
      lastArrival: '2026-11-25T00:00:07.000Z|arrival-2',
    };
    expect(await store.putVersion(between, 0)).toBe(false);
    const later = { ...between, claimant: 'arrival-4#0', lastArrival: '2026-11-25T00:00:11.000Z|arrival-4' };
    expect(await store.putVersion(later, 0)).toBe(true);
    expect((await store.getMany([item.pk], 0)).get(item.pk)).toMatchObject({
      version: 2,
      claimant: 'arrival-4#0',
    });
  });
});
