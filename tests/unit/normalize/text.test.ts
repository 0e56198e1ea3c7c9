import { describe, expect, it } from 'vitest';
import {
  charCount,
  cleanInline,
  cleanParagraph,
  escapeHtml,
  paragraphsToHtml,
  toParagraphs,
  wordCount,
} from '../../../lambdas/normalize/text.ts';

describe('text hygiene', () => {
  it('composes to NFC', () => {
    const decomposed = 'Cafe\u0301 de\u0301cor';
    expect(cleanInline(decomposed)).toBe('Café décor');
    expect(cleanInline(decomposed)).toBe('Café décor'.normalize('NFC'));
  });

  it('removes bidi overrides, zero-width and control characters from titles and names', () => {
    const spoofed = 'Pay\u202Egnp.exe\u202C to\u200B Ali\u200Dce\u0007\uFEFF';
    expect(cleanInline(spoofed)).toBe('Paygnp.exe to Alice');
  });

  it('collapses whitespace, tabs and line breaks to single spaces', () => {
    expect(cleanInline('  Kremlin \t tells\n\n officials  ')).toBe('Kremlin tells officials');
  });

  it('keeps the joiners prose needs (Persian ZWNJ, emoji ZWJ) but not overrides', () => {
    const persian = 'می\u200Cخواهم';
    const family = '👨\u200D👩\u200D👧';
    expect(cleanParagraph(`${persian} ${family}\u202E`)).toBe(`${persian} ${family}`);
  });
});

describe('paragraphs', () => {
  it('splits on blank lines and joins wrapped lines', () => {
    expect(toParagraphs('One line\nwrapped here.\n\n\nTwo.\r\n\r\nThree.')).toEqual([
      'One line wrapped here.',
      'Two.',
      'Three.',
    ]);
  });

  it('takes one paragraph per line when no blank line separates them and every line ends a sentence', () => {
    expect(toParagraphs('First paragraph ends here.\nSecond one too!\n“Third, quoted.”')).toEqual([
      'First paragraph ends here.',
      'Second one too!',
      '“Third, quoted.”',
    ]);
  });

  it('escapes text placed into HTML, so escaped markup stays text', () => {
    expect(escapeHtml('<script>alert("x")</script> & \'y\'')).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;',
    );
    expect(paragraphsToHtml(['a < b', 'c'])).toBe('<p>a &lt; b</p>\n<p>c</p>');
  });

  it('counts characters as code points and words as runs of letters or digits', () => {
    expect(charCount('naïve 👍')).toBe(7);
    expect(wordCount('It’s 300,000 — roughly; “well-known” U.S. data')).toBe(6);
  });
});
