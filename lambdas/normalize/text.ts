/**
 * Text hygiene shared by every field: NFC, and no invisible characters that
 * could disguise a title, a name or an identifier (bidi overrides, zero-width
 * characters, C0/C1 controls).
 */
// Bidi embeddings/overrides/isolates, zero-width and BOM, soft hyphen, C0 and C1 controls (tab/newline handled by callers).
// biome-ignore lint/complexity/useRegexLiterals: as a literal the control characters it removes would trip noControlCharactersInRegex.
const INVISIBLE = new RegExp(
  String.raw`[\u202A-\u202E\u2066-\u2069\u200B-\u200F\u2060-\u2064\uFEFF\u00AD\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]`,
  'g',
);

/** One line of text: NFC, invisible characters removed, whitespace collapsed. */
export function cleanInline(value: string): string {
  return value.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** Splits text into paragraphs on blank lines, each cleaned as a line. */
export function toParagraphs(value: string): string[] {
  return value
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map(cleanInline)
    .filter((p) => p.length > 0);
}

export function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs.join('\n\n');
}

export function wordCount(value: string): number {
  const words = value.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu);
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

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

export function paragraphsToHtml(paragraphs: readonly string[]): string {
  return paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
}
