import { type DocumentRef, ENVELOPE_SCHEMA, type FeedMeta, type ItemEnvelope } from '../shared/envelope.ts';
import { describeError } from '../shared/errors.ts';
import { cleanInline } from '../shared/text.ts';
import { FeedLanguage } from './feed-language.ts';
import { looseText } from './inline.ts';
import { canonicalLanguage, loadLanguageDetector, needsDetection } from './language.ts';
import { declaredLanguage, normalizeItem } from './normalize-item.ts';
import type { ResolvedBase } from './parse/bases.ts';
import { type ParseHints, parseDocument } from './parse/index.ts';
import { MAX_ITEMS_PER_DOCUMENT } from './parse/limits.ts';
import type { ItemError } from './parse/types.ts';
import { httpUrl } from './urls.ts';

export interface ArrivedDocument {
  readonly bytes: Uint8Array;
  readonly outlet: string;
  readonly bucket: string;
  readonly key: string;
  readonly ingestionId: string;
  readonly receivedAt: string;
  readonly hints?: ParseHints;
}

export interface NormalizedDocument {
  readonly document: DocumentRef;
  readonly envelopes: ItemEnvelope[];
  /** Entries that could not be used, each with its reason; the others still go on. */
  readonly itemErrors: ItemError[];
  /** The document-wide base for relative references (parse/bases.ts), when there was one. */
  readonly base?: ResolvedBase;
  /** Items kept without the embargo they gave, which no date reading understood: for the logs. */
  readonly unreadEmbargoes?: ReadonlyArray<{ readonly index: number; readonly value: string }>;
}

/** Items processed from one document at most (applied while parsing: parse/limits.ts). */
export { MAX_ITEMS_PER_DOCUMENT };

/**
 * Parses a document and normalizes each of its items into an envelope for the
 * next stage. A broken item is reported, never allowed to sink its siblings;
 * a document that is not a feed or article at all throws RejectedDocumentError.
 */
export async function normalizeDocument(
  arrived: ArrivedDocument,
  documentId: string,
): Promise<NormalizedDocument> {
  const parsed = await parseDocument(arrived.bytes, arrived.hints);
  const document: DocumentRef = {
    id: documentId,
    outlet: arrived.outlet,
    bucket: arrived.bucket,
    key: arrived.key,
    ingestionId: arrived.ingestionId,
    receivedAt: arrived.receivedAt,
    format: parsed.format,
    feed: parsed.feed ? cleanFeedMeta(parsed.feed) : null,
  };
  const envelopes: ItemEnvelope[] = [];
  const itemErrors: ItemError[] = [...parsed.itemErrors];
  // Past the cap (parse/limits.ts) the rest are reported, not processed; the raw bytes stay archived for
  // a replay. The feed parsers read the first entries only and count the others (`unreadItems`).
  const excess = (parsed.unreadItems ?? 0) + Math.max(0, parsed.items.length - MAX_ITEMS_PER_DOCUMENT);
  if (excess > 0) {
    itemErrors.push({
      index: MAX_ITEMS_PER_DOCUMENT,
      reason: `document has ${MAX_ITEMS_PER_DOCUMENT + excess} items; only the first ${MAX_ITEMS_PER_DOCUMENT} are processed (${excess} not)`,
    });
  }
  const items = parsed.items.slice(0, MAX_ITEMS_PER_DOCUMENT);
  // Most documents declare their language for every item; the detector is loaded only for those that do not.
  if (items.some((raw) => needsDetection(declaredLanguage(raw, document.feed)))) await loadLanguageDetector();
  const languages = new FeedLanguage();
  const unreadEmbargoes: Array<{ index: number; value: string }> = [];
  items.forEach((raw, listIndex) => {
    // Numbered by the entry's place in the document, so an item skipped by the parser keeps the numbers honest.
    const index = raw.position ?? listIndex;
    try {
      const item = normalizeItem(raw, {
        feed: document.feed,
        receivedAt: arrived.receivedAt,
        languages,
        ...(parsed.feedDate ? { feedDate: parsed.feedDate } : {}),
      });
      // An image-only body is still content; only an item with nothing at all is unusable.
      // A kill needs no text: it names the item it takes back.
      const empty = item.bodyText.length === 0 && item.headline.length === 0 && item.bodyHtml.length === 0;
      if (empty && !item.pubStatus) {
        itemErrors.push({ index, reason: 'item has neither a headline nor a body' });
        return;
      }
      if (raw.embargoed && !item.embargoed)
        unreadEmbargoes.push({ index, value: raw.embargoed.slice(0, 100) });
      envelopes.push({ schema: ENVELOPE_SCHEMA, document, index, item });
    } catch (error) {
      itemErrors.push({ index, reason: describeError(error) });
    }
  });
  return {
    document,
    envelopes,
    itemErrors,
    ...(parsed.base ? { base: parsed.base } : {}),
    ...(unreadEmbargoes.length > 0 ? { unreadEmbargoes } : {}),
  };
}

/**
 * The feed's own fields travel with every item and reach consumers (the feed
 * title as publisher, its copyright as notice, its licence as rights link),
 * so they get the same hygiene as item fields: text without markup, http(s) links.
 */
export function cleanFeedMeta(feed: FeedMeta): FeedMeta {
  const text = (value: string | undefined) => {
    const cleaned = value === undefined ? undefined : looseText(value);
    return cleaned ? cleaned : undefined;
  };
  const fields: FeedMeta = {
    title: text(feed.title),
    link: feed.link ? httpUrl(feed.link)?.href : undefined,
    description: text(feed.description),
    language: canonicalLanguage(feed.language),
    copyright: text(feed.copyright),
    generator: feed.generator ? cleanInline(feed.generator) || undefined : undefined,
    license: feed.license ? httpUrl(feed.license, feed.link)?.href : undefined,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as FeedMeta;
}
