import { Parser } from 'htmlparser2';

const XML_CHARACTERS: Readonly<Record<string, string>> = {
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&quot;': '"',
  '&apos;': "'",
};
const XML_REFERENCE = /&(?:lt|gt|amp|quot|apos);/g;
const OTHER_REFERENCE = /&(?!(?:lt|gt|amp|quot|apos);)/;

/**
 * Decodes character references with the full HTML table (named, numeric, and
 * the five XML ones). Feeds routinely use HTML names such as `&aacute;` without
 * declaring them; browsers and feedparser read them, so we do too. The table is
 * fixed, so nothing here can expand without bound or reach outside the document.
 *
 * htmlparser2's HTML tokenizer is the decoder (it already carries the WHATWG
 * table): escaping `<` first makes the whole input one text run.
 */
export function decodeEntities(raw: string): string {
  if (!raw.includes('&')) return raw;
  // Escaped markup (Atom's type="html" content) holds only the five XML references, which the table
  // decodes to their characters: done here in one pass instead of a parser per text.
  if (!OTHER_REFERENCE.test(raw))
    return raw.replace(XML_REFERENCE, (reference) => XML_CHARACTERS[reference] ?? reference);
  let out = '';
  const parser = new Parser(
    {
      ontext(data) {
        out += data;
      },
    },
    { decodeEntities: true },
  );
  // Only references closed by ";" count, as in XML: HTML would also read "&copy=2" in a URL as "©=2".
  parser.end(raw.replace(/</g, '&lt;').replace(/&(?!#\d+;|#x[0-9a-f]+;|[a-z][a-z0-9]*;)/gi, '&amp;'));
  return out;
}

/** Escapes text for use inside HTML markup or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
