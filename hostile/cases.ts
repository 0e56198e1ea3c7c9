import type { HostileCase } from './case.ts';
import { ENCODING_CASES } from './encoding-cases.ts';
import { FLOOD_CASES } from './flood-cases.ts';
import { SCRIPT_CASES } from './script-cases.ts';
import { VOLUME_CASES } from './volume-cases.ts';
import { GOOD_ITEM, item, rss } from './xml.ts';

export type { HostileCase } from './case.ts';

const text = (value: string): Uint8Array => Buffer.from(value, 'utf8');
const SCRIPT = '<script>alert(1)</script>';

function laughs(levels: number, fanout: number): string {
  const entities = [`<!ENTITY lol0 "lol">`];
  for (let i = 1; i < levels; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(fanout)}">`);
  return `<!DOCTYPE rss [${entities.join('')}]>`;
}

/** The whole corpus: entity tricks, nesting, size, NUL and control characters, non-feeds, encodings, script. */
export const HOSTILE_CASES: readonly HostileCase[] = [
  {
    name: 'billion laughs (10 levels × 10)',
    expect: 'either',
    viaPipeline: true,
    build: () =>
      text(
        `<?xml version="1.0"?>\n${laughs(10, 10)}${rss(item({ title: '&lol9;', guid: 'bl', description: '&lol9;' }), '', '')}`,
      ),
  },
  {
    name: 'quadratic blow-up (100 KB entity × 5,000)',
    expect: 'either',
    build: () =>
      text(
        `<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "${'a'.repeat(100_000)}">]>` +
          rss(item({ title: 'q', guid: 'q', description: '&a;'.repeat(5_000) }), '', ''),
      ),
  },
  {
    name: 'external entity file:///etc/passwd',
    expect: 'either',
    viaPipeline: true,
    build: () =>
      text(
        `<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>` +
          rss(item({ title: 'x &xxe;', guid: 'xxe', description: '&xxe;' }), '', ''),
      ),
  },
  {
    name: 'external entity http://127.0.0.1:1/ and a parameter entity',
    expect: 'either',
    build: () =>
      text(
        `<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY % remote SYSTEM "http://127.0.0.1:1/evil.dtd"> %remote;` +
          `<!ENTITY net SYSTEM "http://127.0.0.1:1/">]>${rss(item({ title: 'n &net;', guid: 'net', description: '&net;' }), '', '')}`,
      ),
  },
  {
    name: 'deeply nested HTML in content (100,000 <div>)',
    expect: 'either',
    viaPipeline: true,
    itemError: /HTML nested more than \d+ elements deep/,
    build: () =>
      text(
        rss(
          item({
            title: 'deep',
            guid: 'deep',
            content: `${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}`,
          }),
        ),
      ),
  },
  {
    name: 'deeply nested HTML in a JSON Feed title (100,000 <div>)',
    expect: 'either',
    build: () =>
      text(
        JSON.stringify({
          version: 'https://jsonfeed.org/version/1.1',
          title: `${'<div>'.repeat(100_000)}x`,
          items: [{ id: 'deep', title: 'Deep', content_html: `${'<div>'.repeat(100_000)}x` }],
        }),
      ),
  },
  {
    name: 'deeply nested XML elements (100,000)',
    expect: 'either',
    build: () => text(rss(`<item><title>t</title>${'<x>'.repeat(100_000)}${'</x>'.repeat(100_000)}</item>`)),
  },
  {
    name: 'deeply nested JSON (100,000 arrays)',
    expect: 'either',
    build: () =>
      text(
        `{"version":"https://jsonfeed.org/version/1.1","title":"t","items":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
      ),
  },
  {
    name: '20 MB title',
    expect: 'either',
    build: () => text(rss(item({ title: 'A'.repeat(20_000_000), guid: 'big', description: 'd' }))),
  },
  {
    name: 'over the size limit (21 MiB)',
    expect: 'reject',
    build: () => text(rss(item({ title: 'B'.repeat(21 * 1024 * 1024), guid: 'huge' }))),
  },
  {
    name: '200,000-item feed',
    expect: 'either',
    build: () => {
      const items: string[] = [];
      for (let i = 0; i < 200_000; i++) items.push(`<item><title>t${i}</title><guid>g${i}</guid></item>`);
      return text(rss(items.join('')));
    },
  },
  {
    name: 'NUL characters',
    expect: 'reject',
    viaPipeline: true,
    build: () => text(rss(item({ title: 'nul\u0000title', guid: 'nul', description: 'a\u0000b' }))),
  },
  {
    name: 'control characters and escaped NUL in JSON Feed',
    expect: 'either',
    build: () =>
      text(
        JSON.stringify({
          version: 'https://jsonfeed.org/version/1.1',
          title: 'ctl\u0001\u0007\u001b[31m',
          items: [
            {
              id: 'c1',
              title: 'bell\u0007 esc\u001b[2J nul\u0000',
              content_text: 'body\u0000 with\u0008 controls\u007f',
            },
          ],
        }),
      ),
  },
  {
    name: 'XML 1.0 forbidden control characters in RSS',
    expect: 'either',
    build: () =>
      text(rss(item({ title: 'ctl\u0001\u0002\u001b', guid: 'ctl', description: 'x\u000b\u000cy' }))),
  },
  ...VOLUME_CASES,
  ...ENCODING_CASES,
  ...SCRIPT_CASES,
  ...FLOOD_CASES,
  {
    name: 'truncated XML',
    expect: 'either',
    viaPipeline: true,
    build: () => {
      const whole = rss([GOOD_ITEM, item({ title: 'second', guid: 'tr2', description: 'more' })].join(''));
      return text(whole.slice(0, Math.floor(whole.length * 0.6)));
    },
  },
  {
    name: 'HTML page',
    expect: 'reject',
    viaPipeline: true,
    contentType: 'text/html',
    build: () =>
      text(
        `<!DOCTYPE html>\n<html><head><title>Home</title></head><body>${SCRIPT}<p>Not a feed.</p></body></html>`,
      ),
  },
  {
    name: 'HTML page without a doctype',
    expect: 'reject',
    build: () => text('<html><body><h1>News</h1><p>Not a feed either.</p></body></html>'),
  },
  {
    name: 'JSON object that is not a feed',
    expect: 'reject',
    build: () => text('{"hello":"world","items":[1,2,3]}'),
  },
  {
    name: 'JSON Feed with items that are not objects',
    expect: 'either',
    build: () =>
      text('{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[1,"two",null,[3]]}'),
  },
  { name: 'JSON array', expect: 'either', build: () => text('[{"title":"not a feed"}]') },
  {
    name: 'broken JSON',
    expect: 'reject',
    build: () => text('{"version":"https://jsonfeed.org/version/1.1", "items": ['),
  },
  // Inputs that once made a regular expression scan quadratically (found in review).
  {
    name: 'internal DTD subset of 20,000 unclosed ENTITY declarations',
    expect: 'either',
    build: () => text(`<!DOCTYPE rss [${'<!ENTITY a '.repeat(20_000)}]>${rss(GOOD_ITEM)}`),
  },
  {
    name: 'body of 50,000 hyphenated capitals (credit finder)',
    expect: 'either',
    build: () => text(rss(item({ title: 'Hyphens', guid: 'hy', description: 'A-'.repeat(50_000) }))),
  },
  {
    name: 'author of 100,000 "@"',
    expect: 'either',
    build: () =>
      text(
        rss(
          item({ title: 'Author', guid: 'au', description: 'A short body.' }).replace(
            '<pubDate>',
            `<author>${'@'.repeat(100_000)}</author><pubDate>`,
          ),
        ),
      ),
  },
  {
    name: 'attribute that closes an iframe (XSS through re-serialization)',
    expect: 'either',
    build: () =>
      text(
        rss(
          item({
            title: 'Frame',
            guid: 'fr',
            content:
              '<p>Some body text here for the story.</p><iframe src="https://www.youtube.com/embed/x"><abbr title="</iframe><img src=x onerror=alert(document.domain)>">x</abbr></iframe>',
          }),
        ),
      ),
  },
  { name: 'empty document', expect: 'reject', build: () => new Uint8Array(0) },
  {
    name: 'binary bytes',
    expect: 'reject',
    build: () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 73) % 256),
  },
];
