import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import type sanitizeHtml from 'sanitize-html';
import { RejectedDocumentError } from '../shared/errors.ts';

/**
 * Limits on the HTML the sanitizer reads, past which it refuses it rather
 * than let one field take seconds or hundreds of megabytes. No real article
 * comes near either. Watching for them costs the sanitizer a few percent, so
 * each is watched only in markup long enough to break it: the tests below
 * are exact, never guesses.
 */

/**
 * Open elements at most. htmlparser2 (and sanitize-html above it) do work in proportion to the depth
 * for every tag they open, so 100,000 nested <div> take seconds; stopped here, any markup stays linear.
 */
export const MAX_OPEN_ELEMENTS = 200;

/**
 * Attributes in one field at most. htmlparser2 gathers a tag's attributes into one object before anyone
 * sees the tag, so a 20 MB tag of attributes would cost some 300 MB.
 */
export const MAX_ATTRIBUTES = 100_000;

/**
 * HTML past one of the limits. In an item's field it fails that item alone (reported with this message);
 * in the feed's own fields it rejects the document.
 */
export class HtmlLimitError extends RejectedDocumentError {}

/** Whether `html` has more than MAX_OPEN_ELEMENTS "<", without which it cannot nest deeper. */
function mayNestTooDeep(html: string): boolean {
  let at = -1;
  for (let tags = 0; tags <= MAX_OPEN_ELEMENTS; tags++) {
    at = html.indexOf('<', at + 1);
    if (at < 0) return false;
  }
  return true;
}

/** Whether `html` is long enough to hold more than MAX_ATTRIBUTES attributes (each takes a space and a letter). */
const mayHaveTooManyAttributes = (html: string): boolean => html.length > 2 * MAX_ATTRIBUTES;

/**
 * htmlparser2's tokenizer, counting attributes as it reads them (see MAX_ATTRIBUTES). Given to the
 * parser through its public `Tokenizer` option; every other event passes straight through.
 */
class BoundedTokenizer extends Tokenizer {
  constructor(options: ConstructorParameters<typeof Tokenizer>[0], parser: TokenizerCallbacks) {
    let attributes = 0;
    super(options, {
      onattribdata: (start, end) => parser.onattribdata(start, end),
      onattribentity: (codepoint) => parser.onattribentity(codepoint),
      onattribend: (quote, end) => {
        if (++attributes > MAX_ATTRIBUTES) {
          throw new HtmlLimitError(
            'html-too-many-attributes',
            `HTML with more than ${MAX_ATTRIBUTES} attributes: not read`,
          );
        }
        parser.onattribend(quote, end);
      },
      onattribname: (start, end) => parser.onattribname(start, end),
      oncdata: (start, end, offset) => parser.oncdata(start, end, offset),
      onclosetag: (start, end) => parser.onclosetag(start, end),
      oncomment: (start, end, offset) => parser.oncomment(start, end, offset),
      ondeclaration: (start, end) => parser.ondeclaration(start, end),
      onend: () => parser.onend(),
      onopentagend: (end) => parser.onopentagend(end),
      onopentagname: (start, end) => parser.onopentagname(start, end),
      onprocessinginstruction: (start, end) => parser.onprocessinginstruction(start, end),
      onselfclosingtag: (end) => parser.onselfclosingtag(end),
      ontext: (start, end) => parser.ontext(start, end),
      ontextentity: (codepoint, end) => parser.ontextentity(codepoint, end),
    });
  }
}

/** The Tokenizer type of the htmlparser2 copy @types/sanitize-html was written against (the same class at run time). */
type ParserTokenizer = NonNullable<NonNullable<sanitizeHtml.IOptions['parser']>['Tokenizer']>;

/** sanitize-html options that enforce the limits on `html`, the markup about to be sanitized. */
export function limitOptions(html: string): sanitizeHtml.IOptions {
  // sanitize-html's own default parser options, plus the tokenizer when it is needed.
  const parser = mayHaveTooManyAttributes(html)
    ? { decodeEntities: true, Tokenizer: BoundedTokenizer as unknown as ParserTokenizer }
    : { decodeEntities: true };
  if (!mayNestTooDeep(html)) return { parser };
  // htmlparser2's own stack, followed as it grows: void elements and implied ends report a close too.
  let open = 0;
  return {
    parser,
    onOpenTag: () => {
      if (++open > MAX_OPEN_ELEMENTS) {
        throw new HtmlLimitError(
          'html-too-deep',
          `HTML nested more than ${MAX_OPEN_ELEMENTS} elements deep: not read`,
        );
      }
    },
    onCloseTag: () => {
      open--;
    },
  };
}
