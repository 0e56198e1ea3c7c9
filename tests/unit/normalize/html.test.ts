import { describe, expect, it } from 'vitest';
import { sanitize } from '../../../lambdas/normalize/html.ts';
import { HtmlBody } from '../../../lambdas/normalize/html-body.ts';

const BASE = 'https://news.example/world/story.html';
const clean = (html: string) => sanitize(html, BASE).html;

describe('sanitize: what may run never survives', () => {
  it('removes script and style elements with their content', () => {
    const html = clean('<p>safe<script>alert(1)</script><style>p{color:red}</style> text</p>');
    expect(html).toBe('<p>safe text</p>');
  });

  it('removes every event-handler attribute', () => {
    const html = clean('<p onclick="x()" onmouseover="y()"><img src="a.jpg" onerror="z()" alt="a"></p>');
    expect(html).not.toMatch(/\son\w+=/i);
    expect(html).toContain('src="https://news.example/world/a.jpg"');
  });

  it('drops javascript:, vbscript: and data: link targets, however disguised', () => {
    const html = clean(
      '<a href="javascript:alert(1)">a</a><a href="vbscript:msgbox(1)">b</a>' +
        '<a href="data:text/html,&lt;script&gt;">c</a><a href=" java&#x09;script:alert(1)">d</a>',
    );
    expect(html).not.toMatch(/href=/);
    expect(html).toContain('>a</a>');
  });

  it('keeps raster data: images but not SVG ones, which can carry script', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    const html = clean(
      `<img src="${png}" alt="dot"><img src="data:image/svg+xml;base64,PHN2Zz4=" alt="svg">`,
    );
    expect(html).toContain(png);
    expect(html).not.toContain('svg');
  });

  it('drops style attributes, so no CSS expression or url() reaches readers', () => {
    const html = clean(
      '<span style="width: expression(alert(1))">x</span><div style="background:url(javascript:x)">y</div>',
    );
    expect(html).toBe('<span>x</span><div>y</div>');
  });

  it('removes meta, base, forms, object and embed', () => {
    const html = clean(
      '<meta http-equiv="refresh" content="0;url=http://e.example"><base href="http://evil.example/">' +
        '<form action="http://e.example"><input name="q"><button>Go</button></form>' +
        '<object data="x.swf"><param name="a" value="b">fallback</object><embed src="x.swf">',
    );
    expect(html).not.toMatch(/<(meta|base|form|input|button|object|param|embed)\b/);
    expect(html).not.toContain('Go');
    expect(html).toContain('fallback');
  });
});

describe('sanitize: embeds, trackers and links', () => {
  it('keeps https iframes from allowed players only', () => {
    const html = clean(
      '<iframe src="https://www.youtube.com/embed/abc" width="560" onload="x()">inner</iframe>' +
        '<iframe src="https://evil.example/x">i</iframe><iframe src="http://player.vimeo.com/video/1"></iframe>',
    );
    expect(html).toBe('<iframe width="560" src="https://www.youtube.com/embed/abc"></iframe>');
  });

  it('drops 0/1-pixel images and images from tracker hosts', () => {
    const html = clean(
      '<p>a<img src="https://t.example/p.gif" width="1" height="1"><img src="/x.gif" height="0">' +
        '<img src="http://feeds.feedburner.com/~r/site/~4/abc"><img src="http://pixel.wp.com/b.gif?x=1">' +
        '<img src="/pic.jpg" alt="pic" width="640"></p>',
    );
    expect(html).toBe('<p>a<img alt="pic" width="640" src="https://news.example/pic.jpg" /></p>');
  });

  it('drops share and FeedFlare links with their content', () => {
    const html = clean(
      '<p>Story <a href="https://www.facebook.com/sharer/sharer.php?u=x">Share on Facebook</a>' +
        '<a href="https://twitter.com/intent/tweet?text=x">Tweet</a>' +
        '<a href="http://feeds.feedburner.com/~ff/site?a=1"><img src="http://feeds.feedburner.com/~ff/site?d=1"></a>' +
        '<a href="mailto:?subject=Look">Email this</a></p>',
    );
    expect(html).toBe('<p>Story </p>');
  });

  it('makes relative URLs absolute against the base, and strips tracking parameters from links', () => {
    const html = clean(
      '<a href="../sport/game.html?utm_source=rss&amp;id=3#score">Game</a><img src="//cdn.example/i.jpg">',
    );
    expect(html).toContain('href="https://news.example/sport/game.html?id=3#score"');
    expect(html).toContain('src="https://cdn.example/i.jpg"');
  });

  it('drops a relative link it cannot resolve rather than publish a broken one', () => {
    expect(sanitize('<a href="/page">Page</a>').html).toBe('<a rel="noopener noreferrer">Page</a>');
  });

  it('gives every link rel="noopener noreferrer" and drops target', () => {
    const html = clean('<a href="https://other.example/" target="_blank" rel="nofollow opener">x</a>');
    expect(html).toBe('<a rel="noopener noreferrer" href="https://other.example/">x</a>');
  });

  it('reports rel="license" link targets before replacing rel', () => {
    const result = sanitize(
      '<p><a rel="license" href="/licenses/by/4.0/">CC BY 4.0</a></p>',
      'https://creativecommons.org/',
    );
    expect(result.licenses).toEqual(['https://creativecommons.org/licenses/by/4.0/']);
    expect(result.html).toContain('rel="noopener noreferrer"');
  });

  it('keeps escaped markup as escaped text', () => {
    expect(clean('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
  });
});

describe('sanitize: hostile shapes', () => {
  it('flattens nesting deeper than any article needs, keeping the text (deeper still is refused: html-limits)', () => {
    const depth = 90;
    const html = `${'<div><span>'.repeat(depth)}deep text${'</span></div>'.repeat(depth)}`;
    const body = new HtmlBody(sanitize(html, BASE).html);
    expect(body.text()).toBe('deep text');
    expect((body.html().match(/<(?:div|span)>/g) ?? []).length).toBeLessThanOrEqual(100);
  });
});
