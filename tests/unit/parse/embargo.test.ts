import { describe, expect, it } from 'vitest';
import { normalizeDocument } from '../../../lambdas/normalize/document.ts';
import { parseDocument } from '../../../lambdas/normalize/parse/index.ts';
import { sha256Hex } from '../../../lambdas/shared/hash.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

async function normalize(text: string) {
  const raw = bytes(text);
  return normalizeDocument(
    {
      bytes: raw,
      outlet: 'lakeshore',
      bucket: 'b',
      key: 'k',
      ingestionId: 'i',
      receivedAt: '2026-12-06T12:00:00.000Z',
    },
    sha256Hex(raw),
  );
}

const ninjs = (fields: Record<string, unknown>) =>
  JSON.stringify({
    uri: 'urn:lakeshore:harbor',
    headlines: [{ value: 'Harbor board to resign' }],
    bodies: [{ contentType: 'text/plain', value: 'The harbor board will resign on Friday.' }],
    ...fields,
  });

const RSS = `<?xml version="1.0"?>
<rss version="2.0" xmlns:dcterms="http://purl.org/dc/terms/"><channel>
  <title>Rivertown</title><link>https://rivertown.example/</link>
  <item><guid>rt-1</guid><title>Budget</title><description>The budget.</description>
    <dcterms:available>Sun, 06 Dec 2026 15:00:00 +0100</dcterms:available></item>
  <item><guid>rt-2</guid><title>Other news</title><description>Text.</description>
    <available>2026-12-06T15:00:00Z</available></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:dcterms="http://purl.org/dc/terms/">
  <title>Lakeshore</title><id>tag:lakeshore.example,2026:feed</id><updated>2026-12-06T12:00:00Z</updated>
  <entry><id>tag:lakeshore.example,2026:1</id><title>Budget</title><updated>2026-12-06T12:00:00Z</updated>
    <dcterms:available>2026-12-06T16:30:00Z</dcterms:available><content type="text">The budget.</content></entry>
</feed>`;

const JSON_FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Lakeshore',
  items: [
    {
      id: '1',
      title: 'Budget',
      content_text: 'The budget.',
      _syndicate: { embargoed: '2026-12-06T17:00:00Z' },
    },
    { id: '2', title: 'Other', content_text: 'Text.', _other: { embargoed: '2026-12-06T17:00:00Z' } },
  ],
});

describe('embargoes as each format gives them', () => {
  it('reads ninjs 3.x embargoedUntil and 1.x/2.x embargoed', async () => {
    const v3 = await parseDocument(bytes(ninjs({ embargoedUntil: '2026-12-06T15:00:00Z' })));
    expect(v3.items[0]?.embargoed).toBe('2026-12-06T15:00:00Z');
    const v1 = await parseDocument(bytes(ninjs({ embargoed: '2026-12-06T15:00:00+01:00' })));
    expect(v1.items[0]?.embargoed).toBe('2026-12-06T15:00:00+01:00');
    expect((await parseDocument(bytes(ninjs({})))).items[0]?.embargoed).toBeUndefined();
  });

  it('reads dcterms:available in RSS and Atom, and only in the Dublin Core terms namespace', async () => {
    const rss = await parseDocument(bytes(RSS));
    expect(rss.items.map((item) => item.embargoed)).toEqual(['Sun, 06 Dec 2026 15:00:00 +0100', undefined]);
    expect((await parseDocument(bytes(ATOM))).items[0]?.embargoed).toBe('2026-12-06T16:30:00Z');
  });

  it('reads dcterms:available in RSS 1.0 (RDF) too', async () => {
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dcterms="http://purl.org/dc/terms/"><channel rdf:about="x"><title>T</title><link>https://x.example/</link></channel><item rdf:about="https://x.example/1"><title>A</title><link>https://x.example/1</link><description>Body.</description><dcterms:available>2026-12-06T15:00:00Z</dcterms:available></item></rdf:RDF>`;
    const parsed = await parseDocument(bytes(rdf));
    expect(parsed.format).toBe('rdf');
    expect(parsed.items[0]?.embargoed).toBe('2026-12-06T15:00:00Z');
  });

  it('reads the _syndicate extension of a JSON Feed item, and no other', async () => {
    const feed = await parseDocument(bytes(JSON_FEED));
    expect(feed.items.map((item) => item.embargoed)).toEqual(['2026-12-06T17:00:00Z', undefined]);
  });
});

describe('embargoes on the envelope', () => {
  it('are recorded as ISO dates in UTC', async () => {
    const rss = await normalize(RSS);
    expect(rss.envelopes.map((e) => e.item.embargoed)).toEqual(['2026-12-06T14:00:00.000Z', undefined]);
    const past = await normalize(ninjs({ embargoedUntil: '2020-01-01T00:00:00Z' }));
    // A past one is kept: whether it still holds is publish's to decide, against its clock.
    expect(past.envelopes[0]?.item.embargoed).toBe('2020-01-01T00:00:00.000Z');
  });

  it('leave out one that is not a date, keep the item, and report it', async () => {
    const result = await normalize(ninjs({ embargoedUntil: 'when the minister speaks' }));
    expect(result.envelopes).toHaveLength(1);
    expect(result.envelopes[0]?.item.embargoed).toBeUndefined();
    expect(result.unreadEmbargoes).toEqual([{ index: 0, value: 'when the minister speaks' }]);
    expect((await normalize(ninjs({}))).unreadEmbargoes).toBeUndefined();
  });
});
