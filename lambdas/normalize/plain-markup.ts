import type { Document } from 'domhandler';
import { DomHandler } from 'htmlparser2';

/**
 * Plain markup: what the common body (`<p>…</p><p>…</p>`) and every text
 * without markup are. One scan recognises it, and then neither the sanitizer
 * nor htmlparser2's tokenizer is needed: sanitize-html would return it as it
 * is (see html.ts), and its DOM is built from the scan's own events. Both cost
 * more than the rest of normalizing an item. The test is deliberately narrow,
 * and anything outside it takes the full path:
 *
 * - elements only from PLAIN, written `<name>` and `</name>` exactly (lower
 *   case, no attributes, no spaces), properly nested, all closed, far from the
 *   sanitizer's nesting limit; PLAIN has no void element, nothing the sanitizer
 *   transforms or filters, nothing htmlparser2 reads as raw text;
 * - no element opened where htmlparser2 would first close the open one itself
 *   (`<p>` inside a `<p>`, `<li>` in a `<li>`), which would change the tree;
 * - text without `<` or `>`, and `&` only in `&amp;`, `&lt;` or `&gt;`, which
 *   sanitize-html decodes and writes back the same.
 */
export const PLAIN: ReadonlySet<string> = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'q',
  'cite',
  'pre',
  'code',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'sub',
  'sup',
  'small',
  'mark',
  'abbr',
  'time',
  'figure',
  'figcaption',
  'span',
  'div',
]);

// htmlparser2's openImpliesClose, for the elements in PLAIN: opening the key while the innermost open
// element is in its set closes that element first.
const CLOSES_P = new Set(['p']);
const CLOSES_DESCRIPTION = new Set(['dd', 'dt']);
export const IMPLIED_CLOSE = new Map<string, ReadonlySet<string>>([
  ['li', new Set(['li'])],
  ['dd', CLOSES_DESCRIPTION],
  ['dt', CLOSES_DESCRIPTION],
  ...[
    'p',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'div',
    'dl',
    'figcaption',
    'figure',
    'ol',
    'pre',
    'ul',
  ].map((name): [string, ReadonlySet<string>] => [name, CLOSES_P]),
]);

/** Well under the sanitizer's nesting limit (html.ts), past which it drops elements. */
export const MAX_DEPTH = 64;

const ENTITIES: ReadonlyArray<readonly [string, string]> = [
  ['&amp;', '&'],
  ['&lt;', '<'],
  ['&gt;', '>'],
];

interface PlainEvents {
  open(name: string, attributes: Record<string, string>): void;
  close(): void;
  text(data: string): void;
}

/**
 * Beyond PLAIN, what the sanitizer itself writes for the commonest markup it changes: links and
 * images with their attributes (`<a href="…" rel="noopener noreferrer">`, `<img alt="…" src="…">`)
 * and line breaks. Read only where the markup already came out of the sanitizer (HtmlBody), never to
 * decide that markup may skip it.
 */
const WITH_ATTRIBUTES = new Set(['a', 'img']);
const VOID = new Set(['img', 'br']);
// Attributes exactly as the sanitizer writes them: lower-case names, double quotes, no "<", ">" or '"' inside.
const ATTRIBUTE = /\s([a-z][a-z-]*)="([^"<>]*)"/y;
const ATTRIBUTE_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['&amp;', '&'],
  ['&quot;', '"'],
  ['&lt;', '<'],
  ['&gt;', '>'],
]);

/** An attribute value decoded as htmlparser2 decodes it, or undefined for any entity but the sanitizer's four. */
function attributeValue(written: string): string | undefined {
  if (!written.includes('&')) return written;
  let failed = false;
  const value = written.replace(/&[^;&]*;?/g, (entity) => {
    const decoded = ATTRIBUTE_ENTITIES.get(entity);
    if (decoded === undefined) failed = true;
    return decoded ?? entity;
  });
  return failed ? undefined : value;
}

/** `<name attr="…" …>` as the sanitizer writes it: the name and its attributes, or undefined. */
function tagWithAttributes(
  written: string,
): { name: string; attributes: Record<string, string> } | undefined {
  const space = written.indexOf(' ');
  const name = space < 0 ? written : written.slice(0, space);
  if (!WITH_ATTRIBUTES.has(name) && !VOID.has(name)) return undefined;
  // The sanitizer closes void elements XHTML-style (`<br />`), which HTML reads as `<br>`.
  const tag = VOID.has(name) && written.endsWith(' /') ? written.slice(0, -2) : written;
  const attributes = readAttributes(tag, name.length);
  return attributes ? { name, attributes } : undefined;
}

/**
 * The attributes of a start tag from `from` on, written ` name="value"` each (the sanitizer's own
 * spelling), decoded; undefined for anything else, a repeated name included.
 */
export function readAttributes(tag: string, from: number): Record<string, string> | undefined {
  const attributes: Record<string, string> = {};
  ATTRIBUTE.lastIndex = from;
  while (ATTRIBUTE.lastIndex < tag.length) {
    const match = ATTRIBUTE.exec(tag);
    const value = match ? attributeValue(match[2] ?? '') : undefined;
    if (!match || value === undefined || Object.hasOwn(attributes, match[1] ?? '')) return undefined;
    attributes[match[1] ?? ''] = value;
  }
  return attributes;
}

/** Where `char` next occurs at or after `from`, or the end of `text`. */
function next(text: string, char: string, from: number): number {
  const at = text.indexOf(char, from);
  return at < 0 ? text.length : at;
}

/**
 * Reads `html` as plain markup, reporting elements and (decoded, non-empty) text runs as htmlparser2
 * would to its DOM handler; false as soon as it is not plain markup. It jumps from one "<", ">" or "&"
 * to the next with indexOf, each found once, so the scan stays linear however many tags there are.
 */
function readPlain(html: string, events?: PlainEvents, attributes = false): boolean {
  const open: string[] = [];
  let text = '';
  let i = 0;
  let lt = -1;
  let gt = -1;
  let amp = -1;
  for (;;) {
    if (lt < i) lt = next(html, '<', i);
    if (gt < i) gt = next(html, '>', i);
    if (amp < i) amp = next(html, '&', i);
    // Text runs to the next tag: no ">" in it, and "&" only in the entities written back as they are.
    if (gt < lt) return false;
    while (amp < lt) {
      const entity = ENTITIES.find(([written]) => html.startsWith(written, amp));
      if (!entity) return false;
      if (events) text += html.slice(i, amp) + entity[1];
      i = amp + entity[0].length;
      amp = next(html, '&', i);
    }
    if (events) text += html.slice(i, lt);
    if (lt === html.length) break;
    if (gt === html.length) return false;
    const closing = html.startsWith('/', lt + 1);
    const tag = html.slice(closing ? lt + 2 : lt + 1, gt);
    const extended = attributes && !PLAIN.has(tag) ? tagWithAttributes(tag) : undefined;
    const name = extended?.name ?? tag;
    if (!PLAIN.has(name) && !(extended && !closing) && !(attributes && closing && WITH_ATTRIBUTES.has(name)))
      return false;
    if (closing && VOID.has(name)) return false;
    if (events && text.length > 0) events.text(text);
    text = '';
    if (closing) {
      if (open.pop() !== name) return false;
      events?.close();
    } else if (VOID.has(name)) {
      events?.open(name, extended?.attributes ?? {});
      events?.close();
    } else {
      const top = open[open.length - 1];
      if (top !== undefined && IMPLIED_CLOSE.get(name)?.has(top)) return false;
      // An <a> inside an <a> is a tree htmlparser2 may not build as written: the full parser decides.
      if (name === 'a' && open.includes('a')) return false;
      if (open.length >= MAX_DEPTH) return false;
      open.push(name);
      events?.open(name, extended?.attributes ?? {});
    }
    i = gt + 1;
  }
  if (events && text.length > 0) events.text(text);
  return open.length === 0;
}

/** True when the sanitizer would return `html` unchanged but for trimming (see above). */
export function passesUnchanged(html: string): boolean {
  return readPlain(html);
}

/** The DOM htmlparser2's parseDocument(html, { decodeEntities: true }) builds, when `html` is plain markup. */
export function plainDocument(html: string): Document | undefined {
  return build(html, false);
}

/**
 * The same for markup the sanitizer wrote, which may also hold links, images and line breaks in the
 * sanitizer's own spelling (see WITH_ATTRIBUTES): the DOM that HtmlBody would otherwise parse for.
 */
export function sanitizedDocument(html: string): Document | undefined {
  return build(html, true);
}

function build(html: string, attributes: boolean): Document | undefined {
  // Default options, as parseDocument gives it: no start or end indices, HTML mode.
  const handler = new DomHandler();
  const built = readPlain(
    html,
    {
      open: (name, attribs) => handler.onopentag(name, attribs),
      close: () => handler.onclosetag(),
      text: (data) => handler.ontext(data),
    },
    attributes,
  );
  if (!built) return undefined;
  handler.onend();
  return handler.root;
}
