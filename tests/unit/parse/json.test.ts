import { describe, expect, it, vi } from 'vitest';
import { parseDocument } from '../../../lambdas/normalize/parse/index.ts';
import { RejectedDocumentError } from '../../../lambdas/shared/errors.ts';
import { feedFixture, utf8 } from './fixtures.ts';

describe('JSON Feed and ninjs reading', () => {
  it('reads JSON Feed 1.0, reports the broken item and keeps the others', async () => {
    const parsed = await parseDocument(feedFixture('jsonfeed-10.json'));
    expect(parsed.format).toBe('jsonfeed');
    expect(parsed.feed).toMatchObject({ title: 'JSON One', link: 'https://json.example.com/' });
    expect(parsed.items.map((i) => i.guid)).toEqual(['1', '3']);
    expect(parsed.items[0]?.authors).toEqual(['Feed Author']);
    expect(parsed.items[1]).toMatchObject({
      content: { value: 'Text only body', type: 'text' },
      summary: { value: 'Short', type: 'text' },
    });
    expect(parsed.itemErrors).toEqual([{ index: 1, reason: 'item is not an object' }]);
  });

  it('reads JSON Feed 1.1: authors list, item language, modified date, tags', async () => {
    const parsed = await parseDocument(feedFixture('jsonfeed-11.json'));
    expect(parsed.feed?.language).toBe('fr');
    expect(parsed.items[0]).toMatchObject({
      link: '/a',
      baseUrl: 'https://json11.example.com/',
      authors: ['Claire'],
      language: 'fr-CA',
      updated: '2026-03-02T10:00:00+01:00',
      categories: ['monde'],
    });
  });

  it('reads a ninjs 1.x document (headline, body_html, byline)', async () => {
    const parsed = await parseDocument(feedFixture('ninjs-1.json'));
    expect(parsed.format).toBe('ninjs');
    expect(parsed.items[0]).toMatchObject({
      guid: 'urn:example:ninjs1:42',
      title: { value: 'Old ninjs headline', type: 'text' },
      content: { value: '<p>Old ninjs body</p>', type: 'html' },
      authors: ['By Old Reporter'],
      updated: '2026-03-01T10:00:00Z',
    });
  });

  it('reads a ninjs 3.x document (headlines, bodies, camelCase dates)', async () => {
    const doc = {
      uri: 'urn:x:1',
      headlines: [{ value: 'Three' }],
      bodies: [{ contentType: 'text/plain', value: 'Plain body' }],
      firstCreated: '2026-03-01T10:00:00Z',
      copyrightNotice: '© X',
    };
    const parsed = await parseDocument(utf8(JSON.stringify(doc)));
    expect(parsed.items[0]).toMatchObject({
      title: { value: 'Three' },
      content: { value: 'Plain body', type: 'text' },
      published: '2026-03-01T10:00:00Z',
      rights: '© X',
    });
  });

  it('rejects JSON that is neither, with a typed reason', async () => {
    await expect(parseDocument(utf8('{"hello": "world"}'))).rejects.toBeInstanceOf(RejectedDocumentError);
    await expect(parseDocument(utf8('{"uri": "u", "headline": ""}'))).rejects.toThrow(
      /neither a headline nor a body/,
    );
  });

  it('parses the document once: detecting the format hands its JSON on', async () => {
    const parse = vi.spyOn(JSON, 'parse');
    try {
      await parseDocument(feedFixture('jsonfeed-11.json'));
      await parseDocument(utf8('{"uri": "u", "headline": "One"}'));
      expect(parse).toHaveBeenCalledTimes(2);
    } finally {
      parse.mockRestore();
    }
  });

  it('refuses JSON of more values than it can hold, before parsing it, with a typed reason', async () => {
    const empties = `{"version":"https://jsonfeed.org/version/1.1","items":[${'{},'.repeat(600_000)}{}]}`;
    const attempt = parseDocument(utf8(empties));
    await expect(attempt).rejects.toBeInstanceOf(RejectedDocumentError);
    await expect(attempt).rejects.toMatchObject({ code: 'too-many-values' });
    // Longer still, but of fewer values: read (its items capped as ever).
    const few = `{"version":"https://jsonfeed.org/version/1.1","items":[${'{"title":"a title of some length, no more"},'.repeat(100_000)}{}]}`;
    expect((await parseDocument(utf8(few))).items).toHaveLength(5_000);
  });
});
