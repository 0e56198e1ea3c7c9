import { describe, expect, it } from 'vitest';
import { sameLink, sameText } from './compare.ts';
import { pythonString, readHeader, translate } from './expect.ts';

describe('translating feedparser Expect expressions', () => {
  it('translates a conjunction of bozo, feed and entry clauses', () => {
    expect(
      translate(
        `not bozo and feed['title_detail']['value'] == 'T' and entries[0]['content'][0]['value'] == "<p>x</p>"`,
      ),
    ).toEqual([
      { kind: 'not-bozo' },
      { kind: 'feed', field: 'title', expected: 'T' },
      { kind: 'entry', field: 'content', expected: '<p>x</p>' },
    ]);
  });

  it('turns a struct_time into a UTC instant', () => {
    expect(translate(`entries[0]['updated_parsed'] == (2003, 12, 31, 10, 14, 55, 2, 365, 0)`)).toEqual([
      { kind: 'entry', field: 'updated', expected: '2003-12-31T10:14:55.000Z' },
    ]);
  });

  it('leaves forms it does not know untranslated rather than guessing', () => {
    expect(translate(`not bozo and feed['author_detail']['email'] == 'me@example.com'`)).toBeUndefined();
    expect(translate(`not bozo and encoding == 'utf-8'`)).toBeUndefined();
    expect(translate(`entries[0]['link'] == entries[1]['link'] == 'x'`)).toBeUndefined();
  });

  it('decodes Python string escapes and triple quotes', () => {
    expect(pythonString(String.raw`'caf\xe9 \u2019 \'q\''`)).toBe("café ’ 'q'");
    expect(pythonString(`"""a "b" c"""`)).toBe('a "b" c');
  });

  it('reads the Expect and an HTTP Content-Type from the header comment', () => {
    const header = readHeader(
      '<!--\nHeader: Content-type: text/xml; charset=utf-8\nDescription: d\nExpect: not bozo\n-->\n<rss/>',
    );
    expect(header).toEqual({ description: 'd', expect: 'not bozo', contentType: 'text/xml; charset=utf-8' });
  });

  it('compares text by what a reader sees and links after canonicalisation', () => {
    expect(sameText('<p>Example <b>content</b></p>', 'Example content')).toBe(true);
    expect(sameText('Example content', 'Other content')).toBe(false);
    expect(sameLink('http://example.com/a#frag', 'http://example.com/a')).toBe(true);
    expect(sameLink('http://example.com/a', 'http://example.com/b')).toBe(false);
  });
});
