import { describe, expect, it } from 'vitest';
import { escapeHtml, highlight, html } from '../../../cli/inspect/html.ts';
import { terminalSafe } from '../../../cli/state/explain-text.ts';
import { sharedPassages } from '../../../cli/state/passages.ts';

describe('the inspector and explain treat news text as hostile', () => {
  it('escapes every interpolated value, and nests only what html built', () => {
    const headline = `<script>alert("x")</script> & 'quotes'`;
    const page = html`<h1 title="${headline}">${headline}</h1>${html`<b>${'<i>'}</b>`}`;
    expect(page.value).toBe(
      '<h1 title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;">' +
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;</h1><b>&lt;i&gt;</b>',
    );
    expect(escapeHtml('a<b')).toBe('a&lt;b');
  });

  it('marks ranges, merging overlaps, and escapes inside and outside the marks', () => {
    expect(
      highlight('<a> shared <b> rest', [
        [0, 6],
        [4, 12],
      ]).value,
    ).toBe('<mark class="shared">&lt;a&gt; shared &lt;</mark>b&gt; rest');
  });

  it('writes no control character raw to a terminal', () => {
    expect(terminalSafe('red \u001b[31m text\u0007')).toBe('red \\u{1b}[31m text\\u{7}');
  });
});

describe('sharedPassages', () => {
  it('finds the runs of five or more words two texts share, in both texts', () => {
    const a =
      'The harbour board on Tuesday postponed a vote on the dredging contract. Nothing else matches here.';
    const b =
      'Elsewhere: the Harbor Board on Tuesday postponed a vote on the dredging contract, officials said.';
    const [passage, ...rest] = sharedPassages(a, b);
    expect(rest).toEqual([]);
    expect(passage?.text).toBe('The harbour board on Tuesday postponed a vote on the dredging contract');
    expect(b.slice(passage?.otherStart, passage?.otherEnd)).toBe(
      'the Harbor Board on Tuesday postponed a vote on the dredging contract',
    );
    expect(passage?.words).toBe(12);
  });

  it('finds nothing in texts sharing fewer than five words in a row', () => {
    expect(sharedPassages('one two three four x five', 'one two three four y five')).toEqual([]);
  });
});
