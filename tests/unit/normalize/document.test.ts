import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanFeedMeta, normalizeDocument } from '../../../lambdas/normalize/document.ts';
import { sha256Hex } from '../../../lambdas/shared/hash.ts';
import { PROJECT_ROOT } from '../../support/paths.ts';

const HOSTILE = `${PROJECT_ROOT}fixtures/normalize/hostile-feed.xml`;

async function normalizeFile(path: string) {
  return normalizeBytes(readFileSync(path));
}

async function normalizeBytes(bytes: Uint8Array) {
  return normalizeDocument(
    {
      bytes,
      outlet: 'daily',
      bucket: 'b',
      key: 'k',
      ingestionId: 'i',
      receivedAt: '2024-05-01T12:00:00.000Z',
    },
    sha256Hex(bytes),
  );
}

describe('normalizeDocument', () => {
  it('cleans the feed metadata that travels with every item', async () => {
    const { document } = await normalizeFile(HOSTILE);
    expect(document.feed).toEqual({
      title: 'Daily News',
      link: 'https://news.example/',
      description: 'All the news',
      copyright: '© 2024 Daily News',
    });
  });

  it('keeps image-only items, sanitized, and reports items with nothing left', async () => {
    const { envelopes, itemErrors } = await normalizeFile(HOSTILE);
    expect(envelopes.map((e) => e.item.bodyHtml)).toEqual([
      '<img alt="The day" src="https://news.example/pictures/day.jpg">',
      '<img alt="" src="https://news.example/pictures/only.jpg">',
    ]);
    expect(envelopes[0]?.item.url).toBe('https://news.example/picture');
    expect(itemErrors).toEqual([{ index: 2, reason: 'item has neither a headline nor a body' }]);
  });
});

describe('cleanFeedMeta', () => {
  it('keeps only http(s) links and BCP 47 languages, and text without hidden characters', () => {
    expect(
      cleanFeedMeta({
        title: 'News\u202E',
        link: 'javascript:alert(1)',
        language: 'EN_gb',
        generator: 'Gen\u0000',
        license: '/license',
      }),
    ).toEqual({ title: 'News', language: 'en-GB', generator: 'Gen' });
    expect(cleanFeedMeta({ link: 'https://a.example/x/', license: '../by/4.0/' })).toEqual({
      link: 'https://a.example/x/',
      license: 'https://a.example/by/4.0/',
    });
  });

  it('detects the language of items that declare none, and keeps those that do', async () => {
    const german =
      'Der Kreml hat hochrangigen Beamten mitgeteilt, dass es ihnen untersagt ist, von ihren Ämtern zurückzutreten.';
    const feed = `<rss version="2.0"><channel><title>T</title>
      <item><guid>1</guid><title>Kreml</title><description>${german}</description></item>
      <item><guid>2</guid><title>Kreml</title><description>${german}</description><dc:language xmlns:dc="http://purl.org/dc/elements/1.1/">fr</dc:language></item>
    </channel></rss>`;
    const { envelopes } = await normalizeBytes(Buffer.from(feed));
    expect(envelopes.map((e) => e.item.language)).toEqual(['de', 'fr']);
  });
});
