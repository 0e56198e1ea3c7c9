import { describe, expect, it } from 'vitest';
import { ALT_ID_ROLES, type NinjsDocument } from '../../../lambdas/publish/ninjs.ts';
import { processOffline } from '../../../local/offline.ts';
import { utf8 } from './fixtures.ts';

const guidOf = (item: NinjsDocument | undefined) =>
  (item?.altIds as Array<{ role: string; value: string }> | undefined)?.find(
    (a) => a.role === ALT_ID_ROLES.guid,
  )?.value;

const FEED = `<rss version="2.0"><channel><title>Split</title><link>https://split.example/</link>
<item><guid isPermaLink="false">one</guid><title>First story</title><description>Body one.</description><pubDate>not a date</pubDate></item>
<item><guid isPermaLink="false">empty</guid></item>
<item><guid isPermaLink="false">three</guid><title>Third story</title><description>Body three.</description></item>
</channel></rss>`;

describe('one document becomes N items', () => {
  it('keeps the good items when one is empty, and reports the empty one with its reason', async () => {
    const result = await processOffline(utf8(FEED), { receivedAt: '2026-03-03T00:00:00.000Z' });
    expect(result.items.map(guidOf)).toEqual(['one', 'three']);
    expect(result.itemErrors).toHaveLength(1);
    expect(result.itemErrors[0]?.index).toBe(1);
    expect(result.itemErrors[0]?.reason).toMatch(/headline|body/);
  });

  it('does not let a bad date reject the feed: the item falls back to receipt time', async () => {
    const result = await processOffline(utf8(FEED), { receivedAt: '2026-03-03T00:00:00.000Z' });
    expect(result.items[0]?.contentCreated).toBe('2026-03-03T00:00:00.000Z');
  });

  it('gives each item the same identity every time the document is read', async () => {
    const first = await processOffline(utf8(FEED));
    const second = await processOffline(utf8(FEED));
    expect(second.items.map((i) => i.uri)).toEqual(first.items.map((i) => i.uri));
    expect(new Set(first.items.map((i) => i.uri)).size).toBe(first.items.length);
  });
});
