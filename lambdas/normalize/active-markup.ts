import { cleanInline, cleanProse, toParagraphs } from '../shared/text.ts';
import { VOID_ELEMENTS } from './html-elements.ts';
import { decodeEntities } from './parse/entities.ts';

/**
 * Markup that can run script, found in text that is not HTML. Plain-text
 * fields are published as text, but consumers paste headlines and summaries
 * into pages, where a literal `<script>` or `<img onerror=…>` runs. Such tags
 * are removed; everything else stays exactly as written, so "x < y", "<3" and
 * "the <canvas> element" still read so.
 *
 * Tags are read as a browser's tokenizer reads them in element content: "<"
 * (or "</") and an ASCII letter opens one; attributes are split on whitespace
 * and "/", values may be quoted; a tag never closed runs to the end of the
 * text (pasted before more markup, the page's next ">" would close it).
 */

/** Elements that run script, load documents or change how the page around them is read. */
const ACTIVE_ELEMENTS = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'form',
  'template',
  'base',
  'meta',
  'link',
]);
/** Active elements whose content is code, not text: it goes with them. */
const CODE_ELEMENTS = new Set(['script', 'style']);
const SCRIPT_URL = /^(?:javascript|vbscript|data):/i;
// Browsers drop ASCII whitespace and C0 controls inside a URL's scheme, and read "&#106" without its ";".
// biome-ignore lint/suspicious/noControlCharactersInRegex: the controls are what is removed
const URL_NOISE = /[\u0000-\u0020]+/g;
const NUMERIC_REFERENCE = /&#(?:x([0-9a-f]+)|(\d+));?/gi;
/**
 * What would make a tag look active to a reader less exact than a browser: an active element's name after
 * a "<", a handler after a space, a script URL after an "=". A browser reads these as parts of a name or
 * of a quoted value ("<scr<script>", `title="x onclick=y"`), so they are inert, but the tag has no
 * business in text, and it goes too.
 */
const LOOKS_ACTIVE = new RegExp(
  String.raw`<\s*/?\s*(?:${[...ACTIVE_ELEMENTS].join('|')})|[\s/"'=]on[a-z]+\s*=|=\s*["']?\s*(?:javascript|vbscript|data):`,
  'i',
);
/** Passes after which text whose removals keep forming new tags is given up on (see `withoutActiveMarkup`). */
const MAX_PASSES = 4;

interface Tag {
  readonly name: string;
  readonly closing: boolean;
  readonly end: number;
  readonly active: boolean;
}

const isLetter = (c: number) => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;

function isScriptUrl(value: string): boolean {
  const decoded = decodeEntities(
    value.replace(NUMERIC_REFERENCE, (_, hex: string | undefined, dec: string | undefined) => {
      const code = hex ? Number.parseInt(hex, 16) : Number(dec);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }),
  );
  return SCRIPT_URL.test(decoded.replace(URL_NOISE, ''));
}

/** The tag starting at `at` (a "<"), or undefined when the "<" opens none. */
function readTag(text: string, at: number): Tag | undefined {
  const closing = text.charCodeAt(at + 1) === 0x2f;
  let i = closing ? at + 2 : at + 1;
  if (!isLetter(text.charCodeAt(i))) return undefined;
  const nameStart = i;
  while (i < text.length && !isSpace(text.charCodeAt(i)) && text[i] !== '/' && text[i] !== '>') i++;
  const name = text.slice(nameStart, i).toLowerCase();
  let active = ACTIVE_ELEMENTS.has(name);
  for (;;) {
    while (i < text.length && (isSpace(text.charCodeAt(i)) || text[i] === '/')) i++;
    if (i >= text.length || text[i] === '>') {
      const end = i >= text.length ? text.length : i + 1;
      return { name, closing, end, active: active || LOOKS_ACTIVE.test(text.slice(at + 1, end)) };
    }
    // An attribute: its name's first character may be anything, "=" included.
    const attrStart = i++;
    while (i < text.length && !isSpace(text.charCodeAt(i)) && !'/>='.includes(text[i] ?? '')) i++;
    const attribute = text.slice(attrStart, i).toLowerCase();
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    let value = '';
    if (text[i] === '=') {
      i++;
      while (i < text.length && isSpace(text.charCodeAt(i))) i++;
      const quote = text[i];
      if (quote === '"' || quote === "'") {
        const close = text.indexOf(quote, i + 1);
        const valueEnd = close < 0 ? text.length : close;
        value = text.slice(i + 1, valueEnd);
        i = close < 0 ? text.length : close + 1;
      } else {
        const valueStart = i;
        while (i < text.length && !isSpace(text.charCodeAt(i)) && text[i] !== '>') i++;
        value = text.slice(valueStart, i);
      }
    }
    if (!closing && (attribute.startsWith('on') || (/[:&]/.test(value) && isScriptUrl(value)))) active = true;
  }
}

/** Finds where the end tag of each code element ends, searching the text once per element name. */
class CodeEnds {
  /** Names with no end tag left past the last search: later searches would find none either. */
  private readonly exhausted = new Set<string>();

  constructor(private readonly text: string) {}

  /** The end of the first `</name>` at or after `from`, or undefined when there is none. */
  after(name: string, from: number): number | undefined {
    if (this.exhausted.has(name)) return undefined;
    // A regex rather than indexOf on a lower-cased copy, whose indices can differ ("İ" lower-cases to two units).
    const candidate = new RegExp(`</${name}`, 'gi');
    candidate.lastIndex = from;
    for (let match = candidate.exec(this.text); match; match = candidate.exec(this.text)) {
      const tag = readTag(this.text, match.index);
      if (tag?.name === name) return tag.end;
    }
    this.exhausted.add(name);
    return undefined;
  }
}

/** One pass: active tags removed, with the content of code elements and the end tags of removed elements. */
function removeActiveTags(text: string): string {
  let out = '';
  let kept = 0;
  const codeEnds = new CodeEnds(text);
  /** Removed elements still open, by name: their end tags go too. */
  const removedOpen = new Map<string, number>();
  let at = text.indexOf('<');
  while (at >= 0) {
    const tag = readTag(text, at);
    if (!tag) {
      at = text.indexOf('<', at + 1);
      continue;
    }
    let remove = tag.active;
    let end = tag.end;
    const open = removedOpen.get(tag.name) ?? 0;
    if (tag.closing && open > 0) {
      removedOpen.set(tag.name, open - 1);
      remove = true;
    } else if (!tag.closing && tag.active) {
      // A code element never closed loses its tag only: the rest of the text is kept.
      if (CODE_ELEMENTS.has(tag.name)) end = codeEnds.after(tag.name, tag.end) ?? tag.end;
      else if (!VOID_ELEMENTS.has(tag.name)) removedOpen.set(tag.name, open + 1);
    }
    if (remove) {
      out += text.slice(kept, at);
      kept = end;
    }
    at = text.indexOf('<', end);
  }
  return kept === 0 ? text : out + text.slice(kept);
}

/**
 * `text` without tags that can run script (see above). A removal may join what was around it into a new
 * tag ("<<script></script>script>"), so passes repeat until nothing changes; text that still forms new
 * tags after MAX_PASSES is hostile, and every "<" that could open a tag is dropped from it.
 */
export function withoutActiveMarkup(text: string): string {
  let current = text;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    if (!current.includes('<')) return current;
    const next = removeActiveTags(current);
    if (next === current) return current;
    current = next;
  }
  return removeActiveTags(current) === current ? current : current.replace(/<+(?=[a-z/])/gi, '');
}

/**
 * The fields a format declares plain text (JSON Feed titles and summaries, text articles, Atom
 * type="text", ninjs headlines) are cleaned here, and only these: text read out of HTML has had its
 * markup parsed already, and what looks like a tag in it was written escaped, to be read.
 * Invisible characters go first, since removing one could make a tag ("<\u200Bscript>").
 */
export function plainInline(value: string, clean: (value: string) => string = cleanInline): string {
  const cleaned = clean(value);
  if (!cleaned.includes('<')) return cleaned;
  const inert = withoutActiveMarkup(cleaned);
  // Removing a tag may leave two spaces, or one at an end, where the field had one.
  return inert === cleaned ? cleaned : clean(inert);
}

/** A plain-text body as paragraphs (see `plainInline`). */
export function plainParagraphs(value: string): string[] {
  return toParagraphs(value.includes('<') ? withoutActiveMarkup(cleanProse(value)) : value);
}
