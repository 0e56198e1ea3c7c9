import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GAZETTEER } from '../../../lambdas/tag/gazetteer.ts';
import { NameIndex } from '../../../lambdas/tag/name-index.ts';

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The regex NameIndex stands for, as its documentation gives it: the specification the tests check against. */
function byRegex(names: readonly string[], text: string): { start: number; name: string }[] {
  const alternatives = [...names].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(
    String.raw`(?<![\p{L}\p{N}])(?:${alternatives.join('|')})(?![\p{L}\p{N}-])(?!\s+(?:of|de|del)\s+\p{Lu})`,
    'gu',
  );
  return [...text.matchAll(pattern)].map((match) => ({ start: match.index ?? 0, name: match[0] }));
}

const GAZETTEER_NAMES = DEFAULT_GAZETTEER.flatMap((org) => [org.name, ...(org.aliases ?? [])]);

const TEXTS = [
  'According to Reuters and AP, The New York Times and the New York Times reported.',
  'AP-NORC polls, APAP, 1AP, _AP, AP_, (AP), "AP", AP.',
  'The Times of India and The Times de Paris differ from The Times, of course, and The Times del x.',
  'Süddeutsche Zeitung, El País, El Pais, dpa, iStories, RFE/RL and Radio Free Europe/Radio Liberty.',
  'éAP 𝐀AP 👍AP AP👍 AP\u00a0of\u00a0India CNN\n\nBBC\tNews',
  'Financial Times FT FTX NYTimes WSJ. Time magazine Time Vice News Vice',
  '',
  'no names at all here, just words and 2024 numbers.',
];

describe('NameIndex', () => {
  it.each(TEXTS)('finds what the gazetteer regex finds in %j', (text) => {
    expect(new NameIndex(GAZETTEER_NAMES).find(text)).toEqual(byRegex(GAZETTEER_NAMES, text));
  });

  it('prefers the longest name at a place, then the order of the list among equals', () => {
    const names = ['Ab', 'Abc', 'Xy', 'Xz'];
    const text = 'Abc Ab Abd Xy Xz';
    expect(new NameIndex(names).find(text)).toEqual(byRegex(names, text));
    expect(new NameIndex(names).find(text).map((m) => m.name)).toEqual(['Abc', 'Ab', 'Xy', 'Xz']);
  });

  it('handles names that start with a digit, a symbol, an accented letter or an astral character', () => {
    const names = ['9News', '#Tag', 'Élan', '𝐁old', 'Plain'];
    const text = '9News, 19News, #Tag, a#Tag, Élan, xÉlan, 𝐁old, a𝐁old, Plain.';
    expect(new NameIndex(names).find(text)).toEqual(byRegex(names, text));
  });

  it('matches an empty name wherever the regex would, however unlikely a gazetteer with one is', () => {
    const names = ['AP', ''];
    for (const text of ['AP x', '', 'a-b', '👍 AP'])
      expect(new NameIndex(names).find(text)).toEqual(byRegex(names, text));
  });

  it('agrees with the regex on texts made of names, their prefixes and what may touch them', () => {
    // Names sharing long prefixes ("The Daily …") and ones shorter than a prefix bucket.
    const names = [
      'The Daily',
      'The Daily Star',
      'The Dail',
      'The',
      'T',
      'Th',
      'Daily Star',
      'Star',
      'ÉlanX',
      'É',
      ...GAZETTEER_NAMES.slice(0, 40),
    ];
    const pieces = [...names, ' ', '-', ' of ', 'A', 'x', '(', ')', ', ', '𝐁', 'é', '\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(new NameIndex(names).find(text)).toEqual(byRegex(names, text));
      }),
      { numRuns: 300 },
    );
  });
});
