import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FLOOD_KINDS, floodArticle, floodFeed } from '../hostile/floods.ts';
import { decideDuplicate } from '../lambdas/dedupe/decide.ts';
import { MemoryDedupeIndex } from '../lambdas/dedupe/memory-index.ts';
import { NearDuplicateDetector } from '../lambdas/dedupe/near.ts';
import { normalizeDocument } from '../lambdas/normalize/document.ts';
import type { ItemEnvelope } from '../lambdas/shared/envelope.ts';
import { sha256Hex } from '../lambdas/shared/hash.ts';
import type { BenchRow } from './pipeline.ts';

/**
 * "Adversarial 4 MiB, per stage": the slowest flood (hostile/floods.ts, every
 * kind as a plain-text article and as a feed item) through each stage's domain
 * work, beside a normal 4 MiB article. Target: within 3× the normal
 * document's time, and under 10 s. Stages are timed alone, in this process;
 * what a stage receives (envelopes) is made by normalize beforehand, untimed.
 *
 * Hook: another stage joins by exporting `adversarialStage: AdversarialStage`
 * from bench/adversarial-<stage>.ts (the tag stage: bench/adversarial-tag.ts).
 */
export interface AdversarialStage {
  readonly name: string;
  /** Called once before any timing: compile, load, build what the stage needs. */
  prepare?(): Promise<void>;
  /** One run of the stage's work on one document. */
  run(input: StageInput): Promise<void> | void;
}

export interface StageInput {
  readonly bytes: Uint8Array;
  /** normalize's output for these bytes, for the stages after it. */
  readonly envelopes: readonly ItemEnvelope[];
}

const SIZE = 4 * 1024 * 1024;
const TARGET_RATIO = 3;
const TARGET_SECONDS = 10;
const NORMAL_RUNS = 3;
const OPTIONAL_STAGES = ['tag', 'publish'];
const PROSE = fileURLToPath(new URL('../fixtures/samples/patriotwise-kremlin.txt', import.meta.url));
const RECEIVED_AT = '2026-12-04T12:00:00.000Z';

type Form = 'article' | 'feed';

/** The seed article's paragraphs, numbered so no two repeat, up to about 4 MiB. */
function longRead(wrap: (paragraph: string) => string): string {
  const paragraphs = readFileSync(PROSE, 'utf8')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < SIZE - 2_000; i++) {
    const paragraph = wrap(`Part ${i + 1}. ${paragraphs[i % paragraphs.length]}`);
    parts.push(paragraph);
    size += Buffer.byteLength(paragraph);
  }
  return parts.join('');
}

/** A normal document of each form, to set each flood beside: the same prose as plain text and as an HTML item. */
function normalDocument(form: Form): Uint8Array {
  if (form === 'article') return Buffer.from(`A long read\n\n${longRead((p) => `${p}\n\n`)}`, 'utf8');
  return Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">' +
      '<channel><title>Long reads</title><link>https://bench.example/</link><description>d</description>' +
      '<item><title>A long read</title><guid isPermaLink="false">long-read</guid>' +
      `<content:encoded><![CDATA[${longRead((p) => `<p>${p}</p>\n`)}]]></content:encoded></item></channel></rss>\n`,
    'utf8',
  );
}

async function normalize(bytes: Uint8Array): Promise<readonly ItemEnvelope[]> {
  const documentId = sha256Hex(bytes);
  const result = await normalizeDocument(
    {
      bytes,
      outlet: 'bench',
      bucket: 'bench',
      key: `incoming/bench/${documentId}`,
      ingestionId: documentId,
      receivedAt: RECEIVED_AT,
      hints: {},
    },
    documentId,
  );
  return result.envelopes;
}

function normalizeStage(): AdversarialStage {
  return { name: 'normalize', run: async ({ bytes }) => void (await normalize(bytes)) };
}

function dedupeStage(): AdversarialStage {
  let detector: NearDuplicateDetector | undefined;
  return {
    name: 'dedupe',
    prepare: async () => {
      detector = await NearDuplicateDetector.create();
    },
    run: async ({ envelopes }) => {
      const index = new MemoryDedupeIndex();
      for (const envelope of envelopes) {
        await decideDuplicate(envelope, {
          index,
          detector: detector as NearDuplicateDetector,
          lookbackDays: 30,
          now: new Date(RECEIVED_AT),
        });
      }
    },
  };
}

async function optionalStages(): Promise<AdversarialStage[]> {
  const stages: AdversarialStage[] = [];
  for (const name of OPTIONAL_STAGES) {
    const path = fileURLToPath(new URL(`./adversarial-${name}.ts`, import.meta.url));
    if (!existsSync(path)) continue;
    const module = (await import(pathToFileURL(path).href)) as { adversarialStage?: AdversarialStage };
    if (module.adversarialStage) stages.push(module.adversarialStage);
  }
  return stages;
}

/** CPU seconds (user + system) of one run: unlike wall time, not inflated by other work on a shared machine. */
async function seconds(stage: AdversarialStage, input: StageInput): Promise<number> {
  const start = process.cpuUsage();
  await stage.run(input);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export async function benchAdversarial(): Promise<BenchRow[]> {
  const stages = [normalizeStage(), dedupeStage(), ...(await optionalStages())];
  for (const stage of stages) await stage.prepare?.();
  const forms = [
    ['article', floodArticle],
    ['feed', floodFeed],
  ] as const;
  const normal = new Map<Form, StageInput>();
  const floods: Array<{ label: string; form: Form; input: StageInput }> = [];
  for (const [form, make] of forms) {
    const bytes = normalDocument(form);
    normal.set(form, { bytes, envelopes: await normalize(bytes) });
    for (const kind of FLOOD_KINDS) {
      const flood = make(kind, SIZE - 1_000);
      floods.push({
        label: `${kind} ${form}`,
        form,
        input: { bytes: flood, envelopes: await normalize(flood) },
      });
    }
  }
  const rows: BenchRow[] = [];
  for (const stage of stages) {
    const base = new Map<Form, number>();
    for (const [form] of forms) {
      const input = normal.get(form) as StageInput;
      await stage.run(input); // warm-up
      const runs: number[] = [];
      for (let i = 0; i < NORMAL_RUNS; i++) runs.push(await seconds(stage, input));
      base.set(form, median(runs));
      rows.push({ name: `normal 4 MiB ${form}, ${stage.name}`, value: median(runs), unit: 's CPU' });
    }
    // The flood furthest above its form's normal document; the target is relative to that document.
    let worst = { label: '', value: 0, ratio: 0, base: 0 };
    for (const { label, form, input } of floods) {
      const value = await seconds(stage, input);
      const reference = base.get(form) as number;
      const ratio = value / reference;
      if (ratio > worst.ratio || value >= TARGET_SECONDS) worst = { label, value, ratio, base: reference };
    }
    rows.push({
      name: `adversarial 4 MiB, ${stage.name}`,
      value: worst.value,
      unit: 's CPU',
      target: `≤ ${TARGET_RATIO}× normal of its form and < ${TARGET_SECONDS} s`,
      ok: worst.ratio <= TARGET_RATIO && worst.value < TARGET_SECONDS,
      note: `furthest of ${floods.length} floods: ${worst.label}, ${worst.ratio.toFixed(1)}× normal (${worst.base.toFixed(2)} s)`,
    });
  }
  return rows;
}

// `npx tsx bench/adversarial.ts`: this section alone.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const row of await benchAdversarial()) {
    process.stdout.write(
      `${row.name}: ${row.value.toFixed(3)} ${row.unit}${row.target ? ` (target ${row.target}: ${row.ok ? 'met' : 'NOT met'})` : ''}${row.note ? ` — ${row.note}` : ''}\n`,
    );
  }
}
