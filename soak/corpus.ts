import { CONTENT_TYPES, FEED_FORMATS, type FeedFormat, type FeedItem, renderFeed } from './feeds.ts';
import { SeededRandom } from './text.ts';

/**
 * What the generator expects of each story, so conservation can be checked
 * without trusting the pipeline's own reports: how many distinct (uri, version)
 * pairs must reach the output queue for it.
 */
export type StoryKind = 'unique' | 'overlap' | 'repost' | 'version' | 'poison' | 'empty';

export interface Story {
  readonly token: string;
  kind: StoryKind;
  readonly outlet: string;
  readonly item: FeedItem;
  /** Distinct (uri, version) pairs that must be published. */
  expectedKeys: number;
  reused: boolean;
}

/** One item inside one document: the unit conservation accounts for. */
export interface Occurrence {
  readonly token: string;
  readonly index: number;
}

export interface SoakDocument {
  readonly outlet: string;
  readonly format: FeedFormat | 'html';
  readonly bytes: Uint8Array;
  readonly contentType: string;
  readonly occurrences: readonly Occurrence[];
}

export interface SoakCorpus {
  readonly documents: SoakDocument[];
  readonly stories: ReadonlyMap<string, Story>;
  readonly items: number;
}

export interface CorpusOptions {
  readonly items: number;
  readonly seed?: number;
  readonly itemsPerDocument?: number;
  readonly outlets?: number;
  /** Share of item slots that re-send an earlier item with a changed body (a new version). */
  readonly versionShare?: number;
}

export const TOKEN_PATTERN = /\bS\d{6}\b/;
// Shares of item slots; the rest are new stories.
const SHARES = { overlap: 0.06, repost: 0.04, version: 0.03 };
// Empty and poison items come at fixed places so even a small corpus has some.
const EMPTY_EVERY = 100;
const POISON_EVERY = 90;
const HTML_PAGE_EVERY = 60;

export function generateSoakCorpus(options: CorpusOptions): SoakCorpus {
  const random = new SeededRandom(options.seed ?? 9);
  const SHARE = { ...SHARES, version: options.versionShare ?? SHARES.version };
  const perDocument = options.itemsPerDocument ?? 25;
  const outlets = Array.from(
    { length: options.outlets ?? 40 },
    (_, i) => `outlet-${String(i).padStart(2, '0')}`,
  );
  const stories = new Map<string, Story>();
  const history = new Map<string, Story[]>(outlets.map((o) => [o, []]));
  const documents: SoakDocument[] = [];
  let total = 0;
  let serial = 0;
  const when = Date.UTC(2026, 10, 1);

  const newStory = (outlet: string, kind: StoryKind): Story => {
    const token = `S${String(serial++).padStart(6, '0')}`;
    const item: FeedItem =
      kind === 'empty'
        ? { guid: `${outlet}-${token}`, link: '', title: '', paragraphs: [], published: iso(when, serial) }
        : {
            guid: `${outlet}-${token}`,
            link: `https://${outlet}.example/news/${token.toLowerCase()}`,
            title: `${token} ${random.sentence(6).slice(0, -1)}`,
            paragraphs: random.paragraphs(3),
            published: iso(when, serial),
            author: `${random.word()} ${random.word()}`,
          };
    const story: Story = {
      token,
      kind,
      outlet,
      item,
      expectedKeys: kind === 'empty' || kind === 'poison' ? 0 : 1,
      reused: kind !== 'unique',
    };
    stories.set(token, story);
    if (kind === 'unique') history.get(outlet)?.push(story);
    return story;
  };

  const pickReusable = (outlet: string): Story | undefined => {
    const list = history.get(outlet) ?? [];
    for (let tries = 0; tries < 4 && list.length > 0; tries++) {
      const candidate = list[random.int(list.length)];
      if (candidate && !candidate.reused) return candidate;
    }
    return undefined;
  };

  for (let d = 0; total < options.items; d++) {
    const outlet = outlets[d % outlets.length] as string;
    if (d > 0 && d % HTML_PAGE_EVERY === 0) {
      const page = `<!DOCTYPE html><html><head><title>Page ${d}</title></head><body><p>${random.sentence(12)}</p></body></html>`;
      documents.push({
        outlet,
        format: 'html',
        bytes: Buffer.from(page),
        contentType: 'text/html; charset=utf-8',
        occurrences: [],
      });
      continue;
    }
    const format = FEED_FORMATS[d % FEED_FORMATS.length] as FeedFormat;
    const items: FeedItem[] = [];
    const occurrences: Occurrence[] = [];
    const count = Math.min(perDocument, options.items - total);
    for (let index = 0; index < count; index++) {
      const roll = random.next();
      let story: Story | undefined;
      let item: FeedItem | undefined;
      const repostAt = SHARE.overlap + SHARE.repost;
      const versionAt = repostAt + SHARE.version;
      if (roll < SHARE.overlap) {
        story = pickReusable(outlet);
        if (story) {
          story.kind = 'overlap';
          item = story.item;
        }
      } else if (roll < repostAt) {
        const other = outlets[(d + 1 + random.int(outlets.length - 1)) % outlets.length] as string;
        story = pickReusable(other);
        if (story) {
          story.kind = 'repost';
          item = {
            ...story.item,
            guid: `${outlet}-copy-${story.token}`,
            link: `https://${outlet}.example/r/${story.token}`,
          };
        }
      } else if (roll < versionAt) {
        story = pickReusable(outlet);
        if (story) {
          story.kind = 'version';
          story.expectedKeys = 2;
          item = {
            ...story.item,
            title: `${story.token} ${random.sentence(6).slice(0, -1)}`,
            paragraphs: random.paragraphs(3),
          };
        }
      } else if (total + index === EMPTY_EVERY / 2 || (total + index) % EMPTY_EVERY === 0) {
        story = newStory(outlet, 'empty');
      } else if (total + index === POISON_EVERY / 2 || (total + index) % POISON_EVERY === 0) {
        story = newStory(outlet, 'poison');
      }
      if (story) story.reused = true;
      else story = newStory(outlet, 'unique');
      items.push(item ?? story.item);
      occurrences.push({ token: story.token, index });
    }
    total += count;
    documents.push({
      outlet,
      format,
      bytes: Buffer.from(
        renderFeed(format, { title: `${outlet} news ${d}`, link: `https://${outlet}.example/`, items }),
      ),
      contentType: CONTENT_TYPES[format],
      occurrences,
    });
  }
  return { documents, stories, items: total };
}

function iso(base: number, serial: number): string {
  return new Date(base + serial * 60_000).toISOString();
}
