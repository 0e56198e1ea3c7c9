import { describe, expect, it } from 'vitest';
import { HtmlBody } from '../../../lambdas/normalize/html-body.ts';

describe('HtmlBody', () => {
  it('reads paragraphs at block boundaries, cells side by side, list items apart', () => {
    const body = new HtmlBody(
      '<h2>Title</h2><p>One <b>bold</b>\n  word.</p>Loose<br>line<table><tr><td>a</td><td>b</td></tr></table><ul><li>x</li><li>y</li></ul>',
    );
    expect(body.paragraphs).toEqual(['Title', 'One bold word.', 'Loose', 'line', 'a b', 'x', 'y']);
    expect(body.text()).toBe('Title\n\nOne bold word.\n\nLoose\n\nline\n\na b\n\nx\n\ny');
  });

  it('cuts the start of a paragraph across elements and keeps the markup after it', () => {
    const body = new HtmlBody(
      '<p><strong>MOSCOW (Reuters)</strong> - Russia <a href="https://a.example/">said</a> so.</p>',
    );
    body.cut(0, 'MOSCOW (Reuters) - '.length);
    expect(body.html()).toBe('<p>Russia <a href="https://a.example/">said</a> so.</p>');
    expect(body.text()).toBe('Russia said so.');
  });

  it('drops whole paragraphs, emptied wrappers and trailing line breaks', () => {
    const body = new HtmlBody(
      '<p>Keep <em>this</em>.</p><p><em>Copyright 2023, X</em></p>Text<br><br>Republished from Y',
    );
    body.drop(1);
    body.drop(3);
    expect(body.html()).toBe('<p>Keep <em>this</em>.</p>Text');
    expect(body.text()).toBe('Keep this.\n\nText');
  });

  it('cleans text nodes like prose (NFC, no overrides) and escapes them again on output', () => {
    const body = new HtmlBody('<p>Cafe\u0301 \u202E&lt;b&gt;</p>');
    expect(body.paragraphs).toEqual(['Café <b>']);
    expect(body.html()).toBe('<p>Café &lt;b&gt;</p>');
  });

  it('keeps image-only content in the HTML though it has no text', () => {
    const body = new HtmlBody('<figure><img src="https://a.example/i.jpg" alt=""></figure>');
    expect(body.text()).toBe('');
    expect(body.html()).toContain('<img');
  });
});
