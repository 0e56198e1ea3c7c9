import { beforeAll, describe, expect, it } from 'vitest';
import { FeedLanguage } from '../../../lambdas/normalize/feed-language.ts';
import { loadLanguageDetector, resolveLanguage } from '../../../lambdas/normalize/language.ts';

const TEXT = {
  en: 'The council said on Tuesday that the new bridge would open in spring after years of delay.',
  fr: 'Le conseil a annoncé mardi que le nouveau pont ouvrira au printemps après des années de retard.',
  de: 'Der Rat hat am Dienstag mitgeteilt, dass die neue Brücke nach Jahren der Verzögerung im Frühling öffnen soll.',
};

describe('FeedLanguage', () => {
  beforeAll(loadLanguageDetector);

  it('gives what per-item detection gives for a feed in one language, declared tags and short texts', () => {
    const feed = new FeedLanguage();
    const texts = [...Array.from({ length: 20 }, () => TEXT.en), 'Short'];
    const declared = texts.map((_, i) => (i === 1 ? 'fr-ca' : undefined));
    const perItem = texts.map((text, i) => resolveLanguage(declared[i], text));
    expect(texts.map((text, i) => feed.resolve(declared[i], text))).toEqual(perItem);
    expect(perItem.slice(0, 3)).toEqual(['en', 'fr-CA', 'en']);
    expect(perItem.at(-1)).toBe('und');
  });

  it('detects every item of a feed whose sample disagrees', () => {
    const feed = new FeedLanguage();
    const texts = Array.from({ length: 12 }, (_, i) => [TEXT.en, TEXT.fr, TEXT.de][i % 3] as string);
    expect(texts.map((text) => feed.resolve(undefined, text))).toEqual(
      texts.map((text) => resolveLanguage(undefined, text)),
    );
  });

  it('goes back to per-item detection when a check after settling disagrees', () => {
    const feed = new FeedLanguage();
    for (let i = 0; i < 4; i++) expect(feed.resolve(undefined, TEXT.en)).toBe('en');
    const later = Array.from({ length: 8 }, () => feed.resolve(undefined, TEXT.fr));
    // The checked item finds the change; from then on every item is detected.
    expect(later.at(-1)).toBe('fr');
    expect(feed.resolve(undefined, TEXT.de)).toBe('de');
  });
});
