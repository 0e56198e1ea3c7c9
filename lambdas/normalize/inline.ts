import { cleanHeadline, cleanInline, cleanParagraph, cleanProse } from '../shared/text.ts';
import { plainInline } from './active-markup.ts';
import { sanitize } from './html.ts';
import { HtmlBody } from './html-body.ts';
import type { RawText } from './parse/index.ts';

/**
 * One-line text fields (titles, summaries, names) from whatever markup they
 * came in. HTML goes through the same sanitizer as bodies first, so script
 * and style content never becomes text; literal text is kept as it is, so
 * escaped markup ("&lt;script&gt;" in a text title) stays visible text, but
 * for tags that could run script if pasted into a page (active-markup.ts).
 */
export function htmlToInline(html: string, clean: (value: string) => string = cleanInline): string {
  // Without "<" or "&" the markup is one text node holding the trimmed string (the sanitizer escapes
  // ">" and the parse reads it back), so the paragraph it makes can be had without either pass.
  if (!html.includes('<') && !html.includes('&')) {
    return clean(cleanParagraph(cleanProse(html.trim())));
  }
  return clean(new HtmlBody(sanitize(html).html).paragraphs.join(' '));
}

/** A headline or summary: joiners and direction marks kept, as in the body (cleanHeadline). */
export function inlineText(text: RawText | undefined): string | undefined {
  if (!text) return undefined;
  const value =
    text.type === 'html' ? htmlToInline(text.value, cleanHeadline) : plainInline(text.value, cleanHeadline);
  return value.length > 0 ? value : undefined;
}

// Tags, comments or character references: the marks of HTML in a field whose type nobody declared.
const LOOKS_LIKE_HTML = /<[a-z!/?]|&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;

/**
 * A field whose format gives no type (rights, categories, feed metadata):
 * read as HTML when it looks like HTML, since treating markup as text would
 * let tags through, else as text.
 */
export function looseText(value: string): string {
  return LOOKS_LIKE_HTML.test(value) ? htmlToInline(value) : cleanInline(value);
}
