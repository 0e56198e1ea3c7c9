import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../../lambdas/normalize/parse/entities.ts';

describe('decodeEntities', () => {
  it('decodes the five XML references in one pass, never twice', () => {
    expect(
      decodeEntities('&lt;p class=&quot;x&quot;&gt;Fish &amp; chips &apos;n&apos; &amp;lt;&lt;/p&gt;'),
    ).toBe('<p class="x">Fish & chips \'n\' &lt;</p>');
  });

  it('decodes HTML names and numeric references alongside them', () => {
    expect(decodeEntities('&lt;b&gt;caf&eacute; &#8217;&#x2019; &amp;&lt;/b&gt;')).toBe('<b>café ’’ &</b>');
  });

  it('keeps what is not a closed reference as written', () => {
    expect(decodeEntities('a & b &amp c &copy=2 &LT;')).toBe('a & b &amp c &copy=2 <');
    expect(decodeEntities('no references < at all >')).toBe('no references < at all >');
  });
});
