import type { AnyNode } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { sanitizeWithLibrary } from '../../../lambdas/normalize/html.ts';
import {
  passesUnchanged,
  plainDocument,
  sanitizedDocument,
} from '../../../lambdas/normalize/plain-markup.ts';

const PLAIN = [
  '',
  'Just text, with "quotes" and a \u00a0no-break space.',
  '  <p>One.</p>\n<p>Two.</p>  ',
  '<p>Fish &amp; chips &lt;3 &gt; all</p>',
  '<div><p>In a div</p><blockquote><p>Quoted <q>inline</q></p></blockquote></div>',
  '<ul><li>a</li><li>b <em>c</em></li></ul><ol><li>d</li></ol>',
  '<dl><dt>term</dt><dd>definition</dd></dl>',
  '<h2>Head</h2><p>Body <b>bold</b> <i>it</i> <strong>s</strong> <sub>1</sub><sup>2</sup></p>',
  '<span><p>a paragraph inside a span stays there</p></span>',
  '<p>Line\r\nbreaks\tand\u200b invisible \u0000 characters</p>',
  '<pre>  code\n  </pre><figure><figcaption>cap</figcaption></figure>',
];

const NOT_PLAIN = [
  '<p class="lead">attributes</p>',
  '<P>upper case</P>',
  '<p >a space</p>',
  '<p>a<br>break</p>',
  '<hr>',
  '<a href="https://a.example/">link</a>',
  '<img src="https://a.example/i.png">',
  '<p>one<p>two</p></p>',
  '<p><div>closes the p</div></p>',
  '<ul><li>one<li>two</li></li></ul>',
  '<dl><dt>a<dd>b</dd></dt></dl>',
  '<p>unclosed',
  '<p>crossed <b>tags</p></b>',
  '</p>',
  '<p>a > b</p>',
  '<p>a < b</p>',
  '<p>&nbsp;</p>',
  '<p>&quot;</p>',
  '<p>&#8217;</p>',
  '<p>&amp</p>',
  '<p>& alone</p>',
  '<!-- comment --><p>x</p>',
  '<script>x</script>',
  '<table><tr><td>cell</td></tr></table>',
  `${'<div>'.repeat(70)}deep${'</div>'.repeat(70)}`,
];

/** A DOM as plain data: node types, names, attributes, text and the sibling and parent links. */
function shape(nodes: readonly AnyNode[]): unknown {
  return nodes.map((node, index) => ({
    type: node.type,
    name: 'name' in node ? node.name : undefined,
    attribs: 'attribs' in node ? node.attribs : undefined,
    data: 'data' in node ? node.data : undefined,
    linked: node.prev === (nodes[index - 1] ?? null) && node.next === (nodes[index + 1] ?? null),
    children: 'children' in node ? shape(node.children) : undefined,
    parentSet: node.parent !== null,
  }));
}

describe('plain markup', () => {
  it.each(PLAIN)('is recognised, and sanitize-html returns it trimmed: %j', (html) => {
    expect(passesUnchanged(html)).toBe(true);
    expect(sanitizeWithLibrary(html).html).toBe(html.trim());
  });

  it.each(NOT_PLAIN)('is not %j', (html) => {
    expect(passesUnchanged(html)).toBe(false);
    expect(plainDocument(html)).toBeUndefined();
  });

  it.each(PLAIN)('gets the DOM htmlparser2 would build: %j', (html) => {
    const built = plainDocument(html);
    expect(built).toBeDefined();
    expect(shape(built?.children ?? [])).toEqual(
      shape(parseDocument(html, { decodeEntities: true }).children),
    );
  });

  // What feeds send, through the sanitizer: its output is what HtmlBody reads without the full parser.
  const SANITIZER_INPUT = [
    '<p>See <a href="https://a.example/x?id=1&amp;page=2&amp;utm_source=rss">the list</a> &amp; more.</p>',
    '<p><img src="/i.jpg?w=1&amp;q=80" alt="A &quot;quoted&quot; caption &amp; more" width="1200" height="800"></p>',
    '<ul><li><a href="https://a.example/">one</a><br>two</li></ul><p>x<br/>y</p>',
    '<p><a href="https://a.example/1"><a href="https://a.example/2">nested</a></a></p>',
    '<p><a title="t" href="https://a.example/" rel="license">licence</a></p>',
    '<p>café <em>naïve</em> — “quotes” <a href="https://ü.example/ä?x=ö">idn</a></p>',
  ];

  it.each(SANITIZER_INPUT)('builds from the sanitizer output of %j the DOM htmlparser2 builds', (input) => {
    const html = sanitizeWithLibrary(input, 'https://base.example/').html;
    const expected = shape(parseDocument(html, { decodeEntities: true }).children);
    const built = sanitizedDocument(html);
    // A link inside a link is left to the full parser; everything else here is read directly.
    expect(built === undefined).toBe(input.includes('nested'));
    if (built) expect(shape(built.children)).toEqual(expected);
  });

  it('reads the common sanitized markup itself, and refuses what it does not know', () => {
    expect(
      sanitizedDocument('<p><a href="https://a.example/?a=1&amp;b=2" rel="noopener noreferrer">x</a></p>'),
    ).toBeDefined();
    expect(sanitizedDocument('<p><img alt="x" src="https://a.example/i.jpg"></p>')).toBeDefined();
    expect(sanitizedDocument('<p><img alt="x" src="https://a.example/i.jpg"></img></p>')).toBeUndefined();
    expect(sanitizedDocument('<p><a href="x" onclick="y">x</a></p>')).toBeDefined();
    expect(sanitizedDocument("<p><a href='x'>x</a></p>")).toBeUndefined();
    expect(sanitizedDocument('<p><a href="&nbsp;">x</a></p>')).toBeUndefined();
    expect(sanitizedDocument('<p><a href="x" href="y">x</a></p>')).toBeUndefined();
    expect(sanitizedDocument('<p class="x">x</p>')).toBeUndefined();
  });

  it.each([...PLAIN, ...NOT_PLAIN])('agrees with htmlparser2 wherever it builds a DOM: %j', (html) => {
    const built = sanitizedDocument(html);
    if (built)
      expect(shape(built.children)).toEqual(shape(parseDocument(html, { decodeEntities: true }).children));
  });

  it('stays linear on many tags', () => {
    const html = '<p>x</p>'.repeat(200_000);
    const started = performance.now();
    expect(passesUnchanged(html)).toBe(true);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
