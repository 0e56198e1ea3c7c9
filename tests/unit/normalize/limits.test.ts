import { describe, expect, it } from 'vitest';
import { MAX_ITEMS_PER_DOCUMENT, normalizeDocument } from '../../../lambdas/normalize/document.ts';
import { decodeDocument } from '../../../lambdas/normalize/parse/decode.ts';
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
