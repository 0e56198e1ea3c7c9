import type { SourceFormat } from '../../shared/envelope.ts';
import { RejectedDocumentError } from '../../shared/errors.ts';
import { findDoctype, skipMisc } from './dtd.ts';

/**
 * Decides the format from the text itself, never from a file name: outlets
 * mislabel, and the same bytes must give the same result however they arrive.
 */
export function detectFormat(text: string): SourceFormat {
  const head = text
    .slice(0, 4096)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (head.length === 0) throw new RejectedDocumentError('empty', 'document is empty');
  if (head.startsWith('{')) return detectJson(text);
  if (head.startsWith('<')) return detectXml(text.replace(/^\uFEFF/, ''));
  return 'article';
}

function detectJson(text: string): SourceFormat {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new RejectedDocumentError(
      'not-json',
      `document looks like JSON but does not parse: ${(error as Error).message}`,
    );
  }
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (typeof record.version === 'string' && /^https?:\/\/jsonfeed\.org\/version\//.test(record.version)) {
      return 'jsonfeed';
    }
    if (
      typeof record.uri === 'string' &&
      ['headlines', 'bodies', 'headline', 'body_html', 'body_text'].some((key) => key in record)
    ) {
      return 'ninjs';
    }
  }
  throw new RejectedDocumentError('unknown-json', 'JSON document is neither a JSON Feed nor a ninjs item');
}

/** The root element's name, found past the declaration, comments, PIs and a DOCTYPE however long. */
function rootName(text: string): string | undefined {
  const doctype = findDoctype(text);
  const at = skipMisc(text, doctype ? doctype.end : 0);
  return at === undefined ? undefined : /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(at, at + 256))?.[1];
}

function detectXml(text: string): SourceFormat {
  const root = rootName(text)?.toLowerCase();
  if (!root) throw new RejectedDocumentError('not-xml', 'document starts with "<" but has no root element');
  const local = root.includes(':') ? root.slice(root.indexOf(':') + 1) : root;
  if (local === 'rss' || local === 'channel') return 'rss';
  if (local === 'rdf') return 'rdf';
  if (local === 'feed') return 'atom';
  if (local === 'html') throw new RejectedDocumentError('html-page', 'document is an HTML page, not a feed');
  throw new RejectedDocumentError('unknown-xml', `XML root element <${root}> is not RSS, RDF or Atom`);
}
