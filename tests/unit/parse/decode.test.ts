import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../lambdas/normalize/parse/index.ts';
import { RejectedDocumentError } from '../../../lambdas/shared/errors.ts';
import { decodeDocument } from '../../../lambdas/shared/format/decode.ts';
import { feedFixture } from './fixtures.ts';

const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

describe('decodeDocument', () => {
  it('honours the XML declaration (windows-1251)', async () => {
    const parsed = await parseDocument(feedFixture('windows-1251.xml'));
    expect(parsed.feed?.title).toBe('Новости');
    expect(parsed.items[0]?.summary?.value).toBe('Москва, среда');
  });

  it('reads UTF-16 with a BOM', async () => {
    const parsed = await parseDocument(feedFixture('utf-16le-bom.xml'));
    expect(parsed.feed?.title).toBe('Zürich News');
    expect(parsed.items[0]?.title?.value).toBe('Grüezi');
  });

  it('reads UTF-16 without a BOM from the shape of "<?xml"', () => {
    const text = '<?xml version="1.0"?><rss/>';
    const bytes = new Uint8Array(Buffer.from(text, 'utf16le'));
    expect(decodeDocument(bytes)).toBe(text);
  });

  it('reads UTF-32 (which TextDecoder lacks), big- and little-endian', () => {
    const text = '<rss>ü€</rss>';
    const be = new Uint8Array(text.length * 4 + 4);
    const le = new Uint8Array(text.length * 4);
    const beView = new DataView(be.buffer);
    const leView = new DataView(le.buffer);
    beView.setUint32(0, 0xfeff);
    [...text].forEach((c, i) => {
      beView.setUint32(4 + i * 4, c.codePointAt(0) ?? 0);
      leView.setUint32(i * 4, c.codePointAt(0) ?? 0, true);
    });
    expect(decodeDocument(be)).toBe(text);
    expect(decodeDocument(le)).toBe(text);
  });

  it('lets the Content-Type charset override the declaration', () => {
    const bytes = latin1('<?xml version="1.0" encoding="utf-8"?><t>caf\u00e9</t>');
    expect(decodeDocument(bytes, 'application/rss+xml; charset="iso-8859-1"')).toContain('café');
  });

  it('reads undeclared bytes that are not UTF-8 as windows-1252, curly quotes included', () => {
    expect(decodeDocument(latin1('<t>\u0093quoted\u0094 \u00a3 don\u0092t</t>'))).toBe(
      '<t>“quoted” £ don’t</t>',
    );
  });

  it('turns C1 controls into the windows-1252 punctuation they stand for', () => {
    expect(decodeDocument(new TextEncoder().encode('don\u0092t'))).toBe('don’t');
  });

  it('rejects binary data with a typed reason', () => {
    expect(() => decodeDocument(Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x00, 0x00))).toThrow(
      RejectedDocumentError,
    );
  });
});
