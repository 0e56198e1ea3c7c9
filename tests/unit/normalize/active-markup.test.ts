import { describe, expect, it } from 'vitest';
import {
  plainInline,
  plainParagraphs,
  withoutActiveMarkup,
} from '../../../lambdas/normalize/active-markup.ts';
import { processOffline } from '../../../local/offline.ts';

const SCRIPT = '<script>alert(1)</script>';

describe('withoutActiveMarkup: text with angle brackets that cannot run is left exactly as written', () => {
  it.each([
    'x < y and y > z',
    'I <3 this',
    'the <canvas> element',
    'if a<b and c>d then',
    'Write to <editor@news.example> or <https://news.example/tips>',
    '<b>bold</b> and <i>italic</i> stay literal text',
    '<a href="https://news.example/">a link</a>',
    '<img src="https://news.example/a.png" alt="x">',
    '<!-- a comment --> & AT&T',
    'Tom & Jerry <3 >_< <<>> </>',
    '<p title="a < b">unclosed',
  ])('%s', (text) => {
    expect(withoutActiveMarkup(text)).toBe(text);
  });
});

describe('withoutActiveMarkup: tags that could run script are removed, the text around them kept', () => {
  it.each([
    [`Headline ${SCRIPT} here`, 'Headline  here'],
    ['a<STYLE type="text/css">p { x: 1 }</STYLE>b', 'ab'],
    ['<script src="https://evil.example/x.js"></script >after', 'after'],
    ['By <img src=x onerror=alert(1)> Reporter', 'By  Reporter'],
    ['<img/src=x/onerror=alert(1)>x', 'x'],
    ['Body <a href="javascript:alert(1)">link text</a> more', 'Body link text more'],
    ['<a href="java&#x09;script&colon;alert(1)">a</a><a href=" &#106avascript:x">b</a>', 'ab'],
    ['<a href=\'vbscript:msgbox(1)\'>v</a><img src="data:text/html,x">', 'v'],
    ['<iframe src="https://evil.example/">fallback</iframe>', 'fallback'],
    ['<svg onload=alert(1)><circle r="1"/></svg>caption', '<circle r="1"/>caption'],
    ['<form action="https://evil.example/">Name</form><object data="x"></object><embed src="x">', 'Name'],
    ['<meta http-equiv="refresh" content="0"><base href="https://evil.example/"><link rel="import">t', 't'],
    ['<template><b>t</b></template><math>m</math>', '<b>t</b>m'],
  ])('%s', (text, expected) => {
    expect(withoutActiveMarkup(text)).toBe(expected);
  });

  it('removes a tag never closed to the end, since the next ">" of the page around it would close it', () => {
    expect(withoutActiveMarkup('Headline <img src=x onerror=alert(1)//')).toBe('Headline ');
    expect(withoutActiveMarkup('Headline <script')).toBe('Headline ');
  });

  it('finds the end of a script in any case, whatever characters come before it', () => {
    // "İ" lower-cases to two UTF-16 units: positions must come from the text itself.
    expect(withoutActiveMarkup('İİİİ <script>x</SCRIPT> after</b>')).toBe('İİİİ  after</b>');
    expect(withoutActiveMarkup('a <script>x</scriptx> b </script > c')).toBe('a  c');
  });

  it('keeps the text after a script that never ends, losing only its tag', () => {
    expect(withoutActiveMarkup('Before <script>the rest of the story')).toBe('Before the rest of the story');
  });

  it('removes tags a browser reads as inert but a looser reader might not', () => {
    expect(withoutActiveMarkup('a<scr<script>b')).toBe('ab');
    expect(withoutActiveMarkup(`<abbr title="${SCRIPT}">x</abbr>`)).toBe('x');
    expect(withoutActiveMarkup('<abbr title="x onclick=y">z</abbr>')).toBe('z');
  });

  it('removes what the removals join into new tags, however deep the trick goes', () => {
    const joined = withoutActiveMarkup(`<${SCRIPT}script>alert(1)<${SCRIPT}/script>`);
    expect(joined).not.toMatch(/<\s*\/?\s*script/i);
    const deep = `${'<'.repeat(20)}${'<script></script>'.repeat(1)}${'script>'.repeat(20)}alert(1)`;
    expect(withoutActiveMarkup(deep)).not.toMatch(/<\s*script/i);
    const nestedHandlers = `<<${SCRIPT}img src=x one${SCRIPT}rror=alert(1)>`;
    expect(withoutActiveMarkup(nestedHandlers)).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
  });

  it('stays linear on hostile repetition', () => {
    expect(withoutActiveMarkup('<script>'.repeat(100_000))).toBe('');
    expect(withoutActiveMarkup('<a onclick=x>y'.repeat(100_000))).toBe('y'.repeat(100_000));
    expect(withoutActiveMarkup(`${'<b title="'.repeat(50_000)}`)).toBe('<b title="'.repeat(50_000));
  });
});

describe('plain-text fields', () => {
  it('cleans a one-line field first, so an invisible character cannot hide a tag, then tidies the spaces left', () => {
    expect(plainInline('Headline <\u200Bscript>alert(1)</script> here')).toBe('Headline here');
    expect(plainInline('  x < y  ')).toBe('x < y');
  });

  it('keeps a body in paragraphs', () => {
    expect(plainParagraphs(`One ${SCRIPT}.\n\nTwo <img src=x onerror=alert(1)>.\n\nx < y`)).toEqual([
      'One .',
      'Two .',
      'x < y',
    ]);
  });

  it('applies to JSON Feed titles and summaries and to text articles, and to nothing read out of HTML', async () => {
    const feed = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'T',
      items: [
        { id: '1', title: `Title ${SCRIPT}`, summary: 'About <canvas> & x < y', content_text: 'Body text.' },
        { id: '2', title: 'Escaped', content_html: '<p>Writing &lt;b&gt; and &lt;script&gt; in HTML</p>' },
      ],
    });
    const [first, second] = (await processOffline(Buffer.from(feed))).items;
    expect(first).toMatchObject({
      headlines: [{ value: 'Title' }],
      descriptions: [{ value: 'About <canvas> & x < y' }],
    });
    // Text read out of HTML was escaped there on purpose: it is what the story says.
    expect(second?.bodies).toContainEqual(
      expect.objectContaining({ contentType: 'text/plain', value: 'Writing <b> and <script> in HTML' }),
    );
    const article = await processOffline(
      Buffer.from(`Markets ${SCRIPT} rally\n\nShares <b>rose</b> <img src=x onerror=alert(1)>.\n`),
    );
    expect(article.items[0]).toMatchObject({
      headlines: [{ value: 'Markets rally' }],
    });
    expect(article.items[0]?.bodies).toContainEqual(
      expect.objectContaining({ contentType: 'text/plain', value: 'Shares <b>rose</b> .' }),
    );
  });
});
