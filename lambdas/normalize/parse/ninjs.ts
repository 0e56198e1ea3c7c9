import { RejectedDocumentError } from '../../shared/errors.ts';
import type { ParsedDocument, RawItem } from './types.ts';

type Json = Record<string, unknown>;

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : undefined;
}

function firstValue(list: unknown, contentTypePrefix?: string): string | undefined {
  if (!Array.isArray(list)) return undefined;
  const entries = list.filter(
    (e): e is Json => typeof e === 'object' && e !== null && typeof e.value === 'string',
  );
  if (contentTypePrefix) {
    return entries.find(
      (e) => typeof e.contentType === 'string' && e.contentType.startsWith(contentTypePrefix),
    )?.value as string | undefined;
  }
  return entries[0]?.value as string | undefined;
}

/** The first of several property names that holds a string (ninjs renamed fields between versions). */
function field(doc: Json, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = str(doc[name]);
    if (value) return value;
  }
  return undefined;
}

function names(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry) =>
    typeof entry === 'object' && entry !== null && str((entry as Json).name)
      ? [str((entry as Json).name) as string]
      : [],
  );
}

/**
 * A single ninjs document pushed by an outlet that already speaks ninjs: 1.x
 * (`headline`, `body_html`, lower-case dates), 2.x (`headlines`, `bodies`) and
 * 3.x (camelCase dates, `by`) are all read.
 */
export function parseNinjs(value: unknown): ParsedDocument {
  const doc = (typeof value === 'object' && value !== null ? value : {}) as Json;
  const uri = str(doc.uri);
  if (!uri) throw new RejectedDocumentError('malformed-ninjs', 'ninjs document has no uri');
  const html = firstValue(doc.bodies, 'text/html') ?? field(doc, 'body_html');
  const plain =
    firstValue(doc.bodies, 'text/plain') ??
    field(doc, 'body_text') ??
    (html ? undefined : firstValue(doc.bodies));
  const headline = firstValue(doc.headlines) ?? field(doc, 'headline');
  const summary = firstValue(doc.descriptions) ?? field(doc, 'description_text');
  const byline = field(doc, 'by', 'byline');
  const item: RawItem = {
    guid: uri,
    position: 0,
    authors: byline ? [byline] : [],
    categories: names(doc.subjects),
  };
  if (headline) item.title = { value: headline, type: 'text' };
  if (html) item.content = { value: html, type: 'html' };
  else if (plain) item.content = { value: plain, type: 'text' };
  if (summary) item.summary = { value: summary, type: 'text' };
  const published = field(doc, 'firstCreated', 'firstcreated', 'contentCreated', 'contentcreated');
  if (published) item.published = published;
  const updated = field(doc, 'versionCreated', 'versioncreated');
  if (updated) item.updated = updated;
  const rights = field(doc, 'copyrightNotice', 'copyrightnotice');
  if (rights) item.rights = rights;
  const language = field(doc, 'language');
  if (language) item.language = language;
  // ninjs 3.x says embargoedUntil; 1.x and 2.x said embargoed.
  const embargoed = field(doc, 'embargoedUntil', 'embargoed');
  if (embargoed) item.embargoed = embargoed;
  // ninjs 1.x spells it pubstatus; a kill or withdrawal needs neither headline nor body.
  const status = field(doc, 'pubStatus', 'pubstatus');
  if (status === 'canceled' || status === 'withheld') item.pubStatus = status;
  else if (!item.title && !item.content) {
    throw new RejectedDocumentError('malformed-ninjs', 'ninjs document has neither a headline nor a body');
  }
  return { format: 'ninjs', feed: null, items: [item], itemErrors: [] };
}
