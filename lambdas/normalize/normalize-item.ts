import type { FeedMeta, NormalizedItem } from '../shared/envelope.ts';
import { sha256Hex } from '../shared/hash.ts';
import { extractArticleParts } from './article-parts.ts';
import { parseDate } from './dates.ts';
import { htmlToInline, htmlToParagraphs, sanitize } from './html.ts';
import { resolveLanguage } from './language.ts';
import type { RawItem, RawText } from './parse/index.ts';
import { cleanInline, joinParagraphs, paragraphsToHtml, toParagraphs } from './text.ts';
import { canonicalUrl } from './urls.ts';

export interface NormalizeContext {
  readonly feed: FeedMeta | null;
  readonly feedDate?: string;
  /** When the document arrived: the fallback for items without a usable date. */
  readonly receivedAt: string;
}

const MAX_HEADLINE_FROM_BODY = 120;

function inline(text: RawText | undefined): string | undefined {
  if (!text) return undefined;
  const value = text.type === 'html' ? htmlToInline(text.value) : cleanInline(text.value);
  return value.length > 0 ? value : undefined;
}

function bodyParagraphs(
  body: RawText | undefined,
  baseUrl: string | undefined,
): { paragraphs: string[]; html?: string } {
  if (!body) return { paragraphs: [] };
  if (body.type === 'text') return { paragraphs: toParagraphs(body.value) };
  const html = sanitize(body.value, baseUrl);
  return { paragraphs: htmlToParagraphs(html), html };
}

function headlineFromBody(paragraphs: readonly string[]): string {
  const first = paragraphs[0] ?? '';
  const sentence = /^(.{10,}?[.!?])\s/.exec(first)?.[1] ?? first;
  return sentence.length > MAX_HEADLINE_FROM_BODY
    ? `${sentence.slice(0, MAX_HEADLINE_FROM_BODY - 1)}…`
    : sentence;
}

/** One raw entry → one clean, safe, uniformly shaped item. Pure: no I/O. */
export function normalizeItem(raw: RawItem, context: NormalizeContext): NormalizedItem {
  const baseUrl = raw.baseUrl ?? context.feed?.link;
  const source = raw.content ?? raw.summary;
  const body = bodyParagraphs(source, baseUrl);
  const parts = extractArticleParts(body.paragraphs);
  const bodyText = joinParagraphs(parts.paragraphs);
  const changed =
    parts.paragraphs.length !== body.paragraphs.length || parts.dateline !== undefined || parts.byline;
  // When furniture was lifted out of an HTML body, the HTML is rebuilt from the cleaned text so the two agree.
  const bodyHtml = body.html && !changed ? body.html : paragraphsToHtml(parts.paragraphs);

  const headline = inline(raw.title) ?? headlineFromBody(parts.paragraphs);
  const summary = raw.content && raw.summary ? inline(raw.summary) : undefined;
  const url = raw.link ? canonicalUrl(raw.link, baseUrl) : undefined;
  const guid = raw.guid ? cleanInline(raw.guid) : undefined;
  const identity = guid
    ? `guid:${guid}`
    : url
      ? `url:${url}`
      : `hash:${sha256Hex(`${headline}\n${bodyText}`)}`;

  const itemDate = parseDate(raw.published) ?? parseDate(raw.updated);
  const feedDate = itemDate ? undefined : parseDate(context.feedDate);
  const published = (itemDate ?? feedDate)?.toISOString() ?? context.receivedAt;
  const updated = parseDate(raw.updated)?.toISOString();

  const authors = raw.authors.map(cleanInline).filter((a) => a.length > 0);
  const byline = parts.byline ?? (authors.length > 0 ? authors.join(', ') : undefined);

  return {
    identity,
    ...(guid ? { guid } : {}),
    ...(url ? { url } : {}),
    headline,
    ...(summary ? { summary } : {}),
    bodyText,
    bodyHtml,
    language: resolveLanguage(raw.language ?? context.feed?.language, `${headline}\n${bodyText}`),
    published,
    publishedFrom: itemDate ? 'item' : feedDate ? 'feed' : 'receipt',
    ...(updated ? { updated } : {}),
    ...(byline ? { byline: cleanInline(byline) } : {}),
    ...(parts.dateline ? { dateline: parts.dateline } : {}),
    notices: parts.notices,
    authors,
    categories: raw.categories.map(cleanInline).filter((c) => c.length > 0),
    ...(raw.rights ? { rights: cleanInline(raw.rights) } : {}),
    ...(raw.license ? { license: raw.license } : {}),
  };
}
