/**
 * Translates the simple forms of feedparser's `Expect:` expressions (Python)
 * into checks this pipeline can answer. Anything outside those forms makes the
 * whole case "untranslated": it is counted, never guessed at.
 */

export type FeedField = 'title' | 'link' | 'description' | 'copyright' | 'language' | 'generator';
export type EntryField = 'title' | 'link' | 'id' | 'summary' | 'content' | 'published' | 'updated';

export type Clause =
  | { readonly kind: 'not-bozo' }
  | { readonly kind: 'bozo' }
  | { readonly kind: 'parses' }
  | { readonly kind: 'feed'; readonly field: FeedField; readonly expected: string }
  | { readonly kind: 'entry'; readonly field: EntryField; readonly expected: string };

export interface ExpectHeader {
  readonly description: string;
  readonly expect: string;
  readonly contentType?: string;
}

/** Reads the header comment at the top of a test file. */
export function readHeader(text: string): ExpectHeader | undefined {
  const comment = /<!--([\s\S]*?)-->/.exec(text.slice(0, 4096))?.[1];
  if (!comment) return undefined;
  const line = (name: string) => new RegExp(`^\\s*${name}:\\s*(.*)$`, 'm').exec(comment)?.[1]?.trim();
  const expect = line('Expect');
  if (expect === undefined) return undefined;
  const header = line('Header');
  const contentType = header ? /^content-type:\s*(.*)$/i.exec(header)?.[1] : undefined;
  return { description: line('Description') ?? '', expect, ...(contentType ? { contentType } : {}) };
}

const FEED_FIELDS: Readonly<Record<string, FeedField>> = {
  title: 'title',
  title_detail_value: 'title',
  link: 'link',
  description: 'description',
  subtitle: 'description',
  tagline: 'description',
  info: 'description',
  description_detail_value: 'description',
  subtitle_detail_value: 'description',
  tagline_detail_value: 'description',
  info_detail_value: 'description',
  rights: 'copyright',
  copyright: 'copyright',
  rights_detail_value: 'copyright',
  copyright_detail_value: 'copyright',
  language: 'language',
  generator: 'generator',
};

const ENTRY_FIELDS: Readonly<Record<string, EntryField>> = {
  title: 'title',
  title_detail_value: 'title',
  link: 'link',
  id: 'id',
  guid: 'id',
  summary: 'summary',
  description: 'summary',
  summary_detail_value: 'summary',
  description_detail_value: 'summary',
  content_0_value: 'content',
  published_parsed: 'published',
  issued_parsed: 'published',
  created_parsed: 'published',
  updated_parsed: 'updated',
  modified_parsed: 'updated',
  date_parsed: 'updated',
};

/** Splits on a top-level keyword (outside strings and brackets). */
function splitTopLevel(expression: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < expression.length; i++) {
    const char = expression[i] ?? '';
    if (quote) {
      if (char === '\\') i++;
      else if (expression.startsWith(quote, i)) {
        i += quote.length - 1;
        quote = undefined;
      }
      continue;
    }
    if (expression.startsWith('"""', i) || expression.startsWith("'''", i)) {
      quote = expression.slice(i, i + 3);
      i += 2;
    } else if (char === '"' || char === "'") quote = char;
    else if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) depth--;
    else if (depth === 0 && expression.startsWith(separator, i)) {
      parts.push(expression.slice(start, i));
      start = i + separator.length;
      i += separator.length - 1;
    }
  }
  parts.push(expression.slice(start));
  return parts.map((p) => p.trim());
}

/** A Python string literal (with the escapes the suite uses), or undefined. */
export function pythonString(literal: string): string | undefined {
  const match = /^[uU]?(?:"""([\s\S]*)"""|'''([\s\S]*)'''|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')$/.exec(
    literal.trim(),
  );
  if (!match) return undefined;
  const body = match[1] ?? match[2] ?? match[3] ?? match[4] ?? '';
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, sequence: string) => {
    const head = sequence[0];
    if (head === 'x' || head === 'u' || head === 'U')
      return String.fromCodePoint(parseInt(sequence.slice(1), 16));
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };
    return simple[sequence] ?? `\\${sequence}`;
  });
}

/** A struct_time tuple as an ISO instant (the suite's dates are UTC). */
function pythonTime(literal: string): string | undefined {
  const numbers = /^\(([\d\s,]+)\)$/
    .exec(literal.trim())?.[1]
    ?.split(',')
    .map((n) => Number(n.trim()));
  if (numbers?.length !== 9) return undefined;
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = numbers;
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s)).toISOString();
}

function path(lhs: string): { root: 'feed' | 'entry'; key: string } | undefined {
  const match = /^(feed|entries\[0\])((?:\[(?:'\w+'|"\w+"|0)\]|\.\w+)+)$/.exec(lhs.replace(/\s+/g, ''));
  if (!match) return undefined;
  const keys = [...(match[2] ?? '').matchAll(/\[['"]?(\w+)['"]?\]|\.(\w+)/g)].map((m) => m[1] ?? m[2]);
  return { root: match[1] === 'feed' ? 'feed' : 'entry', key: keys.join('_') };
}

/** True when the first parenthesis closes at the very end: `(a == b)`, not `(a) == (b)`. */
function wrapped(source: string): boolean {
  if (!source.startsWith('(') || !source.endsWith(')')) return false;
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '(') depth++;
    else if (source[i] === ')') depth--;
    if (depth === 0) return i === source.length - 1;
  }
  return false;
}

function clause(text: string): Clause | undefined {
  let source = text.trim();
  while (wrapped(source)) source = source.slice(1, -1).trim();
  if (source === 'not bozo') return { kind: 'not-bozo' };
  if (source === 'bozo') return { kind: 'bozo' };
  if (source === '1') return { kind: 'parses' };
  const sides = splitTopLevel(source, '==');
  if (sides.length !== 2) return undefined;
  const target = path(sides[0] ?? '');
  if (!target) return undefined;
  if (target.root === 'feed') {
    const field = FEED_FIELDS[target.key];
    const expected = pythonString(sides[1] ?? '');
    return field && expected !== undefined ? { kind: 'feed', field, expected } : undefined;
  }
  const field = ENTRY_FIELDS[target.key];
  if (!field) return undefined;
  const isDate = field === 'published' || field === 'updated';
  const expected = isDate ? pythonTime(sides[1] ?? '') : pythonString(sides[1] ?? '');
  return expected !== undefined ? { kind: 'entry', field, expected } : undefined;
}

/** The clauses of an Expect expression, or undefined when any part is outside the translated forms. */
export function translate(expect: string): Clause[] | undefined {
  const clauses = splitTopLevel(expect, ' and ').map(clause);
  return clauses.every((c): c is Clause => c !== undefined) ? clauses : undefined;
}
