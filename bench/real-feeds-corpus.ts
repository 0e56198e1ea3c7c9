import { SeededRandom } from '../soak/text.ts';

/**
 * Feeds shaped like the ones news sites, blogs and podcasts publish, generated from a seed (the same
 * seed gives the same bytes): rich HTML bodies (paragraphs, links whose query strings carry `&amp;`,
 * images, lists), Media RSS and enclosures, Atom `type="html"` escaped content, a feed that declares
 * no language, one whose items are in three languages, and a JSON Feed. The words are real English,
 * French and German words so that language detection has real work to do.
 */
const WORDS: Record<'en' | 'fr' | 'de', readonly string[]> = {
  en: `the council said on tuesday that the new bridge would open in spring after years of delay and
    residents who live near the river have asked for more buses while the mayor promised a review of
    traffic on the main road through the town centre where shops reported fewer visitors this winter
    because parking prices rose again and several families told reporters they would rather walk`.split(
    /\s+/,
  ),
  fr: `le conseil a annoncé mardi que le nouveau pont ouvrira au printemps après des années de retard et
    les habitants qui vivent près de la rivière demandent plus de bus tandis que le maire promet une
    révision de la circulation sur la route principale du centre ville où les commerçants ont vu moins
    de clients cet hiver parce que le stationnement a encore augmenté selon plusieurs familles`.split(/\s+/),
  de: `der rat hat am dienstag mitgeteilt dass die neue brücke nach jahren der verzögerung im frühling
    öffnen soll und die anwohner am fluss fordern mehr busse während der bürgermeister eine prüfung des
    verkehrs auf der hauptstraße durch die innenstadt versprochen hat wo die geschäfte in diesem winter
    weniger kunden meldeten weil das parken wieder teurer wurde sagten mehrere familien`.split(/\s+/),
};
export type CorpusLanguage = keyof typeof WORDS;

export interface CorpusFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly contentType: string;
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

class Writer {
  readonly #random: SeededRandom;

  constructor(seed: number) {
    this.#random = new SeededRandom(seed);
  }

  int(max: number): number {
    return this.#random.int(max);
  }

  sentence(language: CorpusLanguage, words = 9 + this.int(12)): string {
    const list = WORDS[language];
    const out = Array.from({ length: words }, () => list[this.int(list.length)] ?? 'news');
    const first = out[0] ?? 'news';
    out[0] = first.charAt(0).toUpperCase() + first.slice(1);
    return `${out.join(' ')}.`;
  }

  /** An article body as a CMS writes it: paragraphs with tracked links, an image, sometimes a list. */
  body(language: CorpusLanguage, host: string, id: number): string {
    const parts: string[] = [];
    const paragraphs = 4 + this.int(5);
    for (let p = 0; p < paragraphs; p++) {
      const link = `https://${host}/${language}/section-${this.int(9)}/story-${id}-${p}?id=${id}&amp;page=${p + 1}&amp;utm_source=rss&amp;utm_medium=feed`;
      const text = `${this.sentence(language)} ${this.sentence(language)}`;
      const cut = text.indexOf(' ', Math.floor(text.length / 2));
      parts.push(
        `<p>${text.slice(0, cut)} <a href="${link}">${this.sentence(language, 3).slice(0, -1)}</a>${text.slice(cut)} ${this.sentence(language)}</p>`,
      );
      if (p === 1) {
        parts.push(
          `<p><img src="https://img.${host}/photos/${id}/main.jpg?w=1200&amp;q=80" alt="${this.sentence(language, 5).slice(0, -1)}" width="1200" height="800"></p>`,
        );
      }
      if (p === 2 && id % 3 === 0) {
        parts.push(
          `<ul>${Array.from({ length: 3 }, () => `<li>${this.sentence(language, 6)}</li>`).join('')}</ul>`,
        );
      }
    }
    if (id % 4 === 0)
      parts.push(
        `<p><em>${this.sentence(language, 8)}</em> <strong>${this.sentence(language, 4)}</strong></p>`,
      );
    return parts.join('\n');
  }
}

const date = (id: number): Date => new Date(Date.UTC(2026, 10, 30, 23, 0, 0) - id * 1_800_000);

function fill(targetBytes: number, piece: (id: number) => string): string[] {
  const pieces: string[] = [];
  let size = 0;
  for (let id = 1; size < targetBytes; id++) {
    const text = piece(id);
    pieces.push(text);
    size += Buffer.byteLength(text);
  }
  return pieces;
}

/** RSS 2.0 with content:encoded, Media RSS and enclosures; `language` undefined declares none. */
export function richRss(
  seed: number,
  targetBytes: number,
  language: CorpusLanguage | undefined,
  mixed = false,
): string {
  const w = new Writer(seed);
  const host = `rss${seed}.example.com`;
  const languages: CorpusLanguage[] = ['en', 'fr', 'de'];
  const items = fill(targetBytes, (id) => {
    const lang = mixed ? (languages[id % 3] ?? 'en') : (language ?? 'en');
    const body = w.body(lang, host, id);
    const content = id % 2 === 0 ? `<![CDATA[${body}]]>` : escapeXml(body);
    return `<item>
<title>${escapeXml(w.sentence(lang, 6 + w.int(6)).slice(0, -1))}</title>
<link>https://${host}/${lang}/story-${id}?ref=rss&amp;utm_campaign=feed</link>
<guid isPermaLink="false">${host}-${id}</guid>
<pubDate>${date(id).toUTCString()}</pubDate>
<dc:creator>Reporter ${id % 7}</dc:creator>
<category>section-${id % 5}</category>
<description>${escapeXml(`<p>${w.sentence(lang)}</p>`)}</description>
<content:encoded>${content}</content:encoded>
<media:content url="https://img.${host}/photos/${id}/main.jpg" medium="image" type="image/jpeg" width="1200" height="800"><media:title>${escapeXml(w.sentence(lang, 4))}</media:title></media:content>
${id % 5 === 0 ? `<enclosure url="https://audio.${host}/${id}.mp3" type="audio/mpeg" length="${1_000_000 + id}"/>` : ''}
</item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>Rich RSS ${seed}</title>
<link>https://${host}/</link>
<atom:link rel="self" type="application/rss+xml" href="https://${host}/feed.rss"/>
<description>News from ${host}</description>
${language ? `<language>${language}</language>` : ''}
<lastBuildDate>${date(0).toUTCString()}</lastBuildDate>
${items.join('\n')}
</channel>
</rss>
`;
}

/** Atom 1.0 with escaped `type="html"` content, summaries and media:group thumbnails. */
export function richAtom(seed: number, targetBytes: number, language: CorpusLanguage = 'en'): string {
  const w = new Writer(seed);
  const host = `atom${seed}.example.org`;
  const entries = fill(targetBytes, (id) => {
    const when = date(id).toISOString();
    return `<entry>
<title type="html">${escapeXml(w.sentence(language, 7).slice(0, -1))}</title>
<link rel="alternate" type="text/html" href="https://${host}/posts/${id}?from=atom&amp;lang=${language}"/>
<id>tag:${host},2026:${id}</id>
<published>${when}</published>
<updated>${when}</updated>
<author><name>Writer ${id % 5}</name></author>
<category term="topic-${id % 6}"/>
<summary type="html">${escapeXml(`<p>${w.sentence(language)}</p>`)}</summary>
<content type="html">${escapeXml(w.body(language, host, id))}</content>
<media:group><media:thumbnail url="https://img.${host}/t/${id}.jpg" width="320" height="180"/></media:group>
</entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xml:lang="${language}">
<title>Rich Atom ${seed}</title>
<link href="https://${host}/"/>
<link rel="self" href="https://${host}/atom.xml"/>
<id>https://${host}/</id>
<updated>${date(0).toISOString()}</updated>
${entries.join('\n')}
</feed>
`;
}

/** JSON Feed 1.1 with content_html, summaries, images and attachments. */
export function richJsonFeed(seed: number, targetBytes: number, language: CorpusLanguage = 'en'): string {
  const w = new Writer(seed);
  const host = `json${seed}.example.net`;
  const items = fill(targetBytes, (id) =>
    JSON.stringify({
      id: `${host}/${id}`,
      url: `https://${host}/items/${id}?src=json&utm_source=feed`,
      title: w.sentence(language, 7).slice(0, -1),
      summary: w.sentence(language),
      content_html: w.body(language, host, id).replace(/&amp;/g, '&'),
      date_published: date(id).toISOString(),
      authors: [{ name: `Author ${id % 4}` }],
      tags: [`tag-${id % 8}`],
      image: `https://img.${host}/${id}.jpg`,
      ...(id % 6 === 0
        ? {
            attachments: [
              { url: `https://audio.${host}/${id}.mp3`, mime_type: 'audio/mpeg', size_in_bytes: 900_000 },
            ],
          }
        : {}),
    }),
  );
  return `{"version":"https://jsonfeed.org/version/1.1","title":"Rich JSON ${seed}","home_page_url":"https://${host}/","feed_url":"https://${host}/feed.json","language":"${language}","items":[\n${items.join(',\n')}\n]}\n`;
}

const SHAPES: ReadonlyArray<(seed: number, bytes: number) => Omit<CorpusFile, 'bytes'> & { text: string }> = [
  (seed, bytes) => ({
    name: 'rich.rss.xml',
    text: richRss(seed, bytes, 'en'),
    contentType: 'application/rss+xml',
  }),
  (seed, bytes) => ({
    name: 'rich.atom.xml',
    text: richAtom(seed, bytes, 'en'),
    contentType: 'application/atom+xml',
  }),
  (seed, bytes) => ({
    name: 'no-language.rss.xml',
    text: richRss(seed, bytes, undefined),
    contentType: 'application/rss+xml',
  }),
  (seed, bytes) => ({
    name: 'mixed-language.rss.xml',
    text: richRss(seed, bytes, undefined, true),
    contentType: 'application/rss+xml',
  }),
  (seed, bytes) => ({
    name: 'rich.feed.json',
    text: richJsonFeed(seed, bytes, 'fr'),
    contentType: 'application/feed+json',
  }),
];

function shape(index: number, seed: number, targetBytes: number): CorpusFile {
  const made = (SHAPES[index % SHAPES.length] as (typeof SHAPES)[number])(seed, targetBytes);
  return { name: made.name, contentType: made.contentType, bytes: new TextEncoder().encode(made.text) };
}

/** The speed issue's corpus: one feed of each shape at about `targetBytes` (1 MiB in the bench). */
export function realFeedsCorpus(targetBytes: number, seed = 16): CorpusFile[] {
  return SHAPES.map((_, i) => shape(i, seed + i, targetBytes));
}

/** The shapes the speed issue names (rich RSS and Atom, a feed with no language, a JSON Feed), by SHAPES index. */
const SPEED_SHAPES = [0, 1, 2, 4];
const MIXED_SHAPE = 3;

/** The throughput corpus: the speed issue's four shapes at about `targetBytes`. */
export function speedCorpus(targetBytes: number, seed = 16): CorpusFile[] {
  return SPEED_SHAPES.map((index) => shape(index, seed + index, targetBytes));
}

/**
 * A feed that declares no language and whose items are in three: every item needs its own detection,
 * so it is timed on its own row rather than averaged into the others.
 */
export function mixedLanguageFeed(targetBytes: number, seed = 16): CorpusFile {
  return shape(MIXED_SHAPE, seed + MIXED_SHAPE, targetBytes);
}

/** Ten feeds of about targetBytes each, the speed shapes in turn, for the whole-process row. */
export function tenFeeds(targetBytes: number): CorpusFile[] {
  return Array.from({ length: 10 }, (_, i) => {
    const file = shape(SPEED_SHAPES[i % SPEED_SHAPES.length] ?? 0, 100 + i, targetBytes);
    return { ...file, name: `${String(i).padStart(2, '0')}-${file.name}` };
  });
}
