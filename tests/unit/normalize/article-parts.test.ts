import { describe, expect, it } from 'vitest';
import { extractArticleParts } from '../../../lambdas/normalize/article-parts.ts';

const BODY = 'The rest of the story follows here.';

function lead(paragraph: string) {
  const parts = extractArticleParts([paragraph, BODY]);
  const rest = parts.cut ? paragraph.slice(parts.cut.length) : paragraph;
  return { dateline: parts.dateline, rest };
}

describe('datelines', () => {
  it.each([
    ['(PatriotWise.com) — The Kremlin said.', undefined, 'PatriotWise.com'],
    ['MOSCOW (Reuters) - The Kremlin said.', 'MOSCOW', 'Reuters'],
    ['KYIV, Ukraine (AP) — The Kremlin said.', 'KYIV, Ukraine', 'AP'],
    ['WASHINGTON — The Kremlin said.', 'WASHINGTON', undefined],
    ['LONDON, March 3 (Reuters) - The Kremlin said.', 'LONDON', 'Reuters'],
    ['SPRINGFIELD, Ill. (AP) -- The Kremlin said.', 'SPRINGFIELD, Ill.', 'AP'],
    ['SÃO PAULO (Reuters) – The Kremlin said.', 'SÃO PAULO', 'Reuters'],
  ])('%s', (paragraph, place, credit) => {
    const { dateline, rest } = lead(paragraph);
    expect(dateline?.place).toBe(place);
    expect(dateline?.credit).toBe(credit);
    expect(rest).toBe('The Kremlin said.');
  });

  it('drops a dateline that stands as its own paragraph', () => {
    const parts = extractArticleParts(['MOSCOW (Reuters) -', 'Russia said so.', BODY]);
    expect(parts.dateline).toEqual({ raw: 'MOSCOW (Reuters) -', place: 'MOSCOW', credit: 'Reuters' });
    expect(parts.drop).toEqual([0]);
    expect(parts.cut).toBeUndefined();
  });

  it('leaves ordinary leads alone', () => {
    for (const paragraph of [
      'The Kremlin — as ever — said nothing.',
      'US — a short word is no dateline.',
      'Officials said on Monday - quietly - that talks had failed.',
    ]) {
      expect(lead(paragraph).dateline).toBeUndefined();
    }
  });
});

describe('bylines and footers', () => {
  it('lifts a "By …" paragraph into the byline', () => {
    const parts = extractArticleParts([
      'By Jane Doe and John Roe, Reuters',
      'MOSCOW (Reuters) - Text.',
      BODY,
    ]);
    expect(parts.byline).toBe('Jane Doe and John Roe, Reuters');
    expect(parts.drop).toContain(0);
    expect(parts.cut).toEqual({ index: 1, length: 'MOSCOW (Reuters) - '.length });
  });

  it('does not take a sentence starting with "By" for a byline', () => {
    const parts = extractArticleParts(['By the end of the week, the talks had collapsed.', BODY]);
    expect(parts.byline).toBeUndefined();
    expect(parts.drop).toEqual([]);
  });

  it('sets copyright, "originally appeared on" and "Republished from" footers aside', () => {
    const paragraphs = [
      'Lead paragraph.',
      BODY,
      'This article originally appeared on The Conversation.',
      'Republished from Example News under a Creative Commons license.',
      '© 2024 Example News. All rights reserved.',
    ];
    const parts = extractArticleParts(paragraphs);
    expect(parts.notices).toEqual(paragraphs.slice(2));
    expect([...parts.drop].sort()).toEqual([2, 3, 4]);
  });

  it('recognises WordPress and wire footers', () => {
    const paragraphs = [
      'Lead paragraph.',
      'Reporting by Jane Doe; Editing by John Roe',
      'The post Kremlin Tells Top Officials They Cannot Resign appeared first on PatriotWise.',
    ];
    expect(extractArticleParts(paragraphs).notices).toEqual(paragraphs.slice(1));
  });

  it('never takes the lead paragraph for a footer', () => {
    const parts = extractArticleParts(['Copyright law changed on Monday, officials said.']);
    expect(parts.notices).toEqual([]);
    expect(parts.drop).toEqual([]);
  });
});
