import { RejectedDocumentError } from '../../shared/errors.ts';
import type { ParsedDocument } from './types.ts';

const MAX_HEADLINE = 300;

/**
 * A single plain-text article: the first non-blank line is the headline, the
 * rest is the body as paragraphs. Dateline, byline and footers are recognised
 * later by normalize, for every format alike.
 */
export function parseArticle(text: string): ParsedDocument {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const first = lines.findIndex((line) => line.trim().length > 0);
  const headline = first >= 0 ? lines[first]?.trim() : undefined;
  if (!headline) throw new RejectedDocumentError('empty', 'article has no text');
  if (headline.length > MAX_HEADLINE || /[<>{}]/.test(headline.slice(0, 1))) {
    throw new RejectedDocumentError(
      'not-article',
      'document is not a feed, and its first line is not a headline',
    );
  }
  const body = lines
    .slice(first + 1)
    .join('\n')
    .trim();
  if (body.length === 0) {
    throw new RejectedDocumentError('not-article', 'article has a headline but no body');
  }
  return {
    format: 'article',
    feed: null,
    items: [
      {
        title: { value: headline, type: 'text' },
        content: { value: body, type: 'text' },
        authors: [],
        categories: [],
        position: 0,
      },
    ],
    itemErrors: [],
  };
}
