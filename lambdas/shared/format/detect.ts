import type { SourceFormat } from '../envelope.ts';
import { RejectedDocumentError } from '../errors.ts';
import { findDoctype, skipMisc } from './dtd.ts';

/** A format decided, with the JSON value when detection had to parse the whole document to decide. */
export interface Detected {
  readonly format: SourceFormat;
  readonly json?: unknown;
}

/**
 * Decides the format from the text itself, never from a file name: outlets
 * mislabel, and the same bytes must give the same result however they arrive.
 */
export function detectFormat(text: string): SourceFormat {
  return detectDocument(text).format;
}

/** `detectFormat`, keeping the parsed JSON so that it need not be parsed (and held) a second time. */
export function detectDocument(text: string): Detected {
  const head = text
    .slice(0, 4096)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (head.length === 0) throw new RejectedDocumentError('empty', 'document is empty');
  if (head.startsWith('{')) return detectJson(text);
  if (head.startsWith('<')) return { format: detectXml(text.replace(/^\uFEFF/, '')) };
  return { format: 'article' };
}

/**
 * Values a JSON document may hold. JSON.parse builds every one before anything can be checked, at
 * some 100 bytes each, so 20 MB of "{}," would take 600 MB. A real feed of 5,000 long stories holds a
 * few hundred thousand (each comma in its text counted too).
 */
const MAX_JSON_VALUES = 1_000_000;

/**
 * Whether `text` may hold more than MAX_JSON_VALUES values. Every value but the first opens a container
 * or follows a comma, so "{", "[" and "," (strings' own included) bound their number; text shorter than
 * the limit cannot reach it and is not scanned.
 */
function tooManyJsonValues(text: string): boolean {
  if (text.length <= MAX_JSON_VALUES) return false;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c === 0x2c || c === 0x7b || c === 0x5b) && ++count > MAX_JSON_VALUES) return true;
  }
  return false;
}

function detectJson(text: string): Detected {
  if (tooManyJsonValues(text)) {
    throw new RejectedDocumentError(
      'too-many-values',
      `JSON document holds more than ${MAX_JSON_VALUES} values: too many to read`,
    );
  }
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
      return { format: 'jsonfeed', json: value };
    }
    if (
      typeof record.uri === 'string' &&
      (['headlines', 'bodies', 'headline', 'body_html', 'body_text'].some((key) => key in record) ||
        // A kill or withdrawal may carry nothing but the uri it takes back.
        ['canceled', 'withheld'].includes(String(record.pubStatus ?? record.pubstatus)))
    ) {
      return { format: 'ninjs', json: value };
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
