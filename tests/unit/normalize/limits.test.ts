import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { MAX_ITEMS_PER_DOCUMENT, normalizeDocument } from '../../../lambdas/normalize/document.ts';
import { parseDocument as parseFeed } from '../../../lambdas/normalize/parse/index.ts';
import { decodeDocument } from '../../../lambdas/shared/format/decode.ts';
import { processOffline } from '../../../local/offline.ts';

const arrival = (bytes: Uint8Array) => ({
  bytes,
  outlet: 'limits',
  bucket: 'raw',
  key: 'incoming/limits/x',
  ingestionId: 'incoming/limits/x@1',
  receivedAt: '2024-01-01T00:00:00.000Z',
});

describe('limits that keep one hostile document from hurting the rest', () => {
  it('processes at most MAX_ITEMS_PER_DOCUMENT items and reports the rest with a reason', async () => {
    const count = MAX_ITEMS_PER_DOCUMENT + 3;
    const items = Array.from(
      { length: count },
      (_, i) => `<item><guid>g${i}</guid><title>Item number ${i}</title></item>`,
    );
    const feed = `<rss version="2.0"><channel><title>Many</title>${items.join('')}</channel></rss>`;
    const result = await normalizeDocument(arrival(Buffer.from(feed)), 'a'.repeat(64));
    expect(result.envelopes).toHaveLength(MAX_ITEMS_PER_DOCUMENT);
    expect(result.itemErrors).toContainEqual({
      index: MAX_ITEMS_PER_DOCUMENT,
      reason: `document has ${count} items; only the first ${MAX_ITEMS_PER_DOCUMENT} are processed (3 not)`,
    });
  });

  const count = MAX_ITEMS_PER_DOCUMENT + 3;
  const many = (entry: (i: number) => string) => Array.from({ length: count }, (_, i) => entry(i)).join('');
  it.each([
    [
      'RSS',
      `<rss version="2.0"><channel><title>Many</title>${many((i) => `<item><guid>g${i}</guid><title>Item ${i}</title></item>`)}</channel></rss>`,
    ],
    [
      'RDF',
      `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>Many</title></channel>${many((i) => `<item rdf:about="https://many.example/${i}"><title>Item ${i}</title></item>`)}</rdf:RDF>`,
    ],
    [
      'Atom',
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>Many</title>${many((i) => `<entry><id>g${i}</id><title>Item ${i}</title></entry>`)}</feed>`,
    ],
    [
      'JSON Feed',
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Many',
        items: Array.from({ length: count }, (_, i) => ({ id: `g${i}`, title: `Item ${i}` })),
      }),
    ],
  ])(
    '%s: reads only the first MAX_ITEMS_PER_DOCUMENT entries, counting the others exactly',
    async (_, feed) => {
      const parsed = await parseFeed(Buffer.from(feed));
      expect(parsed.items).toHaveLength(MAX_ITEMS_PER_DOCUMENT);
      expect(parsed.items.at(-1)?.title?.value).toBe(`Item ${MAX_ITEMS_PER_DOCUMENT - 1}`);
      expect(parsed.unreadItems).toBe(3);
      const result = await normalizeDocument(arrival(Buffer.from(feed)), 'b'.repeat(64));
      expect(result.envelopes).toHaveLength(MAX_ITEMS_PER_DOCUMENT);
      expect(result.itemErrors).toEqual([
        {
          index: MAX_ITEMS_PER_DOCUMENT,
          reason: `document has ${count} items; only the first ${MAX_ITEMS_PER_DOCUMENT} are processed (3 not)`,
        },
      ]);
    },
  );

  it('reads a feed of exactly MAX_ITEMS_PER_DOCUMENT entries whole, with nothing to report', async () => {
    const items = Array.from(
      { length: MAX_ITEMS_PER_DOCUMENT },
      (_, i) => `<item><title>Item ${i}</title></item>`,
    );
    const feed = Buffer.from(`<rss><channel><title>Full</title>${items.join('')}</channel></rss>`);
    const parsed = await parseFeed(feed);
    expect(parsed.items).toHaveLength(MAX_ITEMS_PER_DOCUMENT);
    expect(parsed.unreadItems).toBeUndefined();
    expect((await normalizeDocument(arrival(feed), 'c'.repeat(64))).itemErrors).toEqual([]);
  });

  it('does not believe a UTF-16 label on bytes that are plainly not UTF-16', () => {
    const xml = '<?xml version="1.0"?><rss version="2.0"><channel><title>Caf\u00e9</title></channel></rss>';
    expect(decodeDocument(Buffer.from(xml, 'utf8'), 'application/rss+xml; charset=utf-16')).toBe(xml);
    const utf16 = Buffer.from(xml, 'utf16le');
    expect(decodeDocument(utf16, 'application/rss+xml; charset=utf-16le')).toBe(xml);
  });

  it('never publishes a script URL as an identifier, while still telling such items apart', async () => {
    const feed =
      '<rss version="2.0"><channel><title>T</title>' +
      '<item><guid>javascript:alert(1)</guid><title>First</title><description>One body of text here.</description></item>' +
      '<item><guid>javascript:alert(2)</guid><title>Second</title><description>Another body of text.</description></item>' +
      '</channel></rss>';
    const result = await processOffline(Buffer.from(feed));
    const serialized = JSON.stringify(result.items);
    expect(serialized).not.toMatch(/javascript:/i);
    expect(new Set(result.items.map((item) => item.uri)).size).toBe(2);
  });
});

async function htmlBodyOf(feed: string): Promise<string | undefined> {
  const [item] = (await processOffline(Buffer.from(feed))).items;
  const bodies = (item?.bodies ?? []) as Array<{ contentType: string; value: string }>;
  return bodies.find((b) => b.contentType === 'text/html')?.value;
}

describe('HTML written back after furniture is lifted out', () => {
  it('keeps nothing inside an allowed iframe and escapes "<" in attributes, so no markup can end it early', async () => {
    const payload =
      '<p>Some body text here for the story.</p><iframe src="https://www.youtube.com/embed/x">' +
      '<abbr title="</iframe><img src=x onerror=alert(document.domain)>">x</abbr></iframe>';
    const feed = `<rss version="2.0"><channel><title>T</title><item><guid>f</guid><title>Frame</title><description><![CDATA[${payload}]]></description></item></channel></rss>`;
    const html = await htmlBodyOf(feed);
    expect(html).toMatch(/<iframe src="https:\/\/www\.youtube\.com\/embed\/x"[^>]*><\/iframe>/);
    expect(html?.split('</iframe>')).toHaveLength(2);
    expect(html).not.toContain('<img');
  });

  it('keeps "<" inside an attribute value as part of the value, not markup', async () => {
    const feed =
      '<rss version="2.0"><channel><title>T</title><item><guid>g</guid><title>Abbr</title><description><![CDATA[' +
      '<p>The <abbr title="a<b>c">ABC</abbr> group met on Monday to agree the plan.</p>]]></description></item></channel></rss>';
    const html = await htmlBodyOf(feed);
    const document = parseDocument(html ?? '');
    expect(DomUtils.findAll((e) => e.name === 'b', document.children)).toHaveLength(0);
    expect(DomUtils.findOne((e) => e.name === 'abbr', document.children)?.attribs.title).toBe('a<b>c');
  });
});
