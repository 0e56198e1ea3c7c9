import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../lambdas/normalize/parse/index.ts';
import { stripDoctype } from '../../../lambdas/shared/format/dtd.ts';
import { utf8 } from './fixtures.ts';

const feed = (doctype: string, title: string) =>
  utf8(
    `<?xml version="1.0"?>\n${doctype}\n<rss version="2.0"><channel><title>${title}</title></channel></rss>`,
  );

describe('DOCTYPE handling', () => {
  it('expands an internal entity whose value is plain text', async () => {
    const parsed = await parseDocument(
      feed('<!DOCTYPE rss [<!ENTITY site "Example News">]>', '&site; today'),
    );
    expect(parsed.feed?.title).toBe('Example News today');
  });

  it('never resolves an external entity (no XXE)', async () => {
    const parsed = await parseDocument(
      feed('<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', 'leak: &xxe;'),
    );
    expect(parsed.feed?.title).toBe('leak: &xxe;');
  });

  it('does not expand nested entities, so "billion laughs" stays small', async () => {
    const lol = [
      '<!ENTITY lol "lol">',
      ...Array.from(
        { length: 9 },
        (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`,
      ),
    ].join('');
    const parsed = await parseDocument(feed(`<!DOCTYPE rss [${lol}]>`, '&lol9;'));
    expect(parsed.feed?.title).toBe('&lol9;');
    expect(stripDoctype(`<!DOCTYPE r [${lol}]><r>&lol9;</r>`).ignored).toHaveLength(9);
  });

  it('ignores parameter entities and external DTDs', () => {
    const result = stripDoctype(
      '<!DOCTYPE rdf:RDF [<!ENTITY % HTMLlat1 PUBLIC "-//W3C//ENTITIES Latin 1//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml-lat1.ent">%HTMLlat1;]><r/>',
    );
    expect(result.text).toBe('<r/>');
    expect(result.ignored).toEqual(['HTMLlat1']);
  });

  it('looks for the DOCTYPE only in the prolog, not inside a comment or the content', () => {
    const text = '<!-- mentions <!DOCTYPE x> --><r><![CDATA[ <!DOCTYPE ]]></r>';
    expect(stripDoctype(text).text).toBe(text);
  });

  it('caps how much substitution may grow a document', () => {
    const value = 'x'.repeat(1000);
    const body = '&big;'.repeat(3000);
    const result = stripDoctype(`<!DOCTYPE r [<!ENTITY big "${value}">]><r>${body}</r>`);
    expect(result.text.length).toBeLessThan(1024 * 1024 + body.length + 10);
    expect(result.text).toContain('&big;');
  });
});

describe('character references', () => {
  it('decodes HTML and numeric references but leaves bare ampersands in URLs alone', async () => {
    const xml =
      '<rss><channel><title>caf&eacute; &#8217; &#x2014; AT&T</title><link>http://x.example/?a=1&copy=2&amp;b=3</link></channel></rss>';
    const parsed = await parseDocument(utf8(xml));
    expect(parsed.feed?.title).toBe('café ’ — AT&T');
    expect(parsed.feed?.link).toBe('http://x.example/?a=1&copy=2&b=3');
  });
});
