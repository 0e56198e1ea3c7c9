import { readdirSync, readFileSync } from 'node:fs';
import { normalizeDocument } from '../lambdas/normalize/document.ts';
import type { ItemEnvelope } from '../lambdas/shared/envelope.ts';
import { sha256Hex } from '../lambdas/shared/hash.ts';
import { OutletRegistry } from '../lambdas/shared/outlets.ts';
import { CreditFinder } from '../lambdas/tag/credits.ts';
import { DEFAULT_GAZETTEER } from '../lambdas/tag/gazetteer.ts';
import { tagItem } from '../lambdas/tag/tag-item.ts';
import { generateSoakCorpus } from '../soak/corpus.ts';
import { median } from '../soak/stats.ts';
import type { BenchRow } from './pipeline.ts';

/**
 * The tag stage alone: items normalized once, then tagged again and again, so the figure is the
 * tagger's own cost. Also a 4 MiB adversarial body (site names, credit frames, notices, datelines,
 * brackets and quotes repeated) beside a 4 MiB ordinary one.
 */
const RUNS = 5;
const MIB4 = 4 * 1024 * 1024;

async function envelopesOf(bytes: Uint8Array, outlet: string, contentType?: string): Promise<ItemEnvelope[]> {
  const id = sha256Hex(bytes);
  const key = `incoming/${outlet}/${id}`;
  const doc = await normalizeDocument(
    {
      bytes,
      outlet,
      bucket: 'bench',
      key,
      ingestionId: `${key}@bench`,
      receivedAt: '2024-01-01T00:00:00.000Z',
      ...(contentType ? { hints: { contentType } } : {}),
    },
    id,
  );
  return doc.envelopes;
}

function timeTagging(envelopes: readonly ItemEnvelope[], credits: CreditFinder, runs: number): number[] {
  const outlets = new OutletRegistry();
  const seconds: number[] = [];
  for (let run = -1; run < runs; run++) {
    const started = process.hrtime.bigint();
    for (const envelope of envelopes) tagItem(envelope, { credits, outlets });
    if (run >= 0) seconds.push(Number(process.hrtime.bigint() - started) / 1e9);
  }
  return seconds;
}

/** One plain-text article of about `size` bytes whose body repeats `unit`. */
function article(unit: string, size: number): Uint8Array {
  const body = unit.repeat(Math.ceil(size / unit.length)).slice(0, size - 200);
  return new TextEncoder().encode(
    `A headline\n\nBy Jane Doe\n\nLONDON (Reuters) - ${body}\n\n© 2024 Example Media Ltd.\n`,
  );
}

const ORDINARY =
  'The council voted on Tuesday to extend the tram line, according to the local paper, after a long debate. ' +
  'Officials said the cost would be shared with the region. Residents told reporters they welcomed the plan.\n\n';
const FLOODS: Record<string, string> = {
  'site names': 'a.com ',
  'credit frames': 'Reuters reported. ',
  'named frames': 'according to The Daily Example Times (DET), ',
  notices: '© 2024 Holder Ltd. All rights reserved. ',
  datelines: 'TOKYO, Oct. 6 (Kyodo) -- ',
  'brackets and quotes': '(“[‘a’]”) ',
};

/** Tag-only throughput over the generated feeds and the labeled fixtures. */
export async function benchTaggingRate(credits = new CreditFinder(DEFAULT_GAZETTEER)): Promise<BenchRow> {
  const corpus = generateSoakCorpus({ items: 2000, itemsPerDocument: 25, versionShare: 0, seed: 5 });
  const envelopes: ItemEnvelope[] = [];
  for (const doc of corpus.documents.filter((d) => d.format !== 'html'))
    envelopes.push(...(await envelopesOf(doc.bytes, 'bench', doc.contentType)));
  const dir = new URL('../fixtures/tagging/items/', import.meta.url);
  for (const file of readdirSync(dir).sort())
    envelopes.push(...(await envelopesOf(readFileSync(new URL(file, dir)), 'local')));
  const rate = envelopes.length / median(timeTagging(envelopes, credits, RUNS));
  return { name: `tag only (${envelopes.length} items, 1 core)`, value: Math.round(rate), unit: 'items/s' };
}

export async function benchTagging(): Promise<BenchRow[]> {
  const credits = new CreditFinder(DEFAULT_GAZETTEER);
  const rows: BenchRow[] = [await benchTaggingRate(credits)];

  const normal = median(timeTagging(await envelopesOf(article(ORDINARY, MIB4), 'bench'), credits, 3));
  rows.push({ name: 'tag: ordinary 4 MiB article', value: round3(normal), unit: 's' });
  let worst = 0;
  let worstName = '';
  for (const [name, unit] of Object.entries(FLOODS)) {
    const seconds = median(timeTagging(await envelopesOf(article(unit, MIB4), 'bench'), credits, 1));
    if (seconds > worst) [worst, worstName] = [seconds, name];
  }
  rows.push({
    name: `tag: adversarial 4 MiB (worst: ${worstName})`,
    value: round3(worst),
    unit: 's',
    target: '≤ 3× ordinary and < 10 s',
    ok: worst < 10 && worst <= 3 * Math.max(normal, 0.1),
  });
  return rows;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await benchTagging()) process.stdout.write(`${JSON.stringify(row)}\n`);
}
