import { RejectedDocumentError } from '../../shared/errors.ts';
import { decodeDocument } from '../../shared/format/decode.ts';
import { detectDocument } from '../../shared/format/detect.ts';
import { parseArticle } from './article.ts';
import { parseJsonFeed } from './json-feed.ts';
import { parseNinjs } from './ninjs.ts';
import type { ParsedDocument, ParseHints } from './types.ts';
import { parseXmlFeed } from './xml-feed.ts';

export type { ParsedDocument, ParseHints, RawItem, RawText } from './types.ts';

/** Largest document accepted, decoded; the push endpoint enforces its own (smaller) limit first. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** Decodes, detects and parses any supported document. Throws RejectedDocumentError with a reason. */
export async function parseDocument(bytes: Uint8Array, hints: ParseHints = {}): Promise<ParsedDocument> {
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) {
    throw new RejectedDocumentError(
      'too-large',
      `document is ${bytes.byteLength} bytes; the limit is ${MAX_DOCUMENT_BYTES}`,
    );
  }
  const text = decodeDocument(bytes, hints.contentType);
  const { format, json } = detectDocument(text);
  switch (format) {
    case 'article':
      return parseArticle(text);
    case 'jsonfeed':
      return parseJsonFeed(json, hints.location);
    case 'ninjs':
      return parseNinjs(json);
    case 'rss':
    case 'rdf':
    case 'atom':
      return parseXmlFeed(text, format, hints.location);
    default:
      throw new RejectedDocumentError('unknown-format', `unsupported format ${String(format)}`);
  }
}
