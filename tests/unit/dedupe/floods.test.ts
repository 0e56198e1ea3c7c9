import { describe, expect, it } from 'vitest';
import { FLOOD_KINDS, flood } from '../../../hostile/floods.ts';
import { MAX_DETAILS } from '../../../lambdas/dedupe/details.ts';
import {
  MAX_PROFILE_WORDS,
  NEAR_DUPLICATE_DEFAULTS,
  NearDuplicateDetector,
} from '../../../lambdas/dedupe/near.ts';

/**
 * Dedupe's work on a body is bounded by its caps, not by the body: a flood of
 * any of the tokens the extractors look for, at two sizes past the caps, is
 * sketched over the same number of words and keeps at most MAX_DETAILS details.
 */
describe('dedupe profiles of adversarial floods', () => {
  const detector = NearDuplicateDetector.create();
  const SIZES = [450_000, 900_000];

  it.each(FLOOD_KINDS)(
    '%s: the sketch reads at most MAX_PROFILE_WORDS words at either size',
    async (kind) => {
      const near = await detector;
      const [small, large] = SIZES.map((size) => near.profile(flood(kind, size)));
      for (const profile of [small, large]) {
        if (!profile) throw new Error('a flood this long is profiled');
        expect(profile.sketchedWords).toBeLessThanOrEqual(MAX_PROFILE_WORDS);
        expect(profile.shingles).toBeLessThanOrEqual(MAX_PROFILE_WORDS);
        expect(profile.details.length).toBeLessThanOrEqual(2 * MAX_DETAILS);
      }
      // Twice the body, the same sketching work once the cap is reached.
      expect(large?.words).toBeGreaterThan(small?.words ?? 0);
      expect(small?.sketchedWords).toBe(MAX_PROFILE_WORDS);
      expect(large?.sketchedWords).toBe(MAX_PROFILE_WORDS);
    },
  );

  it('reaches the cap on prose of distinct words, where every word starts a new shingle', async () => {
    const near = await detector;
    const words = Array.from({ length: 2 * MAX_PROFILE_WORDS }, (_, i) => `w${i.toString(36)}`);
    const profile = near.profile(words.join(' '));
    expect(profile?.words).toBe(2 * MAX_PROFILE_WORDS);
    expect(profile?.sketchedWords).toBe(MAX_PROFILE_WORDS);
    expect(profile?.shingles).toBe(MAX_PROFILE_WORDS - NEAR_DUPLICATE_DEFAULTS.shingleSize + 1);
  });
});
