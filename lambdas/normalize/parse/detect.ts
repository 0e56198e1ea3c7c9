import type { SourceFormat } from '../../shared/envelope.ts';
import { RejectedDocumentError } from '../../shared/errors.ts';

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
  if (head.startsWith('<')) return detectXml(head);
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
    if (typeof record.version === 'string' && record.version.startsWith('https://jsonfeed.org/version/')) {
      return 'jsonfeed';
    }
    if (
      typeof record.uri === 'string' &&
      ('headlines' in record || 'bodies' in record || 'headline' in record)
    ) {
      return 'ninjs';
    }
  }
  throw new RejectedDocumentError('unknown-json', 'JSON document is neither a JSON Feed nor a ninjs item');
}

function detectXml(head: string): SourceFormat {
  // Skip the declaration, comments, processing instructions and a DOCTYPE to find the root element.
  const withoutProlog = head
    .replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/gi, '')
    .trimStart();
  const root = /^<([A-Za-z_][\w.:-]*)/.exec(withoutProlog)?.[1]?.toLowerCase();
  if (!root) throw new RejectedDocumentError('not-xml', 'document starts with "<" but has no root element');
  const local = root.includes(':') ? root.slice(root.indexOf(':') + 1) : root;
  if (local === 'rss') return 'rss';
  if (local === 'rdf') return 'rdf';
  if (local === 'feed') return 'atom';
  if (local === 'html') throw new RejectedDocumentError('html-page', 'document is an HTML page, not a feed');
  throw new RejectedDocumentError('unknown-xml', `XML root element <${root}> is not RSS, RDF or Atom`);
}
