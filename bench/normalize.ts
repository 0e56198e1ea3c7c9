import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normalizeDocument } from '../lambdas/normalize/document.ts';
import { normalizeItem } from '../lambdas/normalize/normalize-item.ts';
import { type ParsedDocument, parseDocument } from '../lambdas/normalize/parse/index.ts';
import { RejectedDocumentError } from '../lambdas/shared/errors.ts';
import { sha256Hex } from '../lambdas/shared/hash.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));
const WELLFORMED = fileURLToPath(
  new URL('../fixtures/conformance/feedparser/tests/wellformed/', import.meta.url),
);
const RUNS = 5;
/** Each run goes over the corpus this many times, so a run lasts long enough to time (~0.5 s). */
const PASSES = 3;
const RECEIVED_AT = '2024-05-01T12:00:00.000Z';

interface Row {
  name: string;
  value: number;
  unit: string;
}

/** The realistic corpus: feedparser's well-formed feeds (every format, hostile HTML included) and the seed article in each format. */
export function loadCorpus(): Uint8Array[] {
  const files: string[] = [];
  for (const dir of readdirSync(WELLFORMED).sort()) {
    for (const file of readdirSync(`${WELLFORMED}${dir}`).sort()) files.push(`${WELLFORMED}${dir}/${file}`);
  }
  files.push(`${PROJECT_ROOT}fixtures/samples/patriotwise-kremlin.txt`);
  const seeds = `${PROJECT_ROOT}fixtures/normalize/seed/`;
  for (const file of readdirSync(seeds).sort()) files.push(`${seeds}${file}`);
  return files.map((file) => readFileSync(file));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Items per second of `run` (which returns how many items it handled), median of RUNS after one warm-up. */
async function itemsPerSecond(run: () => Promise<number>): Promise<{ rate: number; items: number }> {
  await run();
  const rates: number[] = [];
  let items = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    items = 0;
    for (let pass = 0; pass < PASSES; pass++) items += await run();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    rates.push(items / seconds);
  }
  return { rate: median(rates), items: items / PASSES };
}

/**
 * Normalize throughput on one core (JavaScript runs on one thread; nothing
 * here is parallel): whole documents through parse + normalize as the stage
 * runs them, and normalizeItem alone on pre-parsed entries.
 */
export async function benchNormalize(): Promise<Row[]> {
  const corpus = loadCorpus();
  const ids = corpus.map((bytes) => sha256Hex(bytes));
  const documents = async () => {
    let items = 0;
    for (const [index, bytes] of corpus.entries()) {
      try {
        const result = await normalizeDocument(
          { bytes, outlet: 'bench', bucket: 'bench', key: 'k', ingestionId: 'i', receivedAt: RECEIVED_AT },
          ids[index] as string,
        );
        // Every entry handled counts, published or reported as unusable: both took the work.
        items += result.envelopes.length + result.itemErrors.length;
      } catch (error) {
        // Documents the parser refuses count as handled with no items; the stage rejects them the same way.
        if (!(error instanceof RejectedDocumentError)) throw error;
      }
    }
    return items;
  };

  const parsed: ParsedDocument[] = [];
  for (const bytes of corpus) {
    try {
      parsed.push(await parseDocument(bytes));
    } catch (error) {
      // Refused documents have no entries to normalize.
      if (!(error instanceof RejectedDocumentError)) throw error;
    }
  }
  const items = async () => {
    let count = 0;
    for (const document of parsed) {
      for (const raw of document.items) {
        normalizeItem(raw, { feed: document.feed, receivedAt: RECEIVED_AT });
        count++;
      }
    }
    return count;
  };

  const parseOnly = async () => {
    for (const bytes of corpus) {
      try {
        await parseDocument(bytes);
      } catch (error) {
        if (!(error instanceof RejectedDocumentError)) throw error;
      }
    }
    return corpus.length;
  };

  const whole = await itemsPerSecond(documents);
  const parsing = await itemsPerSecond(parseOnly);
  const itemOnly = await itemsPerSecond(items);
  return [
    {
      name: 'normalize: documents parsed and normalized (one core)',
      value: Math.round(whole.rate),
      unit: 'items/s',
    },
    { name: 'normalize: normalizeItem alone (one core)', value: Math.round(itemOnly.rate), unit: 'items/s' },
    {
      name: 'normalize: parseDocument alone (one core)',
      value: Math.round(parsing.rate),
      unit: 'documents/s',
    },
    { name: 'normalize: corpus documents', value: corpus.length, unit: 'documents' },
    { name: 'normalize: corpus entries per pass', value: whole.items, unit: 'items' },
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const row of await benchNormalize()) process.stdout.write(`${row.name}: ${row.value} ${row.unit}\n`);
}
