import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../lambdas/normalize/parse/index.ts';
import { feedFixture, utf8 } from './fixtures.ts';

describe('the base of relative references', () => {
  it('uses rel="self" when an Atom feed has no xml:base and only relative links, and says so', async () => {
    const parsed = await parseDocument(feedFixture('real/relative-atom.xml'));
    expect(parsed.base).toEqual({ url: 'https://ridgeway.example.net/blog/atom.xml', from: 'self' });
    expect(parsed.feed?.link).toBe('https://ridgeway.example.net/blog/');
    expect(parsed.items.map((i) => i.link)).toEqual([
      'https://ridgeway.example.net/blog/2026/11/30/archive-at-home',
      'https://ridgeway.example.net/blog/2026/11/28/winter-hours',
    ]);
    expect(parsed.items[0]).toMatchObject({
      baseFrom: 'self',
      baseUrl: 'https://ridgeway.example.net/blog/atom.xml',
    });
    expect(parsed.items[0]?.media?.[0]?.url).toBe('https://ridgeway.example.net/media/archive-talk.mp3');
  });

  it('prefers the fetched-from URL over rel="self"', async () => {
    const parsed = await parseDocument(feedFixture('real/relative-atom.xml'), {
      location: 'https://mirror.example.com/ridgeway/feed',
    });
    expect(parsed.base).toEqual({ url: 'https://mirror.example.com/ridgeway/feed', from: 'fetched-from' });
    expect(parsed.items[1]?.link).toBe('https://mirror.example.com/ridgeway/2026/11/28/winter-hours');
  });

  it('takes xml:base in scope first, at feed and at entry level, nested bases resolved in turn', async () => {
    const parsed = await parseDocument(feedFixture('real/xml-base-atom.xml'), {
      location: 'https://elsewhere.example.com/x.atom',
    });
    expect(parsed.items[0]).toMatchObject({
      link: 'https://harrow.example.org/news/2026/footbridge-reopens',
      baseFrom: 'xml:base',
      baseUrl: 'https://harrow.example.org/news/',
    });
    expect(parsed.items[1]).toMatchObject({
      link: 'https://photos.example.org/harrow/frost-upper-meadows',
      baseUrl: 'https://photos.example.org/harrow/gallery/',
    });
  });

  it('resolves a relative xml:base against rel="self" when nobody said where the feed came from', async () => {
    const xml =
      '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="/en/"><title>t</title>' +
      '<link rel="self" href="https://relbase.example.org/feeds/all.atom"/>' +
      '<entry><id>1</id><title>one</title><link href="posts/1"/><updated>2026-01-01T00:00:00Z</updated></entry></feed>';
    const parsed = await parseDocument(utf8(xml));
    expect(parsed.items[0]).toMatchObject({
      link: 'https://relbase.example.org/en/posts/1',
      baseFrom: 'xml:base',
    });
  });

  it('falls back to the feed link once it is absolute, and leaves links relative when there is nothing', async () => {
    const withLink = await parseDocument(feedFixture('real/media-rss.xml'));
    expect(withLink.base).toEqual({ url: 'https://estuary.example.com/', from: 'feed-link' });
    const without = await parseDocument(feedFixture('real/relative-rss.xml'));
    expect(without.base).toBeUndefined();
    expect(without.items[0]?.link).toBe('/ads/1042-oak-dining-table');
  });

  it('uses a JSON Feed feed_url before its home page', async () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'j',
      home_page_url: 'https://j.example.org/blog/',
      feed_url: 'https://j.example.org/feed.json',
      items: [
        {
          id: '1',
          url: 'p/1',
          content_html: '<p>x</p>',
          attachments: [{ url: 'a.mp3', mime_type: 'audio/mpeg' }],
        },
      ],
    });
    const parsed = await parseDocument(utf8(json));
    expect(parsed.base).toEqual({ url: 'https://j.example.org/feed.json', from: 'self' });
    expect(parsed.items[0]?.media).toEqual([
      { url: 'https://j.example.org/a.mp3', kind: 'enclosure', type: 'audio/mpeg' },
    ]);
  });
});
