import { Parser } from 'htmlparser2';
import { canonicalUrl } from '../../lambdas/normalize/urls.ts';

/** The text a reader sees in a string that may hold markup: tags dropped, entities decoded. */
export function visibleText(value: string): string {
  if (!/[<&]/.test(value)) return value;
  const parts: string[] = [];
  const parser = new Parser({ ontext: (text) => parts.push(text) }, { decodeEntities: true });
  parser.end(value);
  return parts.join('');
}

const squash = (value: string) => value.replace(/\s+/g, '');

/**
 * Text fields compare by what a reader sees, ignoring whitespace: the pipeline
 * sanitises markup with its own allowlist and turns HTML into paragraphs, so
 * feedparser's exact markup (or spacing between blocks) cannot be expected.
 * `actual` is plain text for published items; feed metadata may hold markup.
 */
export function sameText(expected: string, actual: string | undefined, actualMayBeMarkup = false): boolean {
  if (actual === undefined) return expected.trim().length === 0;
  const seen = squash(visibleText(expected));
  if (squash(expected) === squash(actual) || seen === squash(actual)) return true;
  return actualMayBeMarkup && seen === squash(visibleText(actual));
}

/**
 * Links compare as written or after the pipeline's own canonicalisation of the
 * expected value (tracking parameters and fragments removed, host lower-cased).
 */
export function sameLink(expected: string, actual: string | undefined): boolean {
  if (actual === undefined) return false;
  return actual === expected || actual === canonicalUrl(expected);
}

/** Dates compare as UTC instants. */
export function sameInstant(expected: string, actual: string | undefined): boolean {
  if (actual === undefined) return false;
  const a = Date.parse(actual);
  return !Number.isNaN(a) && a === Date.parse(expected);
}
