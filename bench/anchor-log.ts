import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  type AnchorLog,
  decodeStories,
  encodeStories,
  type LogSegment,
} from '../lambdas/dedupe/anchor-log.ts';
import { anchorKey } from '../lambdas/dedupe/anchors.ts';
import { LoggedDedupeIndex } from '../lambdas/dedupe/logged-index.ts';
import { MemoryDedupeIndex } from '../lambdas/dedupe/memory-index.ts';
import { sha256Hex } from '../lambdas/shared/hash.ts';
import { median } from '../soak/stats.ts';
import { seededRandom } from './dedupe-corpus.ts';
import type { BenchRow } from './pipeline.ts';

/**
 * What the in-memory anchor buckets cost a dedupe instance (lambdas/dedupe/logged-index.ts):
 * the time a cold start takes to read and apply N logged stories (decoding
 * included; the DynamoDB queries themselves are not), and the heap they hold.
 * Stories have 6 anchors, logged 10 to a segment as a batch of ten writes them.
 * Run alone: npx tsx bench/anchor-log.ts
 */

const ANCHORS = 6;
const PER_SEGMENT = 10;
const SIZES = [100_000, 300_000];
const RUNS = 3;
const NOW_MS = Date.parse('2026-11-25T12:00:00Z');

/** A log that hands back prepared segments, decoding them on every read as the DynamoDB one does. */
class PreparedLog implements AnchorLog {
  constructor(private readonly encoded: ReadonlyArray<{ id: string; bytes: Uint8Array }>) {}

  async write(): Promise<string[]> {
    throw new Error('read-only');
  }

  async readSince(): Promise<LogSegment[]> {
    return this.encoded.map(({ id, bytes }) => ({ id, stories: decodeStories(bytes) }));
  }
}

function prepare(stories: number): Array<{ id: string; bytes: Uint8Array }> {
  const random = seededRandom(stories);
  const expiresAt = Math.floor(NOW_MS / 1000) + 30 * 86_400;
  const segments: Array<{ id: string; bytes: Uint8Array }> = [];
  for (let s = 0; s < stories; s += PER_SEGMENT) {
    const batch = Array.from({ length: Math.min(PER_SEGMENT, stories - s) }, (_, i) => ({
      fingerprint: sha256Hex(`story ${s + i}`),
      expiresAt,
      anchors: Uint32Array.from({ length: ANCHORS }, () => (random() * 2 ** 32) >>> 0).sort(),
    }));
    segments.push({
      id: `${new Date(NOW_MS - stories + s).toISOString()}#bench#${s}`,
      bytes: encodeStories(batch),
    });
  }
  return segments;
}

export async function benchAnchorLog(): Promise<BenchRow[]> {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const rows: BenchRow[] = [];
  for (const size of SIZES) {
    const log = new PreparedLog(prepare(size));
    const times: number[] = [];
    const heaps: number[] = [];
    let index: LoggedDedupeIndex | undefined;
    for (let run = 0; run < RUNS; run++) {
      // The previous run's index is let go first, so each run starts from the same heap.
      index = undefined;
      gc();
      const before = process.memoryUsage().heapUsed;
      index = new LoggedDedupeIndex({
        records: new MemoryDedupeIndex(),
        log,
        lookbackDays: 30,
        clock: () => NOW_MS,
      });
      const started = performance.now();
      await index.lookup([], [anchorKey(1)], Math.floor(NOW_MS / 1000));
      times.push(performance.now() - started);
      gc();
      heaps.push(process.memoryUsage().heapUsed - before);
      if (index.bucketCount < size) throw new Error(`only ${index.bucketCount} buckets for ${size} stories`);
    }
    const label = `${size.toLocaleString('en-US')} stories`;
    rows.push(
      {
        name: `dedupe anchor log: cold start reads and applies ${label} (median of ${RUNS})`,
        value: Math.round(median(times)),
        unit: 'ms',
      },
      {
        name: `dedupe anchor log: heap held for ${label}, per story`,
        value: Math.round(median(heaps) / size),
        unit: 'bytes',
      },
    );
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await benchAnchorLog()) process.stdout.write(`${row.name}: ${row.value} ${row.unit}\n`);
}
