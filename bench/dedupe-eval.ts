import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decideDuplicate } from '../lambdas/dedupe/decide.ts';
import { MemoryDedupeIndex } from '../lambdas/dedupe/memory-index.ts';
import { NearDuplicateDetector } from '../lambdas/dedupe/near.ts';
import { normalizeDocument } from '../lambdas/normalize/document.ts';
import { sha256Hex } from '../lambdas/shared/hash.ts';
import { rawDocumentKey } from '../lambdas/shared/keys.ts';
import type { BenchRow } from './pipeline.ts';

/**
 * Dedupe on labeled push sequences written by other hands (fixtures/eval/dedupe-independent, frozen
 * before any tuning; and any set of the same layout named in DEDUPE_EVAL_DIRS, colon-separated, such
 * as a development set beside the repository): each document, in push order, through the
 * stages' own normalize and dedupe functions against one index, scored as the sets' run.sh scores
 * `syndicate run` (a duplicate must publish nothing; an original or update at least one item).
 * In-process, so a row costs seconds, not a process per document. Run alone: npx tsx bench/dedupe-eval.ts
 */

export interface EvalSetScore {
  readonly name: string;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly updates: { readonly published: number; readonly total: number };
  readonly sameEvent: { readonly kept: number; readonly total: number };
  /** Linked reports (same-event.ts): same-event originals linked to their event, and links made in all. */
  readonly links: {
    readonly found: number;
    readonly total: number;
    readonly correct: number;
    readonly made: number;
  };
  readonly misses: readonly string[];
}

const IN_REPOSITORY = {
  name: 'independent set (fixtures/eval/dedupe-independent)',
  dir: new URL('../fixtures/eval/dedupe-independent/', import.meta.url),
};

/** The sets to score: the one in the repository, then those DEDUPE_EVAL_DIRS names. */
export function dedupeEvalSets(env: NodeJS.ProcessEnv = process.env): Array<{ name: string; dir: URL }> {
  const extra = (env.DEDUPE_EVAL_DIRS ?? '')
    .split(':')
    .filter((dir) => dir.length > 0)
    .map((dir) => ({ name: `set ${dir}`, dir: pathToFileURL(`${resolve(dir)}/`) }));
  return [IN_REPOSITORY, ...extra];
}

const PUBLISHED = new Set(['new', 'version']);

function rows(path: string): string[][] {
  return readFileSync(path, 'utf8')
    .replace(/\r/g, '')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'));
}

export async function scoreDedupeSet(name: string, dir: URL): Promise<EvalSetScore> {
  const detector = await NearDuplicateDetector.create();
  const index = new MemoryDedupeIndex();
  const storyRows = rows(fileURLToPath(new URL('stories.tsv', dir)));
  const sameEventStories = new Set(storyRows.flatMap(([s, , , same]) => (same ? [s] : [])));
  // A labeled story's event: the story it reports the same event as, or its own.
  const eventOfStory = new Map(storyRows.map(([s, , , same]) => [s ?? '', same || s || '']));
  const storyOfDecided = new Map<string, string>();
  const links = { found: 0, total: 0, correct: 0, made: 0 };
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const updates = { published: 0, total: 0 };
  const sameEvent = { kept: 0, total: 0 };
  const misses: string[] = [];
  const start = Date.parse('2026-12-01T00:00:00Z');
  for (const [position, [seq, file, outlet, label, story]] of rows(
    fileURLToPath(new URL('order.tsv', dir)),
  ).entries()) {
    if (!seq || !file || !outlet || !label || !story)
      throw new Error(`${name}: malformed order.tsv row ${position + 2}`);
    const bytes = readFileSync(fileURLToPath(new URL(`docs/${file}`, dir)));
    const documentId = sha256Hex(bytes);
    const key = rawDocumentKey(outlet, documentId);
    // One arrival a minute, in push order, as `syndicate run` would receive them one command at a time.
    const receivedAt = new Date(start + position * 60_000).toISOString();
    const { envelopes } = await normalizeDocument(
      { bytes, outlet, bucket: 'bench', key, ingestionId: `${key}@${seq}`, receivedAt },
      documentId,
    );
    let published = 0;
    for (const envelope of envelopes) {
      const { outcome } = await decideDuplicate(envelope, {
        index,
        detector,
        lookbackDays: 30,
        now: new Date(receivedAt),
      });
      if (PUBLISHED.has(outcome.decision)) published++;
      if (label !== 'original' || outcome.decision !== 'new') continue;
      storyOfDecided.set(outcome.storyId, story);
      const linkedTo = outcome.sameEventAs && storyOfDecided.get(outcome.sameEventAs.storyId);
      const right = linkedTo !== undefined && eventOfStory.get(linkedTo) === eventOfStory.get(story);
      if (outcome.sameEventAs) {
        links.made++;
        if (right) links.correct++;
        else
          misses.push(`${seq} ${file}: linked to ${linkedTo ?? outcome.sameEventAs.storyId}, another event`);
      }
      if (sameEventStories.has(story)) {
        links.total++;
        if (right) links.found++;
        else misses.push(`${seq} ${file}: same-event report not linked`);
      }
    }
    const ok = label === 'duplicate' ? published === 0 : published > 0;
    if (label === 'duplicate') ok ? tp++ : fn++;
    else if (!ok) fp++;
    if (label === 'update') {
      updates.total++;
      if (ok) updates.published++;
    } else if (label === 'original' && sameEventStories.has(story)) {
      sameEvent.total++;
      if (ok) sameEvent.kept++;
    }
    if (!ok) misses.push(`${seq} ${file} ${label}: ${published} published`);
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { name, precision, recall, f1, updates, sameEvent, links, misses };
}

const linkPrecision = (score: EvalSetScore) =>
  score.links.made > 0 ? score.links.correct / score.links.made : 1;

export async function benchDedupeEval(): Promise<BenchRow[]> {
  const out: BenchRow[] = [];
  for (const set of dedupeEvalSets()) {
    const { dir } = set;
    if (!existsSync(fileURLToPath(new URL('order.tsv', dir)))) {
      process.stderr.write(`dedupe eval: ${set.name} has no order.tsv, skipped\n`);
      continue;
    }
    const score = await scoreDedupeSet(set.name, dir);
    for (const miss of score.misses) process.stderr.write(`dedupe eval, ${set.name}: missed ${miss}\n`);
    out.push(
      { name: `dedupe ${set.name}: precision`, value: score.precision, unit: '' },
      { name: `dedupe ${set.name}: recall`, value: score.recall, unit: '' },
      { name: `dedupe ${set.name}: F1`, value: score.f1, unit: '' },
      {
        name: `dedupe ${set.name}: updates published`,
        value: score.updates.published,
        unit: `of ${score.updates.total}`,
      },
      {
        name: `dedupe ${set.name}: same-event reports kept`,
        value: score.sameEvent.kept,
        unit: `of ${score.sameEvent.total}`,
      },
      {
        name: `dedupe ${set.name}: same-event reports linked`,
        value: score.links.found,
        unit: `of ${score.links.total}`,
      },
      {
        name: `dedupe ${set.name}: links to the right event (precision)`,
        value: linkPrecision(score),
        unit: `${score.links.correct} of ${score.links.made}`,
        target: '≥ 0.95',
        ok: linkPrecision(score) >= 0.95,
      },
    );
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const row of await benchDedupeEval()) process.stdout.write(`${row.name}\t${row.value}\t${row.unit}\n`);
}
