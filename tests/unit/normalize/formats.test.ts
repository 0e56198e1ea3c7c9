import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeDocument } from '../../../lambdas/normalize/document.ts';
import type { NormalizedItem } from '../../../lambdas/shared/envelope.ts';
import { sha256Hex } from '../../../lambdas/shared/hash.ts';
import { processOffline } from '../../../local/offline.ts';
import { PROJECT_ROOT, SEED_ARTICLE } from '../../support/paths.ts';

const SEED_FORMATS = `${PROJECT_ROOT}fixtures/normalize/seed/`;
const RECEIVED_AT = '2024-05-01T12:00:00.000Z';
/** The seed article as outlets send it: the same words in every format we read. */
const FORMATS = ['rss-content-encoded.xml', 'atom-html.xml', 'atom-xhtml.xml', 'jsonfeed.json'];

async function normalized(path: string): Promise<NormalizedItem> {
  const bytes = readFileSync(path);
  const result = await normalizeDocument(
    { bytes, outlet: 'patriotwise', bucket: 'b', key: 'k', ingestionId: 'i', receivedAt: RECEIVED_AT },
    sha256Hex(bytes),
  );
  expect(result.itemErrors).toEqual([]);
  expect(result.envelopes).toHaveLength(1);
  return (result.envelopes[0] as { item: NormalizedItem }).item;
}

/** The seed's own paragraphs, read straight from the file: what every format must come to. */
function seedParagraphs(): string[] {
  const [, ...rest] = readFileSync(SEED_ARTICLE, 'utf8').split('\n');
  return (
    rest
      .join('\n')
      .split(/\n\s*\n/)
      // Whitespace is collapsed in every field (the seed has a no-break space in its lead).
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter((p) => p.length > 0)
  );
}

describe('the seed article', () => {
  it('comes out exactly right as plain text', async () => {
    const item = await normalized(SEED_ARTICLE);
    const source = seedParagraphs();
    expect(item.headline).toBe('Kremlin Tells Top Officials They Cannot Resign');
    expect(item.bodyText.startsWith('The Kremlin has told senior officials')).toBe(true);
    expect(item.bodyText.split('\n\n')).toHaveLength(6);
    expect(item.bodyText).toBe(
      [source[0]?.replace('(PatriotWise.com) — ', ''), ...source.slice(1, -1)].join('\n\n'),
    );
    expect(item.bodyText).not.toMatch(/PatriotWise|Copyright/);
    expect(item.bodyHtml).not.toMatch(/PatriotWise|Copyright/);
    expect(item.notices).toEqual(['Copyright 2023, PatriotWise.com']);
    expect(item.dateline?.credit).toBe('PatriotWise.com');
    expect(item.dateline?.place).toBeUndefined();
  });

  it.each(FORMATS)('gives the same plain-text body, furniture and headline as %s', async (file) => {
    const text = await normalized(SEED_ARTICLE);
    const item = await normalized(`${SEED_FORMATS}${file}`);
    expect(item.bodyText).toBe(text.bodyText);
    expect(item.headline).toBe(text.headline);
    expect(item.notices).toEqual(text.notices);
    expect(item.dateline).toEqual(text.dateline);
    // Lifting the furniture kept the outlet's markup: the link survives, made absolute and untracked.
    expect(item.bodyHtml).toContain(
      '<a href="https://patriotwise.example/2023/kremlin-resign" rel="noopener noreferrer">',
    );
    expect(item.bodyHtml).not.toMatch(/PatriotWise\.com|Copyright|utm_/);
  });

  it.each(FORMATS)('publishes equal text bodies and counts from %s', async (file) => {
    const plain = await processOffline(readFileSync(SEED_ARTICLE), { receivedAt: RECEIVED_AT });
    const other = await processOffline(readFileSync(`${SEED_FORMATS}${file}`), { receivedAt: RECEIVED_AT });
    const textBody = (doc: Record<string, unknown> | undefined) =>
      (doc?.bodies as { contentType: string }[] | undefined)?.find((b) => b.contentType === 'text/plain');
    expect(textBody(other.items[0])).toEqual(textBody(plain.items[0]));
    expect(textBody(plain.items[0])).toMatchObject({
      wordCount: expect.any(Number),
      charCount: expect.any(Number),
    });
  });
});
