import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../lambdas/normalize/parse/index.ts';
import { feedFixture, utf8 } from './fixtures.ts';

describe('Atom reading', () => {
  it('reads feed metadata: xhtml title unwrapped, subtitle, rights, generator, language, licence', async () => {
    const parsed = await parseDocument(feedFixture('atom-xhtml.xml'));
    expect(parsed.format).toBe('atom');
    expect(parsed.feed).toEqual({
      title: 'The <em>Atom</em> Desk',
      link: 'https://atom.example.com/',
      description: '<b>Bold</b> reporting',
      language: 'en',
      copyright: '© 2026 Atom Desk Ltd',
      generator: 'GenTool',
      license: 'https://creativecommons.org/licenses/by/4.0/',
    });
  });

  it('unwraps the XHTML div of titles and content but keeps their markup', async () => {
    const [entry] = (await parseDocument(feedFixture('atom-xhtml.xml'))).items;
    expect(entry?.title).toEqual({ value: 'Markets <strong>rally</strong> again', type: 'html' });
    expect(entry?.content?.type).toBe('html');
    expect(entry?.content?.value).toBe(
      '<p>Shares rose <a href="chart.html">see chart</a>.</p><img src="chart.png" alt="chart" />',
    );
  });

  it('resolves links through nested xml:base and gives the content its own base', async () => {
    const [entry] = (await parseDocument(feedFixture('atom-xhtml.xml'))).items;
    expect(entry?.link).toBe('https://atom.example.com/news/2026/03/markets-rally');
    expect(entry?.baseUrl).toBe('https://cdn.example.com/img/');
  });

  it('reads ids, dates as written, authors, categories and language', async () => {
    const [entry] = (await parseDocument(feedFixture('atom-xhtml.xml'))).items;
    expect(entry).toMatchObject({
      guid: 'tag:atom.example.com,2026:1',
      published: '2026-03-02T09:00:00+02:00',
      updated: '2026-03-02T10:00:00Z',
      authors: ['Jo Writer'],
      categories: ['Markets'],
      language: 'en',
      summary: { value: 'Stocks <em>rose</em> sharply.', type: 'html' },
    });
  });

  it('keeps text after a child element of a text summary, and keeps an invalid date for normalize to judge', async () => {
    const parsed = await parseDocument(feedFixture('atom-xhtml.xml'));
    expect(parsed.items).toHaveLength(2);
    expect(parsed.items[1]?.summary?.value).toBe('Before <b>middle</b> after the child element');
    expect(parsed.items[1]?.updated).toBe('31 Feb 2026 10:00:00 GMT');
  });

  it('reads Atom 0.3: tagline, copyright, issued/modified, escaped and base64 content', async () => {
    const parsed = await parseDocument(feedFixture('atom-03.xml'));
    expect(parsed.feed).toMatchObject({
      title: 'Legacy Atom',
      description: 'An Atom 0.3 feed',
      copyright: 'Legacy Co',
      link: 'https://legacy.example.com/',
    });
    expect(parsed.items[0]).toMatchObject({
      published: '2004-01-01T10:00:00-05:00',
      updated: '2004-01-01T16:00:00Z',
      content: { value: '<p>Escaped HTML content</p>', type: 'html' },
      summary: { value: 'Summary in base64', type: 'text' },
    });
  });

  it('reads Atom under a prefix, and under a namespace its producer invented', async () => {
    const prefixed =
      '<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>Prefixed</a:title><a:entry><a:title>E</a:title></a:entry></a:feed>';
    const invented = '<feed xmlns="http://example.com/newformat#"><title>Invented</title></feed>';
    expect((await parseDocument(utf8(prefixed))).items[0]?.title?.value).toBe('E');
    expect((await parseDocument(utf8(invented))).feed?.title).toBe('Invented');
  });

  it('skips binary base64 content instead of producing garbage', async () => {
    const xml =
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>t</title><content type="image/png">iVBORw0KGgoAAAANSUhEUgAA//8=</content></entry></feed>';
    const parsed = await parseDocument(utf8(xml));
    expect(parsed.items[0]?.content).toBeUndefined();
    expect(parsed.items[0]?.title?.value).toBe('t');
  });
});
