/**
 * DOCTYPE handling, chosen for safety: the DOCTYPE (internal subset included)
 * is cut out before parsing, so no external entity, parameter entity or
 * external DTD is ever fetched or read. The one thing kept is what feeds really
 * use: internal general entities whose replacement is plain literal text
 * (`<!ENTITY id "tag:example.com,">`). Those are substituted once, in a single
 * pass; a replacement may not itself contain `&`, `%` or `<`, so there is no
 * nesting, and the total growth is capped, so "billion laughs" cannot happen.
 */

const MAX_ENTITIES = 64;
const MAX_REPLACEMENT = 1024;
/** Substitution may grow the document by at most this many characters. */
const MAX_GROWTH = 1024 * 1024;
const PREDEFINED = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

export interface StrippedDoctype {
  readonly text: string;
  /** Entity names declared but not usable (external, parameter, or containing markup), for diagnostics. */
  readonly ignored: readonly string[];
}

/**
 * Skips whitespace, comments and processing instructions from `at`; undefined
 * when one of them is never closed. Bounded: every turn consumes one construct.
 */
export function skipMisc(text: string, from: number): number | undefined {
  let at = from;
  for (;;) {
    while (at < text.length && /\s|\uFEFF/.test(text[at] ?? '')) at++;
    const closer = text.startsWith('<!--', at) ? '-->' : text.startsWith('<?', at) ? '?>' : undefined;
    if (!closer) return at;
    const end = text.indexOf(closer, at + 2);
    if (end < 0) return undefined;
    at = end + closer.length;
  }
}

/** Finds the DOCTYPE in the prolog only (after the declaration, comments and PIs), internal subset included. */
export function findDoctype(text: string): { start: number; end: number; subset: string } | undefined {
  const at = skipMisc(text, 0);
  if (at === undefined) return undefined;
  if (!/^<!DOCTYPE\b/i.test(text.slice(at, at + 9))) return undefined;
  const start = at;
  const open = text.indexOf('[', start);
  const close = text.indexOf('>', start);
  if (close < 0) return undefined;
  if (open < 0 || open > close) return { start, end: close + 1, subset: '' };
  const subsetEnd = text.indexOf(']', open);
  if (subsetEnd < 0) return undefined;
  const end = text.indexOf('>', subsetEnd);
  if (end < 0) return undefined;
  return { start, end: end + 1, subset: text.slice(open + 1, subsetEnd) };
}

export function stripDoctype(text: string): StrippedDoctype {
  const doctype = findDoctype(text);
  if (!doctype) return { text, ignored: [] };
  const entities = new Map<string, string>();
  const ignored: string[] = [];
  // `[^<>]*` and not `[^>]*`: an unclosed declaration must stop at the next one, or each scans to the end (quadratic).
  const declaration = /<!ENTITY\s+(%\s+)?([A-Za-z_][\w.-]*)\s+([^<>]*)>/g;
  for (const match of doctype.subset.matchAll(declaration)) {
    const name = match[2] ?? '';
    const literal = /^(["'])([^"']*)\1\s*$/.exec(match[3] ?? '');
    const value = literal?.[2];
    const usable =
      !match[1] &&
      value !== undefined &&
      value.length <= MAX_REPLACEMENT &&
      !/[&%<]/.test(value) &&
      !PREDEFINED.has(name) &&
      entities.size < MAX_ENTITIES;
    if (usable) entities.set(name, value);
    else ignored.push(name);
  }
  const body = text.slice(0, doctype.start) + text.slice(doctype.end);
  if (entities.size === 0) return { text: body, ignored };
  let growth = 0;
  const substituted = body.replace(/&([A-Za-z_][\w.-]*);/g, (reference, name: string) => {
    const value = entities.get(name);
    if (value === undefined || growth + value.length > MAX_GROWTH) return reference;
    growth += value.length;
    return value;
  });
  return { text: substituted, ignored };
}
