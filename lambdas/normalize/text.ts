/**
 * Text hygiene shared by every field. Two strengths: titles, names and
 * identifiers lose every invisible character (a bidi override or a zero-width
 * space can disguise them); prose keeps the joiners (ZWJ/ZWNJ), which Persian,
 * Indic scripts and emoji sequences need, and loses the rest.
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

/** One line of a title, name or identifier: NFC, every invisible character removed, whitespace collapsed. */
export function cleanInline(value: string): string {
  return value.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** Running text with its line breaks intact: NFC and invisible characters removed, joiners kept. */
export function cleanProse(value: string): string {
  return value.normalize('NFC').replace(INVISIBLE_IN_PROSE, '');
}

/** One paragraph of prose on one line. */
export function cleanParagraph(value: string): string {
  return cleanProse(value).replace(/\s+/g, ' ').trim();
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
  const words = value.match(/[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}'’.-]|,(?=\p{N}))*/gu);
  return words ? words.length : 0;
}

/** Characters as a reader counts them: code points, not UTF-16 units. */
export function charCount(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
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
