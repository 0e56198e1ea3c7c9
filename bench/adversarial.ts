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

/** A long read of ordinary prose: the seed article's paragraphs, numbered so no two repeat, up to 4 MiB. */
function normalArticle(): Uint8Array {
  const paragraphs = readFileSync(PROSE, 'utf8')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const parts = ['A long read\n\n'];
  let size = parts[0]?.length ?? 0;
  for (let i = 0; size < SIZE - 2_000; i++) {
    const paragraph = `Part ${i + 1}. ${paragraphs[i % paragraphs.length]}\n\n`;
    parts.push(paragraph);
    size += Buffer.byteLength(paragraph);
  }
  return Buffer.from(parts.join(''), 'utf8');
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
  const normalBytes = normalArticle();
  const normal: StageInput = { bytes: normalBytes, envelopes: await normalize(normalBytes) };
  const floods: Array<{ label: string; input: StageInput }> = [];
  for (const kind of FLOOD_KINDS) {
    for (const [form, make] of [
      ['article', floodArticle],
      ['feed', floodFeed],
    ] as const) {
      const bytes = make(kind, SIZE - 1_000);
      floods.push({ label: `${kind} ${form}`, input: { bytes, envelopes: await normalize(bytes) } });
    }
  }
  const rows: BenchRow[] = [];
  for (const stage of stages) {
    await stage.run(normal); // warm-up
    const runs: number[] = [];
    for (let i = 0; i < NORMAL_RUNS; i++) runs.push(await seconds(stage, normal));
    const base = median(runs);
    let worst = { label: '', value: 0 };
    for (const { label, input } of floods) {
      const value = await seconds(stage, input);
      if (value > worst.value) worst = { label, value };
    }
    rows.push({ name: `normal 4 MiB article, ${stage.name}`, value: base, unit: 's CPU' });
    rows.push({
      name: `adversarial 4 MiB, ${stage.name}`,
      value: worst.value,
      unit: 's CPU',
      target: `≤ ${TARGET_RATIO}× normal (${(base * TARGET_RATIO).toFixed(2)} s) and < ${TARGET_SECONDS} s`,
      ok: worst.value <= Math.max(base * TARGET_RATIO, 0) && worst.value < TARGET_SECONDS,
      note: `slowest of ${floods.length} floods: ${worst.label}; ${(worst.value / base).toFixed(1)}× normal`,
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
