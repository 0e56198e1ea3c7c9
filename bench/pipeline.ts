import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertValidNinjs } from '../lambdas/publish/validate.ts';
import { sha256Hex } from '../lambdas/shared/hash.ts';
import { processOffline } from '../local/offline.ts';
import { generateSoakCorpus } from '../soak/corpus.ts';
import { median } from '../soak/stats.ts';
import { ensurePeer, runPeer } from './peer-feedparser.ts';

/** One line of the bench table. `target` says what good looks like; `ok` whether this run met it. */
export interface BenchRow {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly target?: string;
  readonly ok?: boolean;
  readonly note?: string;
}

const RUNS = 5;

/** The same generated feeds (RSS, Atom, JSON Feed) for every contender, written to a folder the peer can read. */
function writeCorpus(items: number): { dir: string; files: string[]; contentTypes: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'syndicate-bench-'));
  const corpus = generateSoakCorpus({ items, itemsPerDocument: 25, versionShare: 0, seed: 5 });
  const feeds = corpus.documents.filter((d) => d.format !== 'html');
  const files = feeds.map((doc, i) => {
    const file = join(dir, `${String(i).padStart(4, '0')}.${doc.format}`);
    writeFileSync(file, doc.bytes);
    return file;
  });
  return { dir, files, contentTypes: feeds.map((d) => d.contentType) };
}

async function timeRuns(
  runs: number,
  body: () => Promise<number>,
): Promise<{ seconds: number[]; items: number }> {
  let items = await body(); // warm-up: JIT and lazy module state, not measured
  const seconds: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint();
    items = await body();
    seconds.push(Number(process.hrtime.bigint() - started) / 1e9);
  }
  return { seconds, items };
}

/**
 * Parse + normalize + tag throughput on one core against feedparser + bleach
 * on the same files in the same run; and the whole in-process path (through
 * ninjs validation and serialization) against the floor of reading, hashing
 * and serializing the same items.
 */
export async function benchPipeline(items = 2000): Promise<BenchRow[]> {
  const { dir, files, contentTypes } = writeCorpus(items);
  try {
    const bytes = files.map((f) => readFileSync(f));
    const ours = await timeRuns(RUNS, async () => {
      let count = 0;
      for (const [i, doc] of bytes.entries()) {
        const ct = contentTypes[i];
        count += (await processOffline(doc, ct ? { contentType: ct } : {})).items.length;
      }
      return count;
    });
    const oursRate = ours.items / median(ours.seconds);
    const rows: BenchRow[] = [
      {
        name: `parse+normalize+tag (${ours.items} items, 1 core)`,
        value: Math.round(oursRate),
        unit: 'items/s',
      },
    ];

    const why = ensurePeer();
    if (why) {
      process.stderr.write(`bench: feedparser peer skipped: ${why}\n`);
      rows.push({
        name: 'feedparser 6 + bleach (peer)',
        value: Number.NaN,
        unit: 'items/s',
        note: `skipped: ${why}`,
      });
    } else {
      const peer = runPeer(dir, RUNS);
      rows.push({
        name: `${peer.versions} (peer, same files)`,
        value: Math.round(peer.itemsPerSecond),
        unit: 'items/s',
      });
      const ratio = oursRate / peer.itemsPerSecond;
      rows.push({
        name: 'throughput vs peer',
        value: round2(ratio),
        unit: '×',
        target: '≥ 5×',
        ok: ratio >= 5,
      });
    }

    const published: string[][] = [];
    const whole = await timeRuns(RUNS, async () => {
      let count = 0;
      published.length = 0;
      for (const [i, file] of files.entries()) {
        const ct = contentTypes[i];
        const result = await processOffline(readFileSync(file), ct ? { contentType: ct } : {});
        const out: string[] = [];
        for (const item of result.items) {
          assertValidNinjs(item);
          out.push(JSON.stringify(item));
        }
        published.push(out);
        count += out.length;
      }
      return count;
    });
    const parsedItems = published.map((docItems) => docItems.map((s) => JSON.parse(s) as unknown));
    const floor = await timeRuns(RUNS, async () => {
      let count = 0;
      for (const [i, file] of files.entries()) {
        sha256Hex(readFileSync(file));
        for (const item of parsedItems[i] ?? []) {
          JSON.stringify(item);
          count++;
        }
      }
      return count;
    });
    const wholeRate = whole.items / median(whole.seconds);
    const floorRate = floor.items / median(floor.seconds);
    const slowdown = floorRate / wholeRate;
    rows.push(
      {
        name: 'in-process pipeline (…+ninjs validate+serialize)',
        value: Math.round(wholeRate),
        unit: 'items/s',
      },
      { name: 'floor: read + sha256 + serialize', value: Math.round(floorRate), unit: 'items/s' },
      {
        name: 'pipeline cost vs floor',
        value: round2(slowdown),
        unit: '×',
        target: '≤ 10×',
        ok: slowdown <= 10,
      },
    );
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const round2 = (value: number): number => Math.round(value * 100) / 100;
