/**
 * Text hygiene shared by every field. Two strengths: names and identifiers
 * lose every invisible character (a bidi override or a zero-width
 * space can disguise them); prose and headlines keep the joiners (ZWJ/ZWNJ),
 * which Persian, Indic scripts and emoji sequences need, and the direction
 * marks (LRM/RLM), and lose the rest.
 */
// Bidi embeddings/overrides/isolates, zero-width characters and joiners, LRM/RLM, word joiner and
// invisible operators, BOM, soft hyphen, C0 and C1 controls (tab/newline are whitespace, collapsed by callers).
// biome-ignore lint/complexity/useRegexLiterals: as a literal the control characters it removes would trip noControlCharactersInRegex.
const INVISIBLE = new RegExp(
  String.raw`[\u202A-\u202E\u2066-\u2069\u200B-\u200F\u2060-\u2064\uFEFF\u00AD\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]`,
  'g',
);
// The same, less ZWNJ/ZWJ (U+200C/U+200D) and LRM/RLM (U+200E/U+200F), which are meaningful in running text.
// biome-ignore lint/complexity/useRegexLiterals: see INVISIBLE.
const INVISIBLE_IN_PROSE = new RegExp(
  String.raw`[\u202A-\u202E\u2066-\u2069\u200B\u2060-\u2064\uFEFF\u00AD\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]`,
  'g',
);

// The tests below only ever decide that the passes after them would change nothing, so that most
// fields, already clean, skip them. They are regexes because V8 scans a character class natively,
// several times faster than a loop in JS over the same text.
/**
 * Anything but printable ASCII with single spaces between words. Text without it is left as it is by
 * NFC, by removing invisible characters and by collapsing whitespace.
 */
const UNTIDY = /[^ -~]| {2}|^ | $/;
/** Anything but printable ASCII, tabs and line breaks: what cleanProse might change. */
const NOT_PROSE_ASCII = /[^\t\n\r -~]/;
/** Whitespace that collapsing would change: any but a single space between words. */
const UNCOLLAPSED = /[^\S ]| {2}|^ | $/;

/** One line of a title, name or identifier: NFC, every invisible character removed, whitespace collapsed. */
export function cleanInline(value: string): string {
  if (!UNTIDY.test(value)) return value;
  return collapseWhitespace(value.normalize('NFC').replace(INVISIBLE, ''));
}

/**
 * A headline or summary: display text on one line, so it keeps what prose
 * keeps. ZWNJ separates Persian word parts, ZWJ holds emoji sequences
 * together, LRM/RLM place neutral characters in Hebrew and Arabic; removed are
 * only characters that are invisible and mean nothing here (zero-width space,
 * BOM, soft hyphen, controls) and the bidi embeddings, overrides and isolates
 * that could reorder a consumer's page around the headline.
 */
export function cleanHeadline(value: string): string {
  return cleanParagraph(value);
}

/** Running text with its line breaks intact: NFC and invisible characters removed, joiners kept. */
export function cleanProse(value: string): string {
  if (!NOT_PROSE_ASCII.test(value)) return value;
  return value.normalize('NFC').replace(INVISIBLE_IN_PROSE, '');
}

/** One paragraph of prose on one line. */
export function cleanParagraph(value: string): string {
  if (!UNTIDY.test(value)) return value;
  return collapseWhitespace(cleanProse(value));
}

/** `value.replace(/\s+/g, ' ').trim()`, without the copies when there is nothing to collapse. */
export function collapseWhitespace(value: string): string {
  return UNCOLLAPSED.test(value) ? value.replace(/\s+/g, ' ').trim() : value;
}

// A line that ends a sentence (possibly inside closing quotes or brackets).
const SENTENCE_END = /[.!?…]["'”’)\]]*\s*$/;

/**
 * Splits plain text into paragraphs on blank lines. Text with no blank line at
 * all but whose lines each end a sentence is taken as one paragraph per line
 * (some outlets send it so); hard-wrapped prose, whose lines stop mid-sentence,
 * stays whole.
 */
export function toParagraphs(value: string): string[] {
  const text = value.replace(/\r\n?/g, '\n').trim();
  let chunks = text.split(/\n[^\S\n]*\n/);
  if (chunks.length === 1) {
    const lines = text.split('\n').filter((line) => line.trim().length > 0);
    if (lines.length > 1 && lines.every((line) => SENTENCE_END.test(line))) chunks = lines;
  }
  return chunks.map(cleanParagraph).filter((p) => p.length > 0);
}

export function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs.join('\n\n');
}

/** Runs of letters and digits; apostrophes, hyphens, dots and digit group commas (300,000) stay inside a word. */
export function wordCount(value: string): number {
  const ascii = asciiWordCount(value);
  if (ascii !== undefined) return ascii;
  const words = value.match(/[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}'’.-]|,(?=\p{N}))*/gu);
  return words ? words.length : 0;
}

const isAsciiAlnum = (c: number) => (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
const isAsciiDigit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * The word regex above, run by hand over ASCII text (where \p{L} is A-Z a-z, \p{N} is 0-9 and
 * \p{M} is nothing), without building the array of every word; undefined for any other text.
 */
function asciiWordCount(value: string): number | undefined {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c > 0x7f) return undefined;
    if (isAsciiAlnum(c)) {
      if (!inWord) count++;
      inWord = true;
    } else if (inWord && (c === 0x27 || c === 0x2e || c === 0x2d)) {
      // ' . - stay inside a word
    } else if (inWord && c === 0x2c && i + 1 < value.length && isAsciiDigit(value.charCodeAt(i + 1))) {
      // a digit group comma (300,000)
    } else inWord = false;
  }
  return count;
}

const SURROGATE = /[\ud800-\udfff]/;

/** Characters as a reader counts them: code points, not UTF-16 units (a lone surrogate counts as one). */
export function charCount(value: string): number {
  // Text without surrogates (all Latin-1 text, which V8 answers at once) has a code point per unit.
  if (!SURROGATE.test(value)) return value.length;
  let pairs = 0;
  for (let i = 0; i + 1 < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        pairs++;
        i++;
      }
    }
  }
  return value.length - pairs;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text placed into HTML: escaped markup stays visible text, never becomes markup. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

export function paragraphsToHtml(paragraphs: readonly string[]): string {
  return paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
}
