import { describe, expect, it } from 'vitest';
import { normalizeDocument } from '../../../lambdas/normalize/document.ts';
import { sanitize } from '../../../lambdas/normalize/html.ts';
import { HtmlLimitError, MAX_ATTRIBUTES, MAX_OPEN_ELEMENTS } from '../../../lambdas/normalize/html-limits.ts';
import { RejectedDocumentError } from '../../../lambdas/shared/errors.ts';

const nested = (tag: string, depth: number, closed = true) =>
  `${`<${tag}>`.repeat(depth)}x${closed ? `</${tag}>`.repeat(depth) : ''}`;

function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

const arrival = (bytes: Uint8Array) => ({
  bytes,
  outlet: 'limits',
  bucket: 'raw',
  key: 'incoming/limits/x',
  ingestionId: 'incoming/limits/x@1',
  receivedAt: '2024-01-01T00:00:00.000Z',
});

describe('HTML nested too deep', () => {
  it('reads markup MAX_OPEN_ELEMENTS deep, and refuses one level more with a typed reason', () => {
    expect(sanitize(nested('div', MAX_OPEN_ELEMENTS)).html).toContain('x');
    const error = errorOf(() => sanitize(nested('div', MAX_OPEN_ELEMENTS + 1)));
    expect(error).toBeInstanceOf(HtmlLimitError);
    expect(error).toBeInstanceOf(RejectedDocumentError);
    expect(error).toMatchObject({
      code: 'html-too-deep',
      message: expect.stringMatching(/more than 200 elements deep/),
    });
  });

  it('counts depth as the parser builds it: elements it closes itself, or that never open, do not add up', () => {
    const body = (tag: string) => `${`<${tag}>para`.repeat(1000)}`;
    for (const html of [
      body('p'),
      `<ul>${body('li')}</ul>`,
      body('br'),
      `${'<img src="https://i.example/a.png">'.repeat(1000)}`,
    ])
      expect(() => sanitize(html)).not.toThrow();
    // Unclosed inline elements do nest (htmlparser2 does not close them), so they count.
    expect(errorOf(() => sanitize(nested('b', 300, false)))).toBeInstanceOf(HtmlLimitError);
  });

  it('refuses 100,000 nested elements at once rather than after seconds of parsing', () => {
    expect(errorOf(() => sanitize(nested('div', 100_000)))).toMatchObject({ code: 'html-too-deep' });
  });
});

describe('HTML with too many attributes', () => {
  const tag = (count: number) => `<p ${Array.from({ length: count }, (_, i) => `a${i}`).join(' ')}>text</p>`;

  it('reads MAX_ATTRIBUTES attributes in a field, and refuses one more', () => {
    expect(sanitize(tag(MAX_ATTRIBUTES)).html).toBe('<p>text</p>');
    expect(errorOf(() => sanitize(tag(MAX_ATTRIBUTES + 1)))).toMatchObject({
      code: 'html-too-many-attributes',
    });
  });
});

describe('where a refused field is reported', () => {
  it("in an item's field: that item is reported with the reason, its siblings go on", async () => {
    const feed =
      '<rss version="2.0"><channel><title>Deep</title>' +
      '<item><guid>ok</guid><title>Fine</title><description>A normal body.</description></item>' +
      `<item><guid>deep</guid><title>Deep</title><description><![CDATA[${nested('div', 5000)}]]></description></item>` +
      '</channel></rss>';
    const result = await normalizeDocument(arrival(Buffer.from(feed)), 'd'.repeat(64));
    expect(result.envelopes.map((e) => e.item.headline)).toEqual(['Fine']);
    expect(result.itemErrors).toEqual([
      { index: 1, reason: `HTML nested more than ${MAX_OPEN_ELEMENTS} elements deep: not read` },
    ]);
  });

  it("in the feed's own fields: the document is rejected with the reason", async () => {
    const feed = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: nested('span', 5000),
      items: [{ id: '1', title: 'Fine', content_text: 'A normal body.' }],
    });
    const attempt = normalizeDocument(arrival(Buffer.from(feed)), 'e'.repeat(64));
    await expect(attempt).rejects.toBeInstanceOf(RejectedDocumentError);
    await expect(attempt).rejects.toMatchObject({ code: 'html-too-deep' });
  });
});
