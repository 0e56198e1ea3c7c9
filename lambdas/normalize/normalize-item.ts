import type { FeedMeta, NormalizedItem } from '../shared/envelope.ts';
import { sha256Hex } from '../shared/hash.ts';
import { cleanInline } from '../shared/text.ts';
import { withoutActiveMarkup } from './active-markup.ts';
import { extractArticleParts } from './article-parts.ts';
import { type Body, TextBody } from './body.ts';
import { parseDate } from './dates.ts';
import type { FeedLanguage } from './feed-language.ts';
import { sanitize } from './html.ts';
import { HtmlBody } from './html-body.ts';
import { inlineText, looseText } from './inline.ts';
import { resolveLanguage } from './language.ts';
import { normalizeMedia } from './media.ts';
import type { RawItem, RawText } from './parse/index.ts';
import { canonicalUrl, httpUrl } from './urls.ts';

export interface NormalizeContext {
  readonly feed: FeedMeta | null;
  readonly feedDate?: string;
  /** When the document arrived: the fallback for items without a usable date. */
  readonly receivedAt: string;
  /** Detection shared by the items of one document (feed-language.ts); alone, each item is detected. */
  readonly languages?: FeedLanguage;
}

const MAX_HEADLINE_FROM_BODY = 120;

function readBody(
  source: RawText | undefined,
  baseUrl: string | undefined,
): { body: Body; licenses: string[] } {
  if (!source) return { body: new TextBody(''), licenses: [] };
  if (source.type === 'text') return { body: new TextBody(source.value), licenses: [] };
  const sanitized = sanitize(source.value, baseUrl);
  return { body: new HtmlBody(sanitized.html), licenses: sanitized.licenses };
}

function headlineFromBody(bodyText: string): string {
  const first = bodyText.split('\n\n', 1)[0] ?? '';
  const sentence = /^(.{10,}?[.!?])\s/.exec(first)?.[1] ?? first;
  return sentence.length > MAX_HEADLINE_FROM_BODY
    ? `${sentence.slice(0, MAX_HEADLINE_FROM_BODY - 1)}…`
    : sentence;
}

const MAX_AUTHOR = 256;

// RSS <author> is "email (Name)": the name is what readers and `by` want.
function authorName(value: string): string {
  // Anchored classes that cannot overlap, so a hostile run of '@' stays linear.
  const named = /^[^\s@]+@[^\s(]+\s*\((.+)\)$/.exec(value.trim().slice(0, MAX_AUTHOR));
  return looseText(named?.[1] ?? value);
}

function nonEmpty(values: readonly string[]): string[] {
  return values.filter((v) => v.length > 0);
}

/** The language an item declares, its own before its feed's: what resolveLanguage starts from. */
export function declaredLanguage(raw: RawItem, feed: FeedMeta | null): string | undefined {
  return raw.language ?? feed?.language;
}

/** A guid that is a script URL is a trap for whoever renders identifiers as links. */
const SCRIPTABLE_URL = /^\s*(?:javascript|vbscript|data|file):/i;

/**
 * One raw entry → one clean, safe, uniformly shaped item. Pure: no I/O. An
 * item that declares no language needs `loadLanguageDetector()` settled first
 * (normalizeDocument does that for the documents that need it).
 * Never rejects an item for its date: a missing or impossible one falls back
 * to the feed's date, then to the receipt time, and `publishedFrom` says so.
 */
export function normalizeItem(raw: RawItem, context: NormalizeContext): NormalizedItem {
  const baseUrl = raw.baseUrl ?? context.feed?.link;
  const baseFrom = raw.baseFrom ?? (baseUrl ? 'feed-link' : undefined);
  const { body, licenses } = readBody(raw.content ?? raw.summary, baseUrl);
  const parts = extractArticleParts(body.paragraphs);
  for (const index of parts.drop) body.drop(index);
  if (parts.cut) body.cut(parts.cut.index, parts.cut.length);
  const bodyText = body.text();
  const bodyHtml = body.html();

  const headline = inlineText(raw.title) ?? headlineFromBody(bodyText);
  const summary = raw.content && raw.summary ? inlineText(raw.summary) : undefined;
  const url = raw.link ? canonicalUrl(raw.link, baseUrl) : undefined;
  const guid = raw.guid ? cleanInline(raw.guid) : undefined;
  const identity = guid
    ? `guid:${guid}`
    : url
      ? `url:${url}`
      : `hash:${sha256Hex(`${headline}\n${bodyText}`)}`;

  const updatedDate = parseDate(raw.updated);
  const itemDate = parseDate(raw.published) ?? updatedDate;
  const feedDate = itemDate ? undefined : parseDate(context.feedDate);
  const published = (itemDate ?? feedDate)?.toISOString() ?? context.receivedAt;
  const updated = updatedDate?.toISOString();
  // An embargo that cannot be read is no embargo: the item goes on (document.ts reports it).
  const embargoed = parseDate(raw.embargoed)?.toISOString();

  const authors = nonEmpty(raw.authors.map(authorName));
  const byline = parts.byline ?? (authors.length > 0 ? authors.join(', ') : undefined);
  const rights = raw.rights ? looseText(raw.rights) : undefined;
  // The format's own licence field wins; else the body's rel="license" link (read before rel was replaced).
  const license = (raw.license ? httpUrl(raw.license, baseUrl)?.href : undefined) ?? licenses[0];
  const media = normalizeMedia(raw.media, baseUrl);

  return {
    identity,
    // The identity keeps any guid; consumers only see one that cannot run if they make it a link, or
    // paste it into a page (a guid is an identifier: one holding a script tag is not cleaned, just not shown).
    ...(guid && !SCRIPTABLE_URL.test(guid) && withoutActiveMarkup(guid) === guid ? { guid } : {}),
    ...(url ? { url } : {}),
    headline,
    ...(summary ? { summary } : {}),
    bodyText,
    bodyHtml,
    language: (context.languages ?? { resolve: resolveLanguage }).resolve(
      declaredLanguage(raw, context.feed),
      `${headline}\n${bodyText}`,
    ),
    published,
    publishedFrom: itemDate ? 'item' : feedDate ? 'feed' : 'receipt',
    ...(updated ? { updated } : {}),
    ...(byline ? { byline: cleanInline(byline) } : {}),
    ...(parts.dateline ? { dateline: parts.dateline } : {}),
    notices: parts.notices,
    authors,
    categories: nonEmpty(raw.categories.map(looseText)),
    ...(rights ? { rights } : {}),
    ...(license ? { license } : {}),
    ...(media.length > 0 ? { media } : {}),
    ...(baseUrl && baseFrom ? { base: { url: baseUrl, from: baseFrom } } : {}),
    ...(raw.pubStatus ? { pubStatus: raw.pubStatus } : {}),
    ...(embargoed ? { embargoed } : {}),
  };
}
