import { firstSharedAnchor } from '../lambdas/dedupe/anchors.ts';
import { compareDetails } from '../lambdas/dedupe/details.ts';
import { exactFingerprint } from '../lambdas/dedupe/fingerprint.ts';
import { estimateContainment, estimateJaccard } from '../lambdas/dedupe/minhash.ts';
import { NEAR_DUPLICATE_DEFAULTS, NearDuplicateDetector, type TextProfile } from '../lambdas/dedupe/near.ts';
import { buildCorpus, type LabeledPair } from './dedupe-corpus.ts';

/**
 * The parameter sweep behind the near-duplicate defaults: for each shingle
 * size, anchor count and threshold, precision/recall/F1 on the labeled benchmark,
 * and the spread of Jaccard, containment and detail conflicts per pair kind.
 * Run: npx tsx bench/dedupe-sweep.ts [--full]
 */

interface Scored {
  readonly pair: LabeledPair;
  readonly exact: boolean;
  readonly a?: TextProfile;
  readonly b?: TextProfile;
}

/** Whether the first `count` anchors of each (a bottom-`count` sample: a prefix of a longer one) meet. */
function sharesAnchor(a: Uint32Array, b: Uint32Array, count: number): boolean {
  return firstSharedAnchor(a.subarray(0, count), b.subarray(0, count)) !== undefined;
}

function write(line: string): void {
  process.stdout.write(`${line}\n`);
}

function quantiles(values: number[]): string {
  values.sort((x, y) => x - y);
  const q = (p: number) => (values[Math.floor(p * (values.length - 1))] ?? Number.NaN).toFixed(2);
  return `min ${q(0)} p10 ${q(0.1)} median ${q(0.5)} p90 ${q(0.9)} max ${q(1)}`;
}

async function main(): Promise<void> {
  const full = process.argv.includes('--full');
  const corpus = buildCorpus();
  write(`pairs: ${corpus.length} (${corpus.filter((p) => p.duplicate).length} duplicates)`);
  const anchorCounts = [1, 2, 3, 4, 5, 6, 8];
  const mostAnchors = Math.max(...anchorCounts);
  for (const shingleSize of [2, 3, 4, 5, 6]) {
    const base = await NearDuplicateDetector.create({ shingleSize, anchors: mostAnchors });
    const scored: Scored[] = corpus.map((pair) => {
      const exact =
        exactFingerprint({ bodyText: pair.earlier, headline: '' }) ===
        exactFingerprint({ bodyText: pair.later, headline: '' });
      const a = base.profile(pair.earlier);
      const b = base.profile(pair.later);
      return { pair, exact, ...(a ? { a } : {}), ...(b ? { b } : {}) };
    });
    const spread = new Map<string, { j: number[]; c: number[]; d: number[] }>();
    for (const s of scored) {
      if (!s.a || !s.b) continue;
      const j = estimateJaccard(s.a.signature, s.b.signature);
      const c = estimateContainment(j, s.a.shingles, s.b.shingles);
      const { conflicts } = compareDetails(s.a.details, s.b.details);
      const entry = spread.get(s.pair.kind) ?? { j: [], c: [], d: [] };
      entry.j.push(j);
      entry.c.push(c);
      entry.d.push(conflicts);
      spread.set(s.pair.kind, entry);
    }
    for (const [kind, { j, c, d }] of spread) {
      write(`k=${shingleSize} ${kind} (${j.length}):`);
      write(`    Jaccard      ${quantiles(j)}`);
      write(`    containment  ${quantiles(c)}`);
      write(`    conflicts    ${quantiles(d)}`);
    }
    for (const anchors of anchorCounts) {
      for (const minJaccard of [0.3, 0.4, 0.5, 0.6]) {
        for (const minContainment of [0.7, 0.8, 0.9]) {
          for (const maxDetailConflicts of full ? [0, 1, 2, 1000] : [0, 1, 1000]) {
            const tuned = await NearDuplicateDetector.create({
              shingleSize,
              minJaccard,
              minContainment,
              maxDetailConflicts,
            });
            let tp = 0;
            let fp = 0;
            let fn = 0;
            const errors = new Map<string, number>();
            for (const s of scored) {
              const predicted =
                s.exact ||
                (s.a !== undefined &&
                  s.b !== undefined &&
                  sharesAnchor(s.a.anchors, s.b.anchors, anchors) &&
                  tuned.match(s.a, s.b) !== undefined);
              if (predicted && s.pair.duplicate) tp++;
              else if (predicted) fp++;
              else if (s.pair.duplicate) fn++;
              if (predicted !== s.pair.duplicate) errors.set(s.pair.kind, (errors.get(s.pair.kind) ?? 0) + 1);
            }
            const precision = tp / Math.max(1, tp + fp);
            const recall = tp / Math.max(1, tp + fn);
            const f1 = (2 * precision * recall) / Math.max(1e-9, precision + recall);
            write(
              `k=${shingleSize} anchors=${anchors} J≥${minJaccard} C≥${minContainment} conflicts≤${maxDetailConflicts}: ` +
                `P=${precision.toFixed(4)} R=${recall.toFixed(4)} F1=${f1.toFixed(4)} errors=${JSON.stringify(Object.fromEntries(errors))}`,
            );
          }
        }
      }
    }
  }
  write(`defaults: ${JSON.stringify(NEAR_DUPLICATE_DEFAULTS)}`);
}

await main();
