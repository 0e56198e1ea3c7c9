import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoAnchorLog, type LoggedStory } from '../lambdas/dedupe/anchor-log.ts';
import { anchorKeys } from '../lambdas/dedupe/anchors.ts';
import { DynamoRecordStore } from '../lambdas/dedupe/dynamo-records.ts';
import { exactKey } from '../lambdas/dedupe/index-store.ts';
import { LoggedDedupeIndex } from '../lambdas/dedupe/logged-index.ts';
import { packSignature } from '../lambdas/dedupe/minhash.ts';
import { NearDuplicateDetector, type TextProfile } from '../lambdas/dedupe/near.ts';
import { bestMatch, rankCandidates } from '../lambdas/dedupe/near-search.ts';
import { createAwsClients } from '../lambdas/shared/clients.ts';
import { sha256Hex } from '../lambdas/shared/hash.ts';
import { EMULATOR_CREDENTIALS, startEmulators } from '../local/emulators.ts';
import { provision } from '../local/provision.ts';
import { median } from '../soak/stats.ts';
import { syntheticProfile } from './dedupe.ts';
import { seededRandom } from './dedupe-corpus.ts';
import type { BenchRow } from './pipeline.ts';

/**
 * The look-up the dedupe Lambda performs, on the index it uses: a
 * LoggedDedupeIndex over DynamoRecordStore and DynamoAnchorLog, wired as
 * lambdas/dedupe/bootstrap.ts wires them, against dynalite (the DynamoDB
 * emulator the tests and the local runner use) over HTTP with the real SDK.
 * Per item: one consistent BatchGetItem of the exact and item records, the
 * in-memory anchor buckets (caught up from the log), ranking, one
 * BatchGetItem of the top candidates, verification — as decide.ts does before
 * it writes anything. Every bucket is full (anchors drawn from a pool of 512
 * per slot), the worst case. Each size has its own table; sizes alternate look-up
 * by look-up, so load changes on this shared machine fall on both. The
 * DynamoDB requests per look-up are counted too: the same at every size.
 * Run alone: npx tsx bench/dedupe-dynamo.ts
 */

const NOW_MS = Date.parse('2026-11-25T12:00:00Z');
const NOW_SECONDS = Math.floor(NOW_MS / 1000);
const POOL = 512;
const SIZES = [10_000, 200_000];
const LOOKUPS_PER_ROUND = 100;
const ROUNDS = 5;
const WRITE_CONCURRENCY = 8;
/** Stories per log segment when filling: more than a batch's ten, to fill faster; look-ups read memory. */
const PER_SEGMENT = 200;

interface Filled {
  readonly index: LoggedDedupeIndex;
  readonly fillSeconds: number;
  readonly coldStartMs: number;
}

async function mapLimit<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await run(items[next++] as T);
    }),
  );
}

/** Writes `reports` exact records and their log segments as dedupe would have, then cold-starts an index. */
async function fill(
  clients: ReturnType<typeof createAwsClients>,
  table: string,
  reports: number,
  detector: NearDuplicateDetector,
): Promise<Filled> {
  const { anchors, permutations } = detector.params;
  const random = seededRandom(reports);
  const doc = DynamoDBDocumentClient.from(clients.dynamodb);
  const expiresAt = NOW_SECONDS + 30 * 86_400;
  const started = performance.now();
  const stories: LoggedStory[] = [];
  const items: Array<Record<string, unknown>> = [];
  for (let i = 0; i < reports; i++) {
    const fingerprint = sha256Hex(`report ${i} of ${reports}`);
    const values = Uint32Array.from({ length: anchors }, (_, a) => a * POOL + Math.floor(random() * POOL));
    stories.push({ fingerprint, expiresAt, anchors: values });
    items.push({
      pk: exactKey(fingerprint),
      sk: '-',
      uri: `urn:syndicate:bench:${i}`,
      storyId: `story-${i}`,
      version: 1,
      claimant: `bench#${i}`,
      firstCreated: new Date(NOW_MS - 3_600_000).toISOString(),
      expiresAt,
      signature: packSignature(Uint32Array.from({ length: permutations }, () => (random() * 2 ** 32) >>> 0)),
      shingles: 280,
      anchors: new Uint8Array(Uint32Array.from(values).sort().buffer),
      details: new Uint8Array(0),
    });
  }
  const chunks: Array<Array<Record<string, unknown>>> = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
  await mapLimit(chunks, WRITE_CONCURRENCY, async (chunk) => {
    let pending = chunk.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 10) throw new Error('BatchWriteItem left items unprocessed');
      const result = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
      pending = (result.UnprocessedItems?.[table] ?? []) as typeof pending;
    }
  });
  const log = new DynamoAnchorLog(clients.dynamodb, table);
  const segments: LoggedStory[][] = [];
  for (let i = 0; i < stories.length; i += PER_SEGMENT) segments.push(stories.slice(i, i + PER_SEGMENT));
  // Oldest first, within the last hours, as batches would have logged them.
  await mapLimit(
    segments.map((segment, s) => ({ segment, at: NOW_MS - (segments.length - s) * 1000 })),
    WRITE_CONCURRENCY,
    async ({ segment, at }) => void (await log.write(segment, at)),
  );
  const fillSeconds = (performance.now() - started) / 1000;
  const index = new LoggedDedupeIndex({
    records: new DynamoRecordStore(clients.dynamodb, table),
    log,
    lookbackDays: 30,
    clock: () => NOW_MS,
  });
  const cold = performance.now();
  await index.lookup([], anchorKeys(Uint32Array.of(0)), NOW_SECONDS);
  return { index, fillSeconds, coldStartMs: performance.now() - cold };
}

/** One look-up as a decision makes it, in µs. */
async function timeLookup(
  index: LoggedDedupeIndex,
  detector: NearDuplicateDetector,
  query: TextProfile,
  q: number,
): Promise<number> {
  const fingerprint = sha256Hex(`query ${q}`);
  const started = performance.now();
  const { buckets } = await index.lookup(
    [exactKey(fingerprint), `item#bench|${q}`],
    anchorKeys(query.anchors),
    NOW_SECONDS,
  );
  const ranked = rankCandidates(buckets.values(), fingerprint);
  if (ranked.length === 0) throw new Error('a full bucket gave no candidates: the index was not filled');
  await bestMatch(index, detector, query, ranked, NOW_SECONDS, {
    outlet: 'bench',
    uri: 'urn:syndicate:bench:query',
    explicitIdentity: true,
  });
  return (performance.now() - started) * 1000;
}

export async function benchDedupeDynamo(sizes: readonly number[] = SIZES): Promise<BenchRow[]> {
  const stateDir = mkdtempSync(join(tmpdir(), 'syndicate-bench-dynamo-'));
  const emulators = await startEmulators(stateDir);
  const clients = createAwsClients(
    { region: 'us-east-1', endpoints: emulators.endpoints },
    { credentials: EMULATOR_CREDENTIALS },
  );
  try {
    const detector = await NearDuplicateDetector.create();
    const filled: Filled[] = [];
    for (const [i, size] of sizes.entries()) {
      const { table } = await provision(clients, { prefix: `bench${i}` });
      filled.push(await fill(clients, table, size, detector));
    }
    const random = seededRandom(11);
    const profiles = Array.from({ length: LOOKUPS_PER_ROUND }, () =>
      syntheticProfile(detector, POOL, random),
    );
    let requests = 0;
    clients.dynamodb.middlewareStack.add(
      (next) => async (args) => {
        requests++;
        return next(args);
      },
      { step: 'initialize', name: 'benchRequestCounter' },
    );
    for (const { index } of filled) {
      for (const [q, query] of profiles.slice(0, 20).entries()) await timeLookup(index, detector, query, q); // warm-up
    }
    const times = sizes.map((): number[] => []);
    const requestCounts = sizes.map(() => 0);
    // Sizes alternate look-up by look-up (the order flipping each time), so the load of this shared
    // machine, which moves within seconds, falls on both alike.
    for (let round = 0; round < ROUNDS; round++) {
      for (const [q, query] of profiles.entries()) {
        const order = [...filled.keys()];
        if ((q + round) % 2 === 1) order.reverse();
        for (const i of order) {
          const index = filled[i]?.index;
          if (!index) continue;
          const before = requests;
          times[i]?.push(await timeLookup(index, detector, query, q));
          requestCounts[i] = (requestCounts[i] ?? 0) + requests - before;
        }
      }
    }
    const rows: BenchRow[] = [];
    const medians = times.map((t) => median(t));
    sizes.forEach((size, i) => {
      const label = size.toLocaleString('en-US');
      rows.push(
        {
          name: `dedupe look-up on the Lambda's index (DynamoDB records + logged buckets, dynalite), ${label} earlier reports (median of ${ROUNDS * LOOKUPS_PER_ROUND})`,
          value: medians[i] ?? Number.NaN,
          unit: 'µs',
        },
        {
          name: `dedupe look-up on the Lambda's index: DynamoDB requests per look-up, ${label} earlier reports`,
          value: (requestCounts[i] ?? 0) / (ROUNDS * LOOKUPS_PER_ROUND),
          unit: 'requests',
        },
        {
          name: `dedupe look-up on the Lambda's index: filling ${label} reports (records + log), then the cold start's log read`,
          value: Math.round(filled[i]?.fillSeconds ?? Number.NaN),
          unit: 's',
          note: `cold start ${Math.round(filled[i]?.coldStartMs ?? Number.NaN)} ms`,
        },
      );
    });
    const first = sizes[0] ?? 0;
    const last = sizes.at(-1) ?? 0;
    rows.push({
      name: `dedupe look-up on the Lambda's index, ${last.toLocaleString('en-US')} / ${first.toLocaleString('en-US')}`,
      value: (medians.at(-1) ?? Number.NaN) / (medians[0] ?? Number.NaN),
      unit: 'ratio',
    });
    return rows;
  } finally {
    for (const client of Object.values(clients)) client.destroy();
    await emulators.stop();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sizes = process.argv.slice(2).map(Number);
  const started = Date.now();
  for (const row of await benchDedupeDynamo(sizes.length > 0 ? sizes : SIZES))
    process.stdout.write(
      `${row.name}: ${row.value.toPrecision(4)} ${row.unit}${row.note ? ` (${row.note})` : ''}\n`,
    );
  process.stdout.write(`(${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}
