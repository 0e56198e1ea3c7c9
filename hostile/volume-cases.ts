import type { HostileCase } from './case.ts';
import { GOOD_ITEM, item, rss } from './xml.ts';

const text = (value: string): Uint8Array => Buffer.from(value, 'utf8');
const JSON_FEED = 'https://jsonfeed.org/version/1.1';

/**
 * Documents within the size limit that would each need hundreds of megabytes as a tree or object: many
 * entries, many JSON values, many nodes outside entries, many attributes.
 */
export const VOLUME_CASES: readonly HostileCase[] = [
  {
    name: '200,000-item JSON Feed',
    expect: 'either',
    build: () =>
      text(
        JSON.stringify({
          version: JSON_FEED,
          title: 't',
          items: Array.from({ length: 200_000 }, (_, i) => ({ id: String(i), title: `t${i}` })),
        }),
      ),
  },
  {
    name: 'JSON Feed of 6,000,000 empty items',
    expect: 'either',
    build: () => text(`{"version":"${JSON_FEED}","title":"t","items":[${'{},'.repeat(5_999_999)}{}]}`),
  },
  {
    name: '3,000,000 empty XML elements in the channel',
    expect: 'either',
    build: () => text(rss(`${'<x/>'.repeat(3_000_000)}${GOOD_ITEM}`)),
  },
  {
    name: 'XML element with 1,000,000 attributes',
    expect: 'either',
    build: () => {
      const attributes = Array.from({ length: 1_000_000 }, (_, i) => `a${i}=""`).join(' ');
      return text(
        rss(
          item({ title: 'Attributes', guid: 'at', description: 'd' }).replace(
            '<item>',
            `<item ${attributes}>`,
          ),
        ),
      );
    },
  },
  {
    name: 'HTML tag with 1,600,000 attributes in content',
    expect: 'either',
    build: () => {
      const attributes = Array.from({ length: 1_600_000 }, (_, i) => `a${i}=""`).join(' ');
      return text(rss(item({ title: 'Attributes', guid: 'ha', content: `<p ${attributes}>x</p>` })));
    },
  },
];
