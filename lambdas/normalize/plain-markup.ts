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
const PLAIN = new Set([
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
const IMPLIED_CLOSE = new Map<string, ReadonlySet<string>>([
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
const MAX_DEPTH = 64;

const ENTITIES: ReadonlyArray<readonly [string, string]> = [
  ['&amp;', '&'],
  ['&lt;', '<'],
  ['&gt;', '>'],
];

interface PlainEvents {
  open(name: string): void;
  close(): void;
  text(data: string): void;
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
function readPlain(html: string, events?: PlainEvents): boolean {
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
    const name = html.slice(closing ? lt + 2 : lt + 1, gt);
    if (!PLAIN.has(name)) return false;
    if (events && text.length > 0) events.text(text);
    text = '';
    if (closing) {
      if (open.pop() !== name) return false;
      events?.close();
    } else {
      const top = open[open.length - 1];
      if (top !== undefined && IMPLIED_CLOSE.get(name)?.has(top)) return false;
      if (open.length >= MAX_DEPTH) return false;
      open.push(name);
      events?.open(name);
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
  // Default options, as parseDocument gives it: no start or end indices, HTML mode.
  const handler = new DomHandler();
  const built = readPlain(html, {
    open: (name) => handler.onopentag(name, {}),
    close: () => handler.onclosetag(),
    text: (data) => handler.ontext(data),
  });
  if (!built) return undefined;
  handler.onend();
  return handler.root;
}
