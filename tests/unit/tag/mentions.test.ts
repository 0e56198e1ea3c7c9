import { describe, expect, it } from 'vitest';
import { DEFAULT_GAZETTEER } from '../../../lambdas/tag/gazetteer.ts';
import { OrganisationIndex } from '../../../lambdas/tag/mentions.ts';

const index = new OrganisationIndex(DEFAULT_GAZETTEER);

describe('OrganisationIndex.mentions', () => {
  // One phrase per noun of the pattern: each must still be read, whatever shortcut skips texts without one.
  it.each([
    ['the outlet Zorka', 'the outlet '],
    ['the Russian newspaper Zorka', 'the Russian newspaper '],
    ['the paper Zorka', 'the paper '],
    ['the news site Zorka', 'the news site '],
    ['the news agency Zorka', 'the news agency '],
    ['the news website Zorka', 'the news website '],
    ['the wire service Zorka', 'the wire service '],
    ['the publication Zorka', 'the publication '],
    ['the broadcaster Zorka', 'the broadcaster '],
    ['the magazine Zorka', 'the magazine '],
    ['the tabloid Zorka', 'the tabloid '],
    ['the Telegram channel Zorka', 'the Telegram channel '],
    ['the TV channel Zorka', 'the TV channel '],
    ['the television network Zorka', 'the television network '],
    ['the radio station Zorka', 'the radio station '],
    ['the media group Zorka', 'the media group '],
    ['the Russian daily Zorka', 'the Russian daily '],
    ['the business weekly Zorka', 'the business weekly '],
  ])('reads "%s"', (phrase, lead) => {
    const text = `Troops moved, ${phrase} reported.`;
    const mentions = index.mentions(text);
    expect(mentions.map((m) => m.name)).toEqual(['Zorka']);
    expect(mentions[0]?.phraseStart).toBe(text.indexOf(lead));
  });

  it('finds site names, and gazetteer names without a noun', () => {
    const text = 'Confidence fell, PatriotWise.com and Reuters reported; see also kommersant.ru.';
    expect(index.mentions(text).map((m) => m.name)).toEqual(['PatriotWise.com', 'Reuters', 'kommersant.ru']);
  });
});
