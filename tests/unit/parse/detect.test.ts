import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../lambdas/normalize/parse/index.ts';
import { RejectedDocumentError } from '../../../lambdas/shared/errors.ts';
import { utf8 } from './fixtures.ts';

describe('format detection from the bytes', () => {
  it.each([
    ['<?xml version="1.0"?><!-- c --><rss><channel><title>x</title></channel></rss>', 'rss'],
    [
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><item><title>x</title></item></rdf:RDF>',
      'rdf',
    ],
    ['<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>', 'atom'],
    ['{"version":"https://jsonfeed.org/version/1.1","items":[]}', 'jsonfeed'],
    ['Headline here\n\nBody paragraph.', 'article'],
  ])('detects %s as %s', async (text, format) => {
    expect((await parseDocument(utf8(text))).format).toBe(format);
  });

  it.each([
    ['<!DOCTYPE html><html><body>page</body></html>', /HTML page/],
    ['<svg xmlns="http://www.w3.org/2000/svg"/>', /not RSS, RDF or Atom/],
    ['   ', /empty/],
  ])('rejects %s with a clear reason', async (text, reason) => {
    const attempt = parseDocument(utf8(text));
    await expect(attempt).rejects.toBeInstanceOf(RejectedDocumentError);
    await expect(attempt).rejects.toThrow(reason);
  });
});

describe('finding the root element', () => {
  it('looks past a long prolog (comments, DOCTYPE) however long', async () => {
    const prolog = `<?xml version="1.0"?>\n<!-- ${'x'.repeat(10_000)} -->\n<!DOCTYPE rss [<!ENTITY a "b">]>\n<!-- c -->\n`;
    const parsed = await parseDocument(utf8(`${prolog}<rss><channel><title>&a;</title></channel></rss>`));
    expect(parsed.format).toBe('rss');
    expect(parsed.feed?.title).toBe('b');
  });
});
