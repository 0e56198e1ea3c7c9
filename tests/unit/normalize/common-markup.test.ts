import { describe, expect, it } from 'vitest';
import { realFeedsCorpus } from '../../../bench/real-feeds-corpus.ts';
import { sanitizeCommon } from '../../../lambdas/normalize/common-markup.ts';
import { sanitizeWithLibrary } from '../../../lambdas/normalize/html.ts';
import { parseDocument } from '../../../lambdas/normalize/parse/index.ts';

const BASE = 'https://base.example/news/';

/** Markup the fast path must write exactly as sanitize-html does, or leave to it. */
const CASES = [
  '<p>See <a href="https://a.example/x?id=1&amp;page=2&amp;utm_source=rss&amp;fbclid=z">the list</a> &amp; more.</p>',
  '<p><img src="/i.jpg?w=1&amp;q=80" alt="A &quot;quoted&quot; caption &amp; more" width="1200" height="800"></p>',
  '<ul><li><a href="../rel/a">one</a><br>two<br/>three<br />four</li></ul>',
  '<p><img alt="x" src="https://a.example/i.jpg"/></p><p><img src="https://a.example/i.jpg" title="t" /></p>',
  '  <p>Padded <a href="https://a.example/#frag">link</a></p>\n',
  '<p><a href="javascript:alert(1)">script</a></p>',
  '<p><a href=" https://a.example/spaced ">spaced</a></p>',
  '<p><a href="mailto:a@b.example">mail</a></p>',
  '<p><a href="https://www.facebook.com/sharer/sharer.php?u=x">share</a></p>',
  '<p><a href="https://a.example/" rel="license">licence</a></p>',
  '<p><a href="https://a.example/" title="t">titled</a></p>',
  '<p><a href="https://a.example/1"><a href="https://a.example/2">nested</a></a></p>',
  '<p><a>no href</a></p>',
  '<p><a href="">empty</a></p>',
  '<p><img src="https://a.example/p.gif" width="1" height="1"></p>',
  '<p><img src="data:image/png;base64,AAAA" alt="d"></p>',
  '<p><img alt="" src="https://a.example/i.jpg"></p>',
  '<p><img src="https://a.example/i.jpg" onerror="alert(1)"></p>',
  '<p><img src="https://a.example/i.jpg"></img></p>',
  '<p><IMG SRC="https://a.example/i.jpg"></p>',
  "<p><a href='https://a.example/'>single quotes</a></p>",
  '<p><a href="https://a.example/?a=&lt;b&gt;">entities</a></p>',
  '<p><a href="https://a.example/?a=&nbsp;">nbsp</a></p>',
  '<p>a > b <a href="https://a.example/">x</a></p>',
  '<p>unclosed <a href="https://a.example/">x</p>',
  '<p>one<p>two <a href="https://a.example/">x</a></p></p>',
  '<script>alert(1)</script><p><a href="https://a.example/">x</a></p>',
  '<p><a href="https://ü.example/ä?x=ö y">idn</a> café</p>',
  '<br><br/>',
  '<p><br class="x"></p>',
];

describe('common markup, written as the sanitizer writes it', () => {
  it.each(CASES)('gives the library’s answer or declines: %j', (html) => {
    const fast = sanitizeCommon(html, BASE);
    if (fast !== undefined) expect(fast).toBe(sanitizeWithLibrary(html, BASE).html);
  });

  it('takes the common cases itself', () => {
    for (const html of CASES.slice(0, 5)) expect(sanitizeCommon(html, BASE), html).toBeDefined();
    for (const html of CASES.slice(5)) {
      if (sanitizeCommon(html, BASE) !== undefined) {
        expect(html).toMatch(/spaced|idn|entities|<br><br\/>/);
      }
    }
  });

  it('declines a link it cannot resolve and every script URL', () => {
    expect(sanitizeCommon('<p><a href="/x">x</a></p>', undefined)).toBeUndefined();
    expect(sanitizeCommon('<p><a href="javascript:alert(1)">x</a></p>', BASE)).toBeUndefined();
    expect(sanitizeCommon('<p><img src="javascript:alert(1)"></p>', BASE)).toBeUndefined();
  });

  it('matches the library on every body of the real-feed corpus', async () => {
    let taken = 0;
    let bodies = 0;
    for (const file of realFeedsCorpus(32 * 1024)) {
      const parsed = await parseDocument(file.bytes);
      for (const item of parsed.items) {
        for (const text of [item.content, item.summary]) {
          if (text?.type !== 'html') continue;
          bodies++;
          const fast = sanitizeCommon(text.value, item.baseUrl);
          if (fast === undefined) continue;
          taken++;
          expect(fast).toBe(sanitizeWithLibrary(text.value, item.baseUrl).html);
        }
      }
    }
    expect(taken).toBeGreaterThan(bodies / 2);
  });
});
