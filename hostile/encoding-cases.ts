import type { HostileCase } from './case.ts';
import { GOOD_ITEM, item, rss, utf16 } from './xml.ts';

const text = (value: string): Uint8Array => Buffer.from(value, 'utf8');

/** Wrong, undeclared and contradictory encodings, and byte order marks in the wrong places. */
export const ENCODING_CASES: readonly HostileCase[] = [
  {
    name: 'UTF-16LE with BOM',
    expect: 'either',
    viaPipeline: true,
    build: () => utf16(rss(GOOD_ITEM, '', '<?xml version="1.0" encoding="UTF-16"?>\n'), 'le', true),
  },
  {
    name: 'UTF-16BE without BOM, declared',
    expect: 'either',
    build: () => utf16(rss(GOOD_ITEM, '', '<?xml version="1.0" encoding="UTF-16BE"?>\n'), 'be', false),
  },
  {
    name: 'windows-1252 declared',
    expect: 'either',
    build: () =>
      Buffer.concat([
        text('<?xml version="1.0" encoding="windows-1252"?>\n'),
        Buffer.from(
          rss(item({ title: 'Caf\u00e9 \u201cquoted\u201d \u2014 dash', guid: 'w1252' }), '', '').replace(
            /[\u201c\u201d\u2014]/g,
            (c) => ({ '\u201c': '\x93', '\u201d': '\x94', '\u2014': '\x97' })[c] ?? c,
          ),
          'latin1',
        ),
      ]),
  },
  {
    name: 'windows-1252 undeclared (invalid UTF-8 bytes)',
    expect: 'either',
    build: () => Buffer.from(rss(item({ title: 'Caf\u00e9 \x93quoted\x94', guid: 'w1252u' })), 'latin1'),
  },
  {
    name: 'EUC-KR declared',
    expect: 'either',
    build: () =>
      Buffer.concat([
        text('<?xml version="1.0" encoding="EUC-KR"?>\n<rss version="2.0"><channel><title>'),
        Buffer.from([0xc7, 0xd1, 0xb1, 0xb9]), // 한국
        text('</title><link>https://hostile.example/</link><item><title>'),
        Buffer.from([0xb4, 0xba, 0xbd, 0xba]), // 뉴스
        text('</title><guid>euckr</guid><description>d</description></item></channel></rss>'),
      ]),
  },
  {
    name: 'EUC-KR undeclared',
    expect: 'either',
    build: () =>
      Buffer.concat([
        text('<rss version="2.0"><channel><title>t</title><item><title>'),
        Buffer.from([0xb4, 0xba, 0xbd, 0xba, 0xc7, 0xd1]),
        text('</title><guid>euckr2</guid></item></channel></rss>'),
      ]),
  },
  {
    name: 'Content-Type charset contradicts the XML declaration',
    expect: 'either',
    contentType: 'application/rss+xml; charset=utf-16',
    build: () => text(rss(GOOD_ITEM)),
  },
  {
    name: 'UTF-8 BOM then a UTF-16 declaration',
    expect: 'either',
    build: () =>
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        text(rss(GOOD_ITEM, '', '<?xml version="1.0" encoding="UTF-16"?>\n')),
      ]),
  },
  {
    name: 'double BOM',
    expect: 'either',
    build: () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), text(rss(GOOD_ITEM))]),
  },
  {
    name: 'UTF-16 BOM on UTF-8 bytes',
    expect: 'either',
    build: () => Buffer.concat([Buffer.from([0xff, 0xfe]), text(rss(GOOD_ITEM))]),
  },
];
