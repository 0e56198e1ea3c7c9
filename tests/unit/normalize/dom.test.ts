import type { Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { hasChildren, isTag, outerHtml, removeNode } from '../../../lambdas/normalize/dom.ts';

const dom = (html: string) => parseDocument(html, { decodeEntities: true });

describe('outerHtml', () => {
  it('escapes &, <, > and no-break spaces in text, and nothing else', () => {
    expect(outerHtml(dom('<p>a &amp; b &lt;c&gt; d&nbsp;e "f" \'g\' ’</p>').children)).toBe(
      '<p>a &amp; b &lt;c&gt; d&nbsp;e "f" \'g\' ’</p>',
    );
  });

  it('escapes ", & and no-break spaces in attribute values, and writes empty ones out', () => {
    expect(outerHtml(dom('<a title="say &quot;hi&quot; &amp;&nbsp;<b>" hreflang="">x</a>').children)).toBe(
      '<a title="say &quot;hi&quot; &amp;&nbsp;<b>" hreflang="">x</a>',
    );
  });

  it('writes no end tag for void elements and keeps attribute order', () => {
    expect(outerHtml(dom('<p>a<br>b<img src="s" alt="">c</p><hr>').children)).toBe(
      '<p>a<br>b<img src="s" alt="">c</p><hr>',
    );
  });

  it('leaves the text of raw-text elements as it is', () => {
    const document = dom('<style>a & <b></style><p>a & b</p>');
    expect(outerHtml(document.children)).toBe('<style>a & <b></style><p>a &amp; b</p>');
  });
});

describe('DOM helpers', () => {
  it('removes a node from its parent and relinks its siblings', () => {
    const document = dom('<p><b>1</b><i>2</i><u>3</u></p>');
    const paragraph = document.children[0] as Element;
    const [first, middle, last] = paragraph.children;
    removeNode(middle as Element);
    expect(paragraph.children).toEqual([first, last]);
    expect(first?.next).toBe(last);
    expect(last?.prev).toBe(first);
    expect(middle?.parent).toBeNull();
    expect(outerHtml(document.children)).toBe('<p><b>1</b><u>3</u></p>');
  });

  it('tells elements (script and style included) and nodes with children', () => {
    const document = dom('<script>x</script><style>y</style><p>z</p><!-- c -->');
    expect(document.children.map(isTag)).toEqual([true, true, true, false]);
    expect(document.children.map(hasChildren)).toEqual([true, true, true, false]);
    expect(hasChildren(document)).toBe(true);
  });
});
