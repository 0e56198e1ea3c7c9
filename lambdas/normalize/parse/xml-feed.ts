import Parser from 'rss-parser';
import type { SourceFormat } from '../../shared/envelope.ts';
import { RejectedDocumentError } from '../../shared/errors.ts';
import type { ParsedDocument, RawItem, RawText } from './types.ts';

type CustomFeed = {
  copyright?: string;
  rights?: string;
  subtitle?: string;
  generator?: string;
  language?: string;
};
type CustomItem = {
  'content:encoded'?: string;
  'dc:rights'?: string;
  rights?: string;
  summary?: string;
  id?: string;
};

// One parser per cold start: rss-parser is stateless between parseString calls.
const parser = new Parser<CustomFeed, CustomItem>({
  defaultRSS: 2.0,
  customFields: {
    feed: ['copyright', 'rights', 'subtitle', 'generator', 'language'],
    item: ['dc:rights', 'rights', 'summary', 'id'],
  },
});

function text(value: unknown, type: RawText['type']): RawText | undefined {
  if (typeof value !== 'string' || value.trim().length === 0) return undefined;
  return { value, type };
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : undefined;
}

/** RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom through rss-parser, mapped onto RawItem. */
export async function parseXmlFeed(xml: string, format: SourceFormat): Promise<ParsedDocument> {
  let feed: Awaited<ReturnType<typeof parser.parseString>>;
  try {
    feed = await parser.parseString(xml);
  } catch (error) {
    throw new RejectedDocumentError(
      'malformed-feed',
      `feed could not be parsed: ${(error as Error).message}`,
    );
  }
  const items: RawItem[] = (feed.items ?? []).map((entry) => {
    const html = str(entry['content:encoded']) ?? (format === 'atom' ? str(entry.content) : undefined);
    const summary = format === 'atom' ? str(entry.summary) : str(entry.content);
    const item: RawItem = {
      authors: [str(entry.creator), str((entry as { author?: unknown }).author)].filter(
        (a): a is string => !!a,
      ),
      categories: (entry.categories ?? []).filter((c): c is string => typeof c === 'string'),
    };
    const guid = str(entry.guid) ?? str(entry.id);
    if (guid) item.guid = guid;
    const link = str(entry.link);
    if (link) item.link = link;
    const title = text(entry.title, 'html');
    if (title) item.title = title;
    const content = text(html, 'html');
    if (content) item.content = content;
    const description = text(summary, 'html');
    if (description) item.summary = description;
    const published = str(entry.isoDate) ?? str(entry.pubDate);
    if (published) item.published = published;
    const rights = str(entry['dc:rights']) ?? str(entry.rights);
    if (rights) item.rights = rights;
    const base = str(feed.link);
    if (base) item.baseUrl = base;
    return item;
  });
  const meta = {
    ...(str(feed.title) ? { title: str(feed.title) } : {}),
    ...(str(feed.link) ? { link: str(feed.link) } : {}),
    ...(str(feed.description) || str(feed.subtitle)
      ? { description: str(feed.description) ?? str(feed.subtitle) }
      : {}),
    ...(str(feed.language) ? { language: str(feed.language) } : {}),
    ...(str(feed.copyright) || str(feed.rights)
      ? { copyright: str(feed.copyright) ?? str(feed.rights) }
      : {}),
    ...(str(feed.generator) ? { generator: str(feed.generator) } : {}),
  };
  return { format, feed: meta, items, itemErrors: [] };
}
