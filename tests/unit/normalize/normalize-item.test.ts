import { describe, expect, it } from 'vitest';
import { normalizeItem } from '../../../lambdas/normalize/normalize-item.ts';
import type { RawItem } from '../../../lambdas/normalize/parse/index.ts';

const RECEIVED_AT = '2024-05-01T12:00:00.000Z';
const context = { feed: { link: 'https://news.example/', language: 'en' }, receivedAt: RECEIVED_AT };

function raw(overrides: Partial<RawItem> = {}): RawItem {
  return {
    title: { value: 'A headline', type: 'text' },
    content: { value: '<p>Some body text that is long enough to read.</p>', type: 'html' },
    authors: [],
    categories: [],
    ...overrides,
  };
}

describe('normalizeItem: furniture lifted out of an HTML body', () => {
  const html =
    '<p>By Jane Doe</p>' +
    '<p><b>KYIV, Ukraine (AP) —</b> Officials <a href="/kyiv?utm_source=feed">said</a> on Monday.</p>' +
    '<p>Second <em>paragraph</em>.</p>' +
    '<p><i>This story originally appeared on <a href="https://origin.example/">Origin</a>.</i></p>';
  const item = normalizeItem(raw({ content: { value: html, type: 'html' } }), context);

  it('takes byline, dateline and footer out of the text', () => {
    expect(item.byline).toBe('Jane Doe');
    expect(item.dateline).toEqual({ raw: 'KYIV, Ukraine (AP) —', place: 'KYIV, Ukraine', credit: 'AP' });
    expect(item.notices).toEqual(['This story originally appeared on Origin.']);
    expect(item.bodyText).toBe('Officials said on Monday.\n\nSecond paragraph.');
  });

  it('takes them out of the HTML too, keeping its links and emphasis', () => {
    expect(item.bodyHtml).toBe(
      '<p>Officials <a href="https://news.example/kyiv" rel="noopener noreferrer">said</a> on Monday.</p>' +
        '<p>Second <em>paragraph</em>.</p>',
    );
  });
});

describe('normalizeItem: escaped markup and hidden characters', () => {
  it('keeps markup in a text title as text, but for tags that could run script', () => {
    const item = normalizeItem(
      raw({ title: { value: '<b>bold</b>, x < y <script>alert(1)</script> in a title', type: 'text' } }),
      context,
    );
    expect(item.headline).toBe('<b>bold</b>, x < y in a title');
  });

  it('reads an HTML title as HTML: tags and script code gone, escaped markup kept as text', () => {
    const item = normalizeItem(
      raw({ title: { value: 'Safe <b>bold</b><script>evil()</script> &lt;i&gt; tag', type: 'html' } }),
      context,
    );
    expect(item.headline).toBe('Safe bold <i> tag');
  });

  it('escapes text bodies again when it builds their HTML', () => {
    const item = normalizeItem(
      raw({ content: { value: 'Use <canvas> wisely & well.', type: 'text' } }),
      context,
    );
    expect(item.bodyText).toBe('Use <canvas> wisely & well.');
    expect(item.bodyHtml).toBe('<p>Use &lt;canvas&gt; wisely &amp; well.</p>');
  });

  it('removes bidi overrides and zero-width characters from titles, names and identifiers', () => {
    const item = normalizeItem(
      raw({
        title: { value: 'Tit\u200Ble\u202E', type: 'text' },
        guid: 'id-\u2066123\u2069',
        authors: ['jane@example.com (Jane\u200D Doe)'],
        categories: ['Wor\u200Bld'],
      }),
      context,
    );
    expect([item.headline, item.guid, item.authors[0], item.categories[0]]).toEqual([
      'Title',
      'id-123',
      'Jane Doe',
      'World',
    ]);
  });

  it('does not publish a guid holding a tag that could run script, yet still tells such items apart', () => {
    const one = normalizeItem(raw({ guid: '<img src=x onerror=alert(1)>' }), context);
    const two = normalizeItem(raw({ guid: '<img src=x onerror=alert(2)>' }), context);
    expect([one.guid, two.guid]).toEqual([undefined, undefined]);
    expect(one.identity).not.toBe(two.identity);
    expect(normalizeItem(raw({ guid: 'tag:news.example,2024:<b>1</b>' }), context).guid).toBe(
      'tag:news.example,2024:<b>1</b>',
    );
  });
});

describe('normalizeItem: dates', () => {
  it('gives an item date as ISO 8601 UTC', () => {
    const item = normalizeItem(raw({ published: 'Tue, 07 Feb 2023 09:00:00 -0500' }), context);
    expect(item.published).toBe('2023-02-07T14:00:00.000Z');
    expect(item.publishedFrom).toBe('item');
  });

  it('falls back to the receipt time, flagged, for a missing or impossible date, never rejecting', () => {
    for (const published of [undefined, '31 Feb 2023 10:00:00 GMT', '10000-01-01T00:00:00Z', 'yesterday']) {
      const item = normalizeItem(raw(published ? { published } : {}), context);
      expect(item.published).toBe(RECEIVED_AT);
      expect(item.publishedFrom).toBe('receipt');
    }
  });

  it('prefers the feed date to the receipt time', () => {
    const item = normalizeItem(raw(), { ...context, feedDate: '2023-03-01T00:00:00Z' });
    expect(item.publishedFrom).toBe('feed');
    expect(item.published).toBe('2023-03-01T00:00:00.000Z');
  });
});

describe('normalizeItem: links, language, licence', () => {
  it('gives a canonical URL and uses it as identity when there is no guid', () => {
    const item = normalizeItem(raw({ link: '/World/Story?utm_medium=rss&id=9#top' }), context);
    expect(item.url).toBe('https://news.example/World/Story?id=9');
    expect(item.identity).toBe('url:https://news.example/World/Story?id=9');
  });

  it('takes the item language over the feed one, in BCP 47 form', () => {
    expect(normalizeItem(raw({ language: 'fr_ca' }), context).language).toBe('fr-CA');
    expect(normalizeItem(raw(), context).language).toBe('en');
  });

  it('keeps the format licence, else a rel="license" link from the body, and only http(s) ones', () => {
    const body =
      '<p>Text. <a rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC BY</a></p>';
    const fromBody = normalizeItem(raw({ content: { value: body, type: 'html' } }), context);
    expect(fromBody.license).toBe('https://creativecommons.org/licenses/by/4.0/');
    const declared = normalizeItem(
      raw({
        content: { value: body, type: 'html' },
        license: 'https://creativecommons.org/licenses/by-sa/4.0/',
      }),
      context,
    );
    expect(declared.license).toBe('https://creativecommons.org/licenses/by-sa/4.0/');
    expect(normalizeItem(raw({ license: 'javascript:alert(1)' }), context).license).toBeUndefined();
  });
});

describe('normalizeItem: joiners and direction marks in headlines and bodies', () => {
  // Persian "I want" and "books" need ZWNJ between word parts; Hebrew needs RLM/LRM to place neutrals;
  // a family emoji is one glyph only while its ZWJs hold it together.
  const persian = 'می\u200Cخواهم کتاب\u200Cها را بخوانم';
  const hebrew = 'הממשלה\u200F: 3\u200E% צמיחה';
  const family = 'Family day 👨\u200D👩\u200D👧\u200D👦 in the park';
  const texts = [persian, hebrew, family];

  it.each(['text', 'html'] as const)('keeps them in a %s headline and summary, as in the body', (type) => {
    for (const text of texts) {
      const item = normalizeItem(
        raw({
          title: { value: text, type },
          summary: { value: text, type },
          content: { value: `<p>${text}, a body long enough to read.</p>`, type: 'html' },
        }),
        context,
      );
      expect([item.headline, item.summary]).toEqual([text, text]);
      expect(item.bodyText).toBe(`${text}, a body long enough to read.`);
    }
  });

  it('still removes what is invisible and meaningless, and bidi overrides', () => {
    const item = normalizeItem(
      raw({ title: { value: '\uFEFFکتاب\u200Cها\u200B مع\u00ADرفی\u202E', type: 'text' } }),
      context,
    );
    expect(item.headline).toBe('کتاب\u200Cها معرفی');
  });
});
