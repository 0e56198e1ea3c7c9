import { describe, expect, it } from 'vitest';
import { normalizeDocument } from '../../../lambdas/normalize/document.ts';
import { parseDocument } from '../../../lambdas/normalize/parse/index.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

const ATOM_WITH_TOMBSTONES = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:at="http://purl.org/atompub/tombstones/1.0">
  <title>Lakeshore Ledger</title>
  <id>tag:lakeshore.example,2026:feed</id>
  <updated>2026-03-02T12:00:00Z</updated>
  <entry>
    <id>tag:lakeshore.example,2026:harbor-2</id>
    <title>Harbor board meets again</title>
    <updated>2026-03-02T12:00:00Z</updated>
    <content type="text">The board met again on Wednesday.</content>
  </entry>
  <at:deleted-entry ref="tag:lakeshore.example,2026:harbor-1" when="2026-03-02T11:00:00Z">
    <at:comment>Sent in error.</at:comment>
  </at:deleted-entry>
  <at:deleted-entry when="2026-03-02T11:05:00Z"/>
  <deleted-entry ref="tag:lakeshore.example,2026:not-a-tombstone"/>
</feed>`;

const RSS_WITH_TOMBSTONE = `<?xml version="1.0"?>
<rss version="2.0" xmlns:at="http://purl.org/atompub/tombstones/1.0"><channel>
  <title>Rivertown</title><link>https://rivertown.example/</link>
  <item><guid>rt-2</guid><title>Other news</title><description>Text.</description></item>
  <at:deleted-entry ref="rt-1" when="2026-03-02T11:00:00Z"/>
</channel></rss>`;

describe('kills and withdrawals as documents give them', () => {
  it('reads RFC 6721 tombstones in an Atom feed as kills of the entries they name, after the entries', async () => {
    const parsed = await parseDocument(bytes(ATOM_WITH_TOMBSTONES));
    expect(parsed.items).toHaveLength(2);
    expect(parsed.items[0]).toMatchObject({ guid: 'tag:lakeshore.example,2026:harbor-2', position: 0 });
    expect(parsed.items[0]?.pubStatus).toBeUndefined();
    // A tombstone without ref names nothing; one outside the tombstones namespace is no tombstone.
    expect(parsed.items[1]).toMatchObject({
      guid: 'tag:lakeshore.example,2026:harbor-1',
      pubStatus: 'canceled',
      updated: '2026-03-02T11:00:00Z',
      content: { value: 'Sent in error.', type: 'text' },
      position: 1,
    });
  });

  it('reads the same tombstone element inside an RSS channel, its ref the item’s guid', async () => {
    const parsed = await parseDocument(bytes(RSS_WITH_TOMBSTONE));
    expect(parsed.items.map((i) => [i.guid, i.pubStatus])).toEqual([
      ['rt-2', undefined],
      ['rt-1', 'canceled'],
    ]);
  });

  it('reads ninjs pubStatus canceled and withheld, and a 1.x pubstatus, with no headline or body needed', async () => {
    for (const [key, status] of [
      ['pubStatus', 'canceled'],
      ['pubStatus', 'withheld'],
      ['pubstatus', 'canceled'],
    ] as const) {
      const parsed = await parseDocument(bytes(JSON.stringify({ uri: 'urn:x:1', [key]: status })));
      expect(parsed.format).toBe('ninjs');
      expect(parsed.items[0]).toMatchObject({ guid: 'urn:x:1', pubStatus: status });
    }
  });

  it('takes a usable ninjs item as an ordinary item and still refuses one with nothing in it', async () => {
    const usable = await parseDocument(
      bytes(JSON.stringify({ uri: 'urn:x:2', pubStatus: 'usable', headlines: [{ value: 'A headline' }] })),
    );
    expect(usable.items[0]?.pubStatus).toBeUndefined();
    await expect(
      parseDocument(bytes(JSON.stringify({ uri: 'urn:x:3', pubStatus: 'usable', headlines: [] }))),
    ).rejects.toThrow(/neither a headline nor a body/);
  });

  it('normalizes a kill with no text into an envelope carrying its pubStatus and the identity it names', async () => {
    const key = `incoming/lakeshore/${'c'.repeat(64)}`;
    const normalized = await normalizeDocument(
      {
        bytes: bytes(JSON.stringify({ uri: 'urn:x:1', pubStatus: 'withheld' })),
        outlet: 'lakeshore',
        bucket: 'raw',
        key,
        ingestionId: `${key}@1`,
        receivedAt: '2026-03-02T12:00:00.000Z',
      },
      'c'.repeat(64),
    );
    expect(normalized.itemErrors).toEqual([]);
    expect(normalized.envelopes[0]?.item).toMatchObject({ identity: 'guid:urn:x:1', pubStatus: 'withheld' });
  });
});
