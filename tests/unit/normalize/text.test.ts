import { describe, expect, it } from 'vitest';
import {
  charCount,
  cleanHeadline,
  cleanInline,
  cleanParagraph,
  cleanProse,
  collapseWhitespace,
  escapeHtml,
  paragraphsToHtml,
  toParagraphs,
  wordCount,
} from '../../../lambdas/shared/text.ts';

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

describe('headlines', () => {
  it('keep ZWNJ, ZWJ, LRM and RLM; lose zero-width space, BOM, soft hyphen and overrides', () => {
    const kept = 'می\u200Cخواهم 👩\u200D💻 שלום\u200F! a\u200Eb';
    expect(cleanHeadline(`\uFEFF${kept}\u200B\u00AD\u202E `)).toBe(kept);
  });

  it('are NFC with whitespace collapsed, like other one-line fields', () => {
    expect(cleanHeadline(' Cafe\u0301\n\t de\u0301cor ')).toBe('Café décor');
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

/** Every character `\s` matches, and some look-alikes it does not. */
const SPACES = [...'\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff'];
const NOT_SPACES = [...'\u180e\u200b\u0085x'];

describe('fast paths give what the full passes give', () => {
  it('collapses whitespace exactly as replace(/\\s+/g, " ").trim() does', () => {
    const samples = ['', 'a', 'a b', ' a', 'a ', 'a  b', 'already single spaces'];
    for (const space of [...SPACES, ...NOT_SPACES])
      samples.push(`a${space}b`, `${space}a`, `a${space}`, `a ${space}b`);
    for (const sample of samples) expect(collapseWhitespace(sample)).toBe(sample.replace(/\s+/g, ' ').trim());
  });

  it('leaves tidy ASCII as it is and cleans everything else', () => {
    expect(cleanInline('Plain title, 2024: yes!')).toBe('Plain title, 2024: yes!');
    expect(cleanParagraph('Plain prose.')).toBe('Plain prose.');
    expect(cleanProse('Line one\nline two\ttab\r\n')).toBe('Line one\nline two\ttab\r\n');
    // (U+000B, U+000C and U+FEFF are whitespace to \\s, but invisible: removed before collapsing.)
    for (const space of SPACES.filter((c) => !'\v\f\ufeff'.includes(c))) {
      expect(cleanInline(`x${space}${space}y `)).toBe('x y');
      expect(cleanParagraph(` x${space}y`)).toBe('x y');
    }
    // Characters just outside printable ASCII take the full passes.
    expect(cleanInline('a\u007fb\u0085c')).toBe('abc');
    expect(cleanProse('a\u0000b\u000bc')).toBe('abc');
    expect(cleanInline('Cafe\u0301 \ufeff')).toBe('Café');
  });

  it('counts ASCII words by hand as the Unicode pattern counts them', () => {
    const pattern = /[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}'’.-]|,(?=\p{N}))*/gu;
    const samples = [
      '',
      'one',
      "it's 300,000 people, U.S.-led a,b 1,a ,5 x-ray -x 'quoted' ...dots 2.5.6",
      'trailing comma, 12, and 12,',
      '   spaces   only   ',
      'mixed ’ with non-ASCII: naïve café',
    ];
    for (const sample of samples) expect(wordCount(sample)).toBe(sample.match(pattern)?.length ?? 0);
  });

  it('counts code points, a lone surrogate as one', () => {
    for (const sample of ['', 'abc', 'naïve', '👍👍', 'a\ud83db', '\udc4d\ud83d', 'x👍\ud83d']) {
      expect(charCount(sample)).toBe([...sample].length);
    }
  });
});
