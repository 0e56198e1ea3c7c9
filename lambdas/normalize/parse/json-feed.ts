import { RejectedDocumentError } from '../../shared/errors.ts';
import { MAX_ITEMS_PER_DOCUMENT } from './limits.ts';
import type { ParsedDocument, RawItem } from './types.ts';

type Json = Record<string, unknown>;

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : undefined;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1), as JSON.parse gave it. Entries past
 * MAX_ITEMS_PER_DOCUMENT are counted, not read.
 */
export function parseJsonFeed(value: unknown): ParsedDocument {
  const doc = (isObject(value) ? value : {}) as Json;
  if (!Array.isArray(doc.items)) {
    throw new RejectedDocumentError('malformed-feed', 'JSON Feed has no "items" array');
  }
  const feedAuthors = collectAuthors(doc.authors ?? (doc.author ? [doc.author] : []));
  const items: RawItem[] = [];
  const itemErrors: ParsedDocument['itemErrors'] = [];
  const entries: unknown[] = doc.items.slice(0, MAX_ITEMS_PER_DOCUMENT);
  const unreadItems = doc.items.length - entries.length;
  entries.forEach((entry, index) => {
    if (!isObject(entry)) {
      itemErrors.push({ index, reason: 'item is not an object' });
      return;
    }
    const own = collectAuthors(entry.authors ?? (entry.author ? [entry.author] : []));
    const item: RawItem = {
      position: index,
      // 1.1 has `authors` (a list), 1.0 had `author`; an item without its own takes the feed's.
      authors: own.length > 0 ? own : feedAuthors,
      categories: Array.isArray(entry.tags)
        ? entry.tags.filter((t): t is string => typeof t === 'string')
        : [],
    };
    const guid = str(entry.id) ?? (typeof entry.id === 'number' ? String(entry.id) : undefined);
    if (guid) item.guid = guid;
    const link = str(entry.url) ?? str(entry.external_url);
    if (link) item.link = link;
    const title = str(entry.title);
    if (title) item.title = { value: title, type: 'text' };
    const html = str(entry.content_html);
    const plain = str(entry.content_text);
    if (html) item.content = { value: html, type: 'html' };
    else if (plain) item.content = { value: plain, type: 'text' };
    const summary = str(entry.summary);
    if (summary) item.summary = { value: summary, type: 'text' };
    const published = str(entry.date_published);
    if (published) item.published = published;
    const updated = str(entry.date_modified);
    if (updated) item.updated = updated;
    const language = str(entry.language) ?? str(doc.language);
    if (language) item.language = language;
    const home = str(doc.home_page_url);
    if (home) item.baseUrl = home;
    if (!item.title && !item.content && !item.summary) {
      itemErrors.push({ index, reason: 'item has no title, content or summary' });
      return;
    }
    items.push(item);
  });
  const feed = {
    ...(str(doc.title) ? { title: str(doc.title) } : {}),
    ...(str(doc.home_page_url) ? { link: str(doc.home_page_url) } : {}),
    ...(str(doc.description) ? { description: str(doc.description) } : {}),
    ...(str(doc.language) ? { language: str(doc.language) } : {}),
  };
  return { format: 'jsonfeed', feed, items, itemErrors, ...(unreadItems > 0 ? { unreadItems } : {}) };
}

function collectAuthors(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((author) =>
    isObject(author) && str(author.name) ? [str(author.name) as string] : [],
  );
}
