/**
 * Adversarial floods: bodies made only of the tokens the parsers, cleaners,
 * taggers and dedupe's detail and shingle extractors look for (site names,
 * credit frames, notices, datelines, bylines, quotes, brackets, URLs,
 * entities, markup), repeated or mixed up to a size. A stage that compares
 * each token with every earlier one shows it here, at a few megabytes.
 * Deterministic: the same kind and size give the same bytes.
 */
export const FLOOD_KINDS = [
  'site-names',
  'credit-frames',
  'notices',
  'datelines',
  'bylines',
  'quotes',
  'brackets',
  'urls',
  'entities',
  'numbers',
  'markup',
  'mixed',
] as const;
export type FloodKind = (typeof FLOOD_KINDS)[number];

const TOKENS: Record<Exclude<FloodKind, 'mixed'>, readonly string[]> = {
  'site-names': ['a.com ', 'b.co.uk ', 'news.example.org ', 'x.io, '],
  'credit-frames': [
    'Reuters reported. ',
    'according to the AP, ',
    'AFP said. ',
    '(Reuters) ',
    'told Newsweek. ',
  ],
  notices: ['© 2026 Reuters. All rights reserved. ', 'Copyright (c) AP 2026. ', 'Licensed under CC BY 4.0. '],
  datelines: ['LONDON (Reuters) - ', 'PARIS, Dec 4 (AFP) — ', 'NEW YORK -- '],
  bylines: ['By John Smith\n', 'Reporting by Ann Lee; Editing by Tom Ray\n', '— Staff Writer\n'],
  quotes: ['"a" ', '“b” ', "'c' ", '« d » ', '"'],
  brackets: ['(', '[', '{', ')', '] ', '(x) ', '[1] '],
  urls: ['https://a.com/x ', 'http://b.example/p?q=1 ', 'www.c.org/y ', 'mailto:z@d.com '],
  entities: ['&amp; ', '&#x41; ', '&nbsp;', '&lt;b&gt; ', '&copy; ', '&#169; '],
  numbers: ['12 ', '3.5% ', '$4m ', '2026 ', '7,000 ', 'No. 9 '],
  markup: ['<p>', '</p>', '<b>', '<a href="https://a.com/">a</a> ', '<br>', '<img src=x> '],
};

/** A small, seeded generator: the same flood every run, no Math.random. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** About `bytes` of text made of one kind's tokens (or all kinds' for `mixed`), as UTF-8 characters. */
export function flood(kind: FloodKind, bytes: number, seed = 1): string {
  const pool = kind === 'mixed' ? Object.values(TOKENS).flat() : TOKENS[kind];
  const next = lcg(seed);
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const token = pool[Math.floor(next() * pool.length)] ?? ' ';
    parts.push(token);
    size += Buffer.byteLength(token);
  }
  return parts.join('');
}

/** A plain-text article whose body is the flood, as an outlet would push it. */
export function floodArticle(kind: FloodKind, bytes: number): Uint8Array {
  return Buffer.from(`Flood of ${kind}\n\n${flood(kind, bytes)}\n`, 'utf8');
}

/** An RSS item whose HTML content is the flood: the same tokens through the feed parser and HTML cleaner. */
export function floodFeed(kind: FloodKind, bytes: number): Uint8Array {
  const body = flood(kind, bytes).replaceAll(']]>', ']] >');
  return Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">' +
      '<channel><title>Flood</title><link>https://flood.example/</link><description>d</description>' +
      `<item><title>Flood of ${kind}</title><guid isPermaLink="false">flood-${kind}</guid>` +
      `<content:encoded><![CDATA[${body}]]></content:encoded></item></channel></rss>\n`,
    'utf8',
  );
}
