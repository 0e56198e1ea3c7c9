import { describe, expect, it } from 'vitest';
import { parseCopyrightNotice } from '../../../lambdas/tag/copyright.ts';
import { CreditFinder } from '../../../lambdas/tag/credits.ts';
import { MAX_FRAMES } from '../../../lambdas/tag/frames.ts';
import { datelineCreditInBody, furnitureCredits } from '../../../lambdas/tag/furniture.ts';
import { DEFAULT_GAZETTEER } from '../../../lambdas/tag/gazetteer.ts';
import { MAX_CREDITED, MAX_MENTIONS, newWork, type TagWork } from '../../../lambdas/tag/work.ts';

/**
 * Issue 22.1: whatever a text holds, tagging does bounded work. Floods of the tokens the tag regexes and
 * readers look for, at two sizes four times apart: the work counted must stay under the caps (and stop
 * growing once a cap is hit), and the sweeps must stay linear in what was collected. Times are not
 * asserted here; the adversarial 4 MiB figure is in `bench/tagging.ts`.
 */
const credits = new CreditFinder(DEFAULT_GAZETTEER);

const FLOODS: Record<string, string> = {
  'site names': 'a.com ',
  'credit frames': 'Reuters reported. ',
  'open frames': 'according to the Vellmoor Daily Courier (VDC), ',
  'told frames': 'a man told Radio Nordvik and the Ostrand Gazette ',
  'noun phrases': 'the newspaper Kommersant said ',
  notices: '© 2024 Holder Ltd. All rights reserved. ',
  datelines: 'TOKYO, Oct. 6 (Kyodo) -- ',
  brackets: '(((([[[[ ',
  quotes: '“‘"\'«» ',
  mixed: 'BBC (BBC) a.com according to CNN, told x.org. Copyright (c) ',
};

/** A deterministic mix of the flood tokens: the same grammar, shuffled, so no one order is special. */
function generated(size: number, seed: number): string {
  const units = Object.values(FLOODS);
  let state = seed;
  let out = '';
  while (out.length < size) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    out += units[state % units.length];
  }
  return out.slice(0, size);
}

function flood(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

function workOf(text: string): TagWork {
  const work = newWork();
  credits.find(text, work);
  return work;
}

const SMALL = 60_000;
const LARGE = 4 * SMALL;

describe('tagging does bounded work on adversarial floods', () => {
  const cases: [string, (size: number) => string][] = [
    ...Object.entries(FLOODS).map(([name, unit]): [string, (size: number) => string] => [
      name,
      (n) => flood(unit, n),
    ]),
    ['generated mix', (n) => generated(n, 7)],
  ];
  for (const [name, make] of cases) {
    it(`${name}: mentions and frames under their caps, sweeps linear, at ${SMALL} and ${LARGE} characters`, () => {
      const small = workOf(make(SMALL));
      const large = workOf(make(LARGE));
      for (const work of [small, large]) {
        expect(work.mentions).toBeLessThanOrEqual(MAX_MENTIONS);
        expect(work.frames).toBeLessThanOrEqual(MAX_FRAMES);
        // Overlap removal, the site-name sweep and the merge each visit a collected candidate once.
        expect(work.steps).toBeLessThanOrEqual(3 * work.mentions + work.frames + MAX_MENTIONS);
      }
      // Once a cap cuts the small text short, four times the text makes no more of that work.
      if (small.mentions === MAX_MENTIONS) expect(large.mentions).toBe(MAX_MENTIONS);
      if (small.frames === MAX_FRAMES) expect(large.frames).toBe(MAX_FRAMES);
      if (small.capped) expect(large.capped).toBe(true);
    });
  }

  it('hits the caps where a flood would otherwise make work without end', () => {
    expect(workOf(flood(FLOODS['site names'] ?? '', LARGE))).toMatchObject({
      capped: true,
      mentions: MAX_MENTIONS,
    });
    expect(workOf(flood(FLOODS['credit frames'] ?? '', LARGE))).toMatchObject({
      capped: true,
      frames: MAX_FRAMES,
    });
    expect(workOf(flood(FLOODS['open frames'] ?? '', LARGE)).frames).toBe(MAX_FRAMES);
  });

  it('lists no more credited sources than the cap, however many distinct outlets a text credits', () => {
    const many = Array.from({ length: 500 }, (_, i) => `according to site${i}.com, `).join('');
    const work = newWork();
    expect(credits.find(many, work)).toHaveLength(MAX_CREDITED);
    expect(work.capped).toBe(true);
  });

  it('reads notices, datelines and sign-offs only where they can be, whatever the size', () => {
    const huge = flood(FLOODS.notices ?? '', LARGE);
    // A notice longer than any real one is no notice; the check does not read it through.
    expect(parseCopyrightNotice(huge)).toBeUndefined();
    const paragraphs = Array.from({ length: 2000 }, () => flood(FLOODS.datelines ?? '', 300));
    expect(datelineCreditInBody(paragraphs, credits)).toBe('Kyodo');
    const lines = furnitureCredits(paragraphs, [], credits);
    // Only the first and last few paragraphs are read, each within a line's length.
    expect(lines.origins.length + lines.credited.length).toBeLessThanOrEqual(7 * 8);
  });
});
