import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../lambdas/normalize/parse/index.ts';
import { feedFixture, utf8 } from './fixtures.ts';

describe('RSS reading', () => {
  it('reads <rss> without a version, with all the feed metadata', async () => {
    const parsed = await parseDocument(feedFixture('rss-no-version.xml'));
    expect(parsed.format).toBe('rss');
    expect(parsed.feed).toEqual({
      title: 'No Version Wire',
      link: 'https://news.example.org/',
      description: 'Feeds from a CMS that forgot the version attribute',
      language: 'en-gb',
      copyright: '© 2026 No Version Wire',
      generator: 'HandRolled CMS 1.0',
    });
    expect(parsed.items[0]).toMatchObject({
      guid: 'nv-1',
      link: 'https://news.example.org/harbour',
      published: 'Tue, 03 Mar 2026 09:30:00 +0100',
    });
  });

  it('reads items of an <rss> that has no <channel>', async () => {
    const parsed = await parseDocument(feedFixture('rss-no-channel.xml'));
    expect(parsed.items.map((i) => i.title?.value)).toEqual(['Orphan item one', 'Orphan item two']);
  });

  it('reads RSS 0.91 with HTML entities and never fetches its public DTD', async () => {
    const parsed = await parseDocument(feedFixture('rss-091.xml'));
    expect(parsed.feed?.title).toBe('Old School News');
    expect(parsed.items[0]?.title?.value).toBe('Café owners protest');
    expect(parsed.items[0]?.summary?.value).toBe('Owners of the café said "no".');
  });

  it('reads RSS 1.0 (RDF) with Dublin Core and content:encoded', async () => {
    const parsed = await parseDocument(feedFixture('rdf-10.xml'));
    expect(parsed.format).toBe('rdf');
    expect(parsed.feed).toMatchObject({ title: 'RDF Daily', language: 'de', copyright: 'RDF Daily GmbH' });
    expect(parsed.items[0]).toMatchObject({
      guid: 'https://rdf.example.net/a',
      published: '2026-03-01T08:00:00+01:00',
      authors: ['Anna Beispiel'],
      categories: ['Verkehr'],
      content: { value: '<p>Der Streik ist <b>vorbei</b>.</p>', type: 'html' },
      summary: { value: 'Kurz: Der Streik ist vorbei.', type: 'html' },
    });
  });

  it('keeps the text after a child element in mixed content', async () => {
    const xml =
      '<rss><channel><item><title>t</title><description>one <b>two</b> three</description></item></channel></rss>';
    const parsed = await parseDocument(utf8(xml));
    expect(parsed.items[0]?.summary).toEqual({ value: 'one <b>two</b> three', type: 'html' });
  });

  it('takes a permalink guid as the link when there is no <link>', async () => {
    const xml =
      '<rss><channel><item><title>t</title><guid>https://example.com/p/1</guid></item></channel></rss>';
    const parsed = await parseDocument(utf8(xml));
    expect(parsed.items[0]?.link).toBe('https://example.com/p/1');
  });

  it('resolves relative links against xml:base and hands the base on', async () => {
    const xml =
      '<rss xml:base="https://base.example.com/section/"><channel><item xml:base="sub/"><title>t</title><link>story.html</link><description>d</description></item></channel></rss>';
    const parsed = await parseDocument(utf8(xml));
    expect(parsed.items[0]?.link).toBe('https://base.example.com/section/sub/story.html');
    expect(parsed.items[0]?.baseUrl).toBe('https://base.example.com/section/sub/');
  });

  it('reads a feed that is not well-formed instead of rejecting it', async () => {
    const xml = '<rss><channel><title>AT&T & friends</title><item><title>Open item<description>body';
    const parsed = await parseDocument(utf8(xml));
    expect(parsed.feed?.title).toBe('AT&T & friends');
    expect(parsed.items).toHaveLength(1);
  });

  it('resolves relative links against the location the feed was fetched from', async () => {
    const xml =
      '<rss><channel><link>/</link><item><title>t</title><link>news/1</link></item></channel></rss>';
    const parsed = await parseDocument(utf8(xml), { location: 'https://polled.example.com/feeds/rss.xml' });
    expect(parsed.feed?.link).toBe('https://polled.example.com/');
    expect(parsed.items[0]?.link).toBe('https://polled.example.com/feeds/news/1');
  });

  it('numbers items by their position in the document', async () => {
    const parsed = await parseDocument(feedFixture('rss-no-channel.xml'));
    expect(parsed.items.map((i) => i.position)).toEqual([0, 1]);
  });
});
