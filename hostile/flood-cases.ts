import type { HostileCase } from './case.ts';
import { FLOOD_KINDS, type FloodKind, floodArticle, floodFeed } from './floods.ts';

const FULL = 3_200_000;
const SMALL = 200_000;
const SMALL_KINDS: readonly FloodKind[] = ['site-names', 'credit-frames', 'mixed'];
const MB = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

function cases(kind: FloodKind, bytes: number, fullScaleOnly: boolean): HostileCase[] {
  return [
    {
      name: `flood of ${kind} (${MB(bytes)} plain-text article)`,
      expect: 'either',
      contentType: 'text/plain; charset=utf-8',
      ...(fullScaleOnly ? { fullScaleOnly } : {}),
      build: () => floodArticle(kind, bytes),
    },
    {
      name: `flood of ${kind} (${MB(bytes)} feed item)`,
      expect: 'either',
      ...(fullScaleOnly ? { fullScaleOnly } : {}),
      build: () => floodFeed(kind, bytes),
    },
  ];
}

/**
 * Bodies made only of what the stages look for (hostile/floods.ts), at the
 * size issue 22 timed (3.2 MB, under the 4 MiB push limit) and at a small
 * size for `npm test`. Each stage must stay linear in them: the time limit
 * (10 s) holds at full size, where a quadratic stage takes minutes.
 */
export const FLOOD_CASES: readonly HostileCase[] = [
  ...FLOOD_KINDS.flatMap((kind) => cases(kind, FULL, true)),
  // The two floods issue 22 found, and all tokens mixed: each stage's own tests cover every kind.
  ...SMALL_KINDS.flatMap((kind) => cases(kind, SMALL, false)),
];
