import { RejectedDocumentError } from '../../shared/errors.ts';
import { absoluteHttp, documentBase, type ResolvedBase } from './bases.ts';
import { MAX_ITEMS_PER_DOCUMENT } from './limits.ts';
import { MAX_MEDIA_PER_ITEM } from './media.ts';
import type { ParsedDocument, RawItem, RawMedia } from './types.ts';

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
export function parseJsonFeed(value: unknown, location?: string): ParsedDocument {
  const doc = (isObject(value) ? value : {}) as Json;
  if (!Array.isArray(doc.items)) {
    throw new RejectedDocumentError('malformed-feed', 'JSON Feed has no "items" array');
  }
  // JSON has no xml:base: the fetched-from URL, then `feed_url` (its self link), then `home_page_url`.
  const base = documentBase({ location, self: str(doc.feed_url), feedLink: str(doc.home_page_url) });
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
    // Resolved against baseUrl by normalize, like every link.
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
    // JSON Feed's extensions are objects under a key starting with "_": ours is `_syndicate`.
    const extension = entry._syndicate;
    const embargoed = isObject(extension) ? str(extension.embargoed) : undefined;
    if (embargoed) item.embargoed = embargoed;
    const language = str(entry.language) ?? str(doc.language);
    if (language) item.language = language;
    if (base) {
      item.baseUrl = base.url;
      item.baseFrom = base.from;
    }
    const media = jsonMedia(entry, base);
    if (media.length > 0) item.media = media;
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
  return {
    format: 'jsonfeed',
    feed,
    items,
    itemErrors,
    ...(unreadItems > 0 ? { unreadItems } : {}),
    ...(base ? { base } : {}),
  };
}

/** The item's `image` as its thumbnail and its `attachments` as enclosures, resolved against the base. */
function jsonMedia(entry: Json, base: ResolvedBase | undefined): RawMedia[] {
  const resolve = (url: string) => (base ? (absoluteHttp(url, base.url) ?? url) : url);
  const image = str(entry.image);
  const attachments = Array.isArray(entry.attachments) ? entry.attachments : [];
  const media: RawMedia[] = image ? [{ url: resolve(image), kind: 'thumbnail' }] : [];
  for (const attachment of attachments) {
    const url = isObject(attachment) ? str(attachment.url) : undefined;
    if (!url || !isObject(attachment)) continue;
    const type = str(attachment.mime_type);
    const title = str(attachment.title);
    const size = typeof attachment.size_in_bytes === 'number' ? String(attachment.size_in_bytes) : undefined;
    const duration =
      typeof attachment.duration_in_seconds === 'number' ? String(attachment.duration_in_seconds) : undefined;
    media.push({
      url: resolve(url),
      kind: 'enclosure',
      ...(type ? { type } : {}),
      ...(title ? { title } : {}),
      ...(size ? { size } : {}),
      ...(duration ? { duration } : {}),
    });
  }
  return media.slice(0, MAX_MEDIA_PER_ITEM);
}

function collectAuthors(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((author) =>
    isObject(author) && str(author.name) ? [str(author.name) as string] : [],
  );
}
