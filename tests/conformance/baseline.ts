import Parser from 'rss-parser';
import type { EntryField, FeedField } from './expect.ts';
import type { Reader } from './run-suite.ts';

type Loose = Record<string, unknown>;

const str = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * The reference point: rss-parser as it comes (default options, bytes read as
 * UTF-8), mapped onto the same checks as the pipeline. Only used to measure
 * how far the closed gaps move the pass rate (docs/conformance.md).
 */
export function bareRssParserReader(): Reader {
  const parser = new Parser();
  return {
    async read(bytes) {
      const feed = (await parser.parseString(Buffer.from(bytes).toString('utf8'))) as unknown as Loose;
      const item = (Array.isArray(feed.items) ? feed.items[0] : undefined) as Loose | undefined;
      const feedValue: Record<FeedField, unknown> = {
        title: feed.title,
        link: feed.link,
        description: feed.description ?? feed.subtitle,
        copyright: feed.copyright ?? feed.rights,
        language: feed.language,
        generator: feed.generator,
      };
      const entryValue = (field: EntryField): unknown => {
        if (!item) return undefined;
        const values: Record<EntryField, unknown> = {
          title: item.title,
          link: item.link,
          id: item.guid ?? item.id,
          summary: item.summary ?? item.content,
          content: item['content:encoded'] ?? item.content,
          published: item.isoDate,
          updated: item.isoDate,
        };
        return values[field];
      };
      return {
        feed: (field) => [str(feedValue[field])],
        entry: item ? { fromRaw: true, get: (field) => str(entryValue(field)) } : undefined,
      };
    },
    // Every error a bare parser throws is its way of rejecting the document.
    isRejection: () => true,
  };
}
