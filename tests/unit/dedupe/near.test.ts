import { beforeAll, describe, expect, it } from 'vitest';
import { NEAR_DUPLICATE_DEFAULTS, NearDuplicateDetector } from '../../../lambdas/dedupe/near.ts';
import { articleBody, articleParagraphs } from './articles.ts';

let detector: NearDuplicateDetector;
beforeAll(async () => {
  detector = await NearDuplicateDetector.create();
});

function profileOf(text: string) {
  const profile = detector.profile(text);
  if (!profile) throw new Error('expected a long enough text');
  return profile;
}

describe('NearDuplicateDetector', () => {
  it('leaves texts under the word minimum to exact matching', () => {
    const words = Array.from({ length: NEAR_DUPLICATE_DEFAULTS.minWords - 1 }, (_, i) => `w${i}`);
    expect(detector.profile(words.join(' '))).toBeUndefined();
    expect(detector.profile([...words, 'one-more'].join(' '))).toBeDefined();
  });

  it('profiles a text with its anchors', () => {
    const profile = profileOf(articleBody('measles'));
    expect(profile.anchors).toHaveLength(NEAR_DUPLICATE_DEFAULTS.anchors);
    expect(profile.signature).toHaveLength(NEAR_DUPLICATE_DEFAULTS.permutations);
  });

  it('matches a lightly edited reprint by Jaccard', () => {
    const original = articleBody('coach-fired');
    const edited = original.replace(/said/g, 'told reporters').replace('Monday', 'Monday morning');
    const match = detector.match(profileOf(original), profileOf(`WASHINGTON — ${edited}`));
    expect(match?.rule).toBe('minhash-jaccard');
  });

  it('matches a copy cut to its first paragraphs by containment', () => {
    // The first two of five paragraphs: Jaccard under the threshold, containment near 1.
    const paragraphs = articleParagraphs('heat-wave');
    const match = detector.match(
      profileOf(paragraphs.join('\n\n')),
      profileOf(paragraphs.slice(0, 2).join('\n\n')),
    );
    expect(match?.rule).toBe('minhash-containment');
    expect(match?.containment).toBeGreaterThanOrEqual(NEAR_DUPLICATE_DEFAULTS.minContainment);
  });

  it('does not match a follow-up that repeats one background paragraph', () => {
    const earlier = articleParagraphs('cup-final');
    const followUp = [...articleParagraphs('player-injury'), earlier[1] ?? ''].join('\n\n');
    expect(detector.match(profileOf(earlier.join('\n\n')), profileOf(followUp))).toBeUndefined();
  });

  it('does not match two notices from one template that name different people', () => {
    const notice = (name: string, age: string, town: string, charity: string) =>
      `OBITUARY. ${name}, ${age}, of ${town}, passed away peacefully on March 3 surrounded by family. ` +
      'Born in Toledo, Ohio, they worked for 32 years as a machinist and were a longtime member of the Rotary Club. ' +
      'A memorial service will be held at Greenlawn Chapel on Saturday, March 11 at 11 a.m. ' +
      `In lieu of flowers, the family asks that donations be made to ${charity}. ` +
      "Condolences may be shared with the family on the funeral home's website, where the service will also be streamed.";
    const a = profileOf(notice('Robert James Miller', '84', 'Springfield', 'the county food bank'));
    const b = profileOf(notice('Eleanor Ruth Hayes', '91', 'Lakeside', 'Hospice of the Valley'));
    expect(detector.match(a, b)).toBeUndefined();
  });

  it('refuses a count of anchors that is not a positive integer', async () => {
    await expect(NearDuplicateDetector.create({ anchors: 0 })).rejects.toThrow(RangeError);
    await expect(NearDuplicateDetector.create({ anchors: 2.5 })).rejects.toThrow(RangeError);
  });
});
