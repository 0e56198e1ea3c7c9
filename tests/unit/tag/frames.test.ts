import { describe, expect, it } from 'vitest';
import { findFrameCredits } from '../../../lambdas/tag/frames.ts';
import type { NewsOrganisation } from '../../../lambdas/tag/gazetteer.ts';

const none = (_name: string): NewsOrganisation | undefined => undefined;
const names = (text: string, lookup = none) => findFrameCredits(text, lookup).map((c) => c.name);

describe('credit frames', () => {
  it('takes an unlisted outlet from a strong frame', () => {
    expect(names('The Valley Clarion reported that the mill would close.')).toEqual(['The Valley Clarion']);
  });

  it('does not take a capitalised everyday word the same text uses in lower case', () => {
    const text =
      'Would the council wait? Officials said they would. Would reported that the bridge was shut.';
    expect(names(text)).toEqual([]);
  });

  it('still takes such a word when the gazetteer knows it or a descriptor names it', () => {
    const text = 'It was a hard time for the town. Time reported that the mill would close.';
    const time: NewsOrganisation = { name: 'Time' };
    expect(names(text, (n) => (n === 'Time' ? time : undefined))).toEqual(['Time']);
  });
});
