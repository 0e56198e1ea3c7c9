import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { anchorKey, anchorKeys } from '../lambdas/dedupe/anchors.ts';
import { decideDuplicate } from '../lambdas/dedupe/decide.ts';
import { exactKey } from '../lambdas/dedupe/index-store.ts';
import { MemoryDedupeIndex } from '../lambdas/dedupe/memory-index.ts';
import { packSignature } from '../lambdas/dedupe/minhash.ts';
import { NearDuplicateDetector, type TextProfile } from '../lambdas/dedupe/near.ts';
import { bestMatch, rankCandidates } from '../lambdas/dedupe/near-search.ts';
import { ENVELOPE_SCHEMA, type ItemEnvelope } from '../lambdas/shared/envelope.ts';
import { sha256Hex } from '../lambdas/shared/hash.ts';
import { buildCorpus, type LabeledPair, seededRandom } from './dedupe-corpus.ts';

/**
 * Dedupe benchmarks: accuracy on the labeled syndication corpus, look-up time
 * against 10k/100k/1M earlier reports in the in-memory index (MemoryDedupeIndex,
 * which the Lambdas never use: the look-up on their DynamoDB index is
 * bench/dedupe-dynamo.ts), and items per second through the decision on one
 * core. Run alone: npx tsx bench/dedupe.ts
 */

export interface DedupeBenchRow {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
}

const NOW = new Date('2024-05-01T12:00:00Z');
const NOW_SECONDS = Math.floor(NOW.getTime() / 1000);

function envelope(outlet: string, body: string, arrival: string): ItemEnvelope {
  const id = sha256Hex(`${outlet}|${arrival}|${body}`);
  return {
    schema: ENVELOPE_SCHEMA,
    document: {
      id,
      outlet,
      bucket: 'bench',
      key: `incoming/${outlet}/${id}`,
      ingestionId: `incoming/${outlet}/${id}@${arrival}`,
      receivedAt: NOW.toISOString(),
      format: 'article',
      feed: null,
    },
    index: 0,
    item: {
      identity: `guid-${id.slice(0, 16)}`,
      headline: 'Benchmark item',
      bodyText: body,
      bodyHtml: '',
      language: 'en',
      published: NOW.toISOString(),
      publishedFrom: 'item',
      notices: [],
      authors: [],
      categories: [],
    },
  };
}

/** Each pair through the real decision: the earlier report from one outlet, the later one from another. */
async function accuracy(detector: NearDuplicateDetector, corpus: readonly LabeledPair[]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const errors = new Map<string, number>();
  for (const [i, pair] of corpus.entries()) {
    const index = new MemoryDedupeIndex();
    const options = { index, detector, lookbackDays: 30, now: NOW };
    await decideDuplicate(envelope('earlier-outlet', pair.earlier, `e${i}`), options);
    const { outcome } = await decideDuplicate(envelope('later-outlet', pair.later, `l${i}`), options);
    const predicted = outcome.decision === 'duplicate' || outcome.decision === 'near-duplicate';
    if (predicted && pair.duplicate) tp++;
    else if (predicted) fp++;
    else if (pair.duplicate) fn++;
    if (predicted !== pair.duplicate) errors.set(pair.kind, (errors.get(pair.kind) ?? 0) + 1);
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  const f1 = (2 * precision * recall) / Math.max(Number.EPSILON, precision + recall);
  return { precision, recall, f1, errors };
}

/**
 * An index holding `reports` earlier reports, filled cheaply: every record
 * shares one signature, and each report's anchors come from a small pool, so
 * every bucket is full: the worst case for a look-up (every anchor returns
 * `bucketCapacity` entries). Reports are appended in arrival order and buckets
 * keep the newest entries, as `appendToBuckets` does; the ring buffers below
 * only stand in for one append per anchor and report so that filling 1M reports
 * takes seconds, not minutes.
 */
function syntheticIndex(reports: number, detector: NearDuplicateDetector, pool: number) {
  const index = new MemoryDedupeIndex();
  const { anchors, permutations } = detector.params;
  const buckets = anchors * pool;
  const capacity = index.bucketCapacity;
  const random = seededRandom(reports);
  const signature = packSignature(
    Uint32Array.from({ length: permutations }, () => (random() * 2 ** 32) >>> 0),
  );
  const expiresAt = NOW_SECONDS + 30 * 86_400;
  const fingerprints: string[] = [];
  const slots = new Int32Array(buckets * capacity);
  const appended = new Uint32Array(buckets);
  for (let i = 0; i < reports; i++) {
    const pk = exactKey(sha256Hex(`report ${i}`));
    // The fingerprint as a slice of the key: one string per report, not two.
    const fingerprint = pk.slice('exact#'.length);
    fingerprints.push(fingerprint);
    index.preloadRecord({
      pk,
      uri: 'urn:syndicate:bench:x',
      storyId: 'story-bench',
      version: 1,
      fingerprint,
      claimant: 'bench',
      firstCreated: NOW.toISOString(),
      expiresAt,
      signature,
      shingles: 200,
      details: new Uint8Array(0),
    });
    for (let a = 0; a < anchors; a++) {
      // One bucket in each slice of the pool: a report's anchors are distinct.
      const bucket = a * pool + Math.floor(random() * pool);
      slots[bucket * capacity + ((appended[bucket] as number) % capacity)] = i;
      appended[bucket] = (appended[bucket] as number) + 1;
    }
  }
  for (let bucket = 0; bucket < buckets; bucket++) {
    {
      const count = appended[bucket] as number;
      const entries = [];
      // Oldest first, as the buckets keep them.
      for (let k = Math.max(0, count - capacity); k < count; k++) {
        const report = slots[bucket * capacity + (k % capacity)] as number;
        entries.push({ fingerprint: fingerprints[report] as string, expiresAt });
      }
      index.preloadBucket({ pk: anchorKey(bucket), entries });
    }
  }
  return index;
}

/** A query as a decision would make it: random signature, anchors from the pool (so every bucket is full). */
export function syntheticProfile(
  detector: NearDuplicateDetector,
  pool: number,
  random: () => number,
): TextProfile {
  const { anchors, permutations } = detector.params;
  return {
    words: 300,
    sketchedWords: 300,
    shingles: 280,
    signature: Uint32Array.from({ length: permutations }, () => (random() * 2 ** 32) >>> 0),
    anchors: Uint32Array.from({ length: anchors }, (_, a) => a * pool + Math.floor(random() * pool)),
    details: new Uint32Array(0),
  };
}

/** The look-up path of a decision: one batch for records and buckets, ranking, one batch for candidates, verification. */
async function timeLookups(
  index: MemoryDedupeIndex,
  detector: NearDuplicateDetector,
  profiles: readonly TextProfile[],
  into: number[],
): Promise<void> {
  for (const [q, profile] of profiles.entries()) {
    const fingerprint = `q${q}`;
    const started = process.hrtime.bigint();
    const { buckets } = await index.lookup(
      [exactKey(fingerprint), `item#bench|${q}`],
      anchorKeys(profile.anchors),
      NOW_SECONDS,
    );
    const ranked = rankCandidates(buckets.values(), fingerprint);
    await bestMatch(index, detector, profile, ranked, NOW_SECONDS, {
      outlet: 'bench',
      uri: 'urn:syndicate:bench:query',
      explicitIdentity: true,
    });
    into.push(Number(process.hrtime.bigint() - started) / 1000);
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/**
 * Median look-up time per index size. The sizes are measured in alternating
 * rounds rather than one after the other, so a change in the load of this
 * shared machine during the run falls on every size alike.
 */
async function lookupScaling(
  detector: NearDuplicateDetector,
  sizes: readonly number[],
): Promise<Map<number, number>> {
  // One pool of anchor values for every size, so every size looks up equally full buckets.
  // 512 values × 8 entries per anchor slot: full buckets from 10k reports on (about 20 appends each).
  const pool = 512;
  const indexes = sizes.map((reports) => syntheticIndex(reports, detector, pool));
  const random = seededRandom(7);
  const profiles = Array.from({ length: 300 }, () => syntheticProfile(detector, pool, random));
  settleHeap();
  for (const index of indexes) await timeLookups(index, detector, profiles, []); // warm-up
  const times = sizes.map((): number[] => []);
  for (let round = 0; round < 10; round++) {
    for (const [i, index] of indexes.entries()) await timeLookups(index, detector, profiles, times[i] ?? []);
  }
  return new Map(sizes.map((reports, i) => [reports, median(times[i] ?? [])]));
}

/**
 * A full garbage collection before each timed run, so that building one index
 * (and dropping the previous one) is not collected while the next is measured:
 * the figures compare look-ups, not leftover GC work.
 */
function settleHeap(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
}

async function throughput(detector: NearDuplicateDetector, corpus: readonly LabeledPair[]): Promise<number> {
  const items = corpus.flatMap((pair, i) => [
    envelope(`outlet-${i % 7}`, pair.earlier, `e${i}`),
    envelope(`outlet-${(i + 3) % 7}`, pair.later, `l${i}`),
  ]);
  const rates: number[] = [];
  for (let round = 0; round < 3; round++) {
    const index = new MemoryDedupeIndex();
    const options = { index, detector, lookbackDays: 30, now: NOW };
    const started = process.hrtime.bigint();
    for (const item of items) await decideDuplicate(item, options);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    rates.push(items.length / seconds);
  }
  rates.sort((a, b) => a - b);
  return rates[1] ?? Number.NaN;
}

export async function benchDedupe(): Promise<DedupeBenchRow[]> {
  const detector = await NearDuplicateDetector.create();
  const corpus = buildCorpus();
  const rows: DedupeBenchRow[] = [];

  const { precision, recall, f1, errors } = await accuracy(detector, corpus);
  rows.push(
    { name: 'dedupe: labeled pairs', value: corpus.length, unit: 'pairs' },
    {
      name: 'dedupe: duplicate pairs among them',
      value: corpus.filter((p) => p.duplicate).length,
      unit: 'pairs',
    },
    { name: 'dedupe: precision', value: precision, unit: 'ratio' },
    { name: 'dedupe: recall', value: recall, unit: 'ratio' },
    { name: 'dedupe: F1', value: f1, unit: 'ratio' },
    ...[...errors].map(([kind, count]) => ({
      name: `dedupe: wrong decisions, ${kind} pairs`,
      value: count,
      unit: 'pairs',
    })),
  );

  const lookups = await lookupScaling(detector, [10_000, 100_000, 1_000_000]);
  for (const [reports, micros] of lookups) {
    rows.push({
      name: `dedupe: look-up per item, in-memory index (a Map, not the Lambda's DynamoDB index), ${reports.toLocaleString('en')} earlier reports (median)`,
      value: micros,
      unit: 'µs',
    });
  }
  const ratio = (lookups.get(1_000_000) ?? Number.NaN) / (lookups.get(10_000) ?? Number.NaN);
  rows.push({ name: 'dedupe: look-up 1M / 10k, in-memory index', value: ratio, unit: 'ratio' });

  rows.push({
    name: 'dedupe: items through the decision, one core',
    value: await throughput(detector, corpus),
    unit: 'items/s',
  });
  return rows;
}

function format(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return value.toLocaleString('en');
  return value < 10 ? value.toFixed(4) : value.toFixed(1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  const rows = await benchDedupe();
  const width = Math.max(...rows.map((r) => r.name.length));
  for (const row of rows)
    process.stdout.write(`${row.name.padEnd(width)}  ${format(row.value).padStart(12)} ${row.unit}\n`);
  process.stdout.write(`(${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}
