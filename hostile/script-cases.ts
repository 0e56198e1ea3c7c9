import type { HostileCase } from './case.ts';
import { item, rss } from './xml.ts';

const text = (value: string): Uint8Array => Buffer.from(value, 'utf8');
const SCRIPT = '<script>alert(1)</script>';
const XSS_HTML =
  `<p onclick="alert(1)">Story text with links.</p>${SCRIPT}<img src="x" onerror="alert(1)">` +
  '<a href="javascript:alert(1)">a</a><a href="JaVaScRiPt:alert(1)">b</a><a href="&#106;avascript:alert(1)">c</a>' +
  '<a href="java\tscript:alert(1)">d</a><iframe src="javascript:alert(1)"></iframe><svg onload="alert(1)"></svg>' +
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">e</a><style>body{background:url(javascript:alert(1))}</style>' +
  '<form action="javascript:alert(1)"><input onfocus="alert(1)" autofocus></form><object data="javascript:alert(1)"></object>';
const escapeXml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Script, script URLs and event handlers in every field of every format; bidi tricks and look-alike hosts. */
export const SCRIPT_CASES: readonly HostileCase[] = [
  {
    name: 'script and javascript: in every RSS field',
    expect: 'either',
    viaPipeline: true,
    build: () =>
      text(
        rss(
          item({
            title: escapeXml(`Headline ${SCRIPT}<img src=x onerror=alert(1)>`),
            link: 'javascript:alert(1)',
            guid: 'javascript:alert(1)',
            description: escapeXml(XSS_HTML),
            content: XSS_HTML,
          }).replace(
            '</item>',
            `<author>${escapeXml(SCRIPT)}</author><category>${escapeXml(SCRIPT)}</category></item>`,
          ),
          `<image><url>javascript:alert(1)</url></image><copyright>${escapeXml(SCRIPT)}</copyright>`,
        )
          .replace('<title>Hostile</title>', `<title>${escapeXml(SCRIPT)}</title>`)
          .replace('<link>https://hostile.example/</link>', '<link>javascript:alert(1)</link>'),
      ),
  },
  {
    name: 'script and javascript: in every Atom field (xml:base javascript:)',
    expect: 'either',
    build: () =>
      text(
        `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="javascript:alert(1)//">` +
          `<title type="html">${escapeXml(SCRIPT)}</title><id>urn:x</id><updated>2026-11-24T10:00:00Z</updated>` +
          `<entry><title type="html">${escapeXml(`T ${SCRIPT}`)}</title><id>javascript:alert(1)</id>` +
          `<link href="javascript:alert(1)"/><updated>2026-11-24T10:00:00Z</updated>` +
          `<author><name>${escapeXml(SCRIPT)}</name><uri>javascript:alert(1)</uri></author>` +
          `<summary type="html">${escapeXml(XSS_HTML)}</summary><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">` +
          `<p onmouseover="alert(1)">x</p><a href="rel/link">rel</a><script>alert(1)</script></div></content></entry></feed>`,
      ),
  },
  {
    name: 'script and javascript: in every JSON Feed field',
    expect: 'either',
    build: () =>
      text(
        JSON.stringify({
          version: 'https://jsonfeed.org/version/1.1',
          title: SCRIPT,
          home_page_url: 'javascript:alert(1)',
          items: [
            {
              id: 'javascript:alert(1)',
              url: 'javascript:alert(1)',
              external_url: 'javascript:alert(1)',
              title: `T ${SCRIPT}`,
              content_html: XSS_HTML,
              summary: SCRIPT,
              image: 'javascript:alert(1)',
              authors: [{ name: SCRIPT, url: 'javascript:alert(1)' }],
              tags: [SCRIPT],
            },
          ],
        }),
      ),
  },
  {
    name: 'script in a plain-text article',
    expect: 'either',
    build: () =>
      text(
        `Headline ${SCRIPT}\n\nBy <img src=x onerror=alert(1)>\n\nBody javascript:alert(1) <a href="javascript:alert(1)">x</a>\n`,
      ),
  },
  {
    name: 'plain-text fields whose removed tags would join into new ones',
    expect: 'either',
    build: () =>
      text(
        JSON.stringify({
          version: 'https://jsonfeed.org/version/1.1',
          title: 'Joins',
          items: [
            {
              id: 'joins',
              title: `News <${SCRIPT}script>alert(1)<${SCRIPT}/script>`,
              summary: `<<${SCRIPT}${SCRIPT}img src=x one${SCRIPT}rror=alert(1)>`,
              content_text: `Body <scr${SCRIPT}ipt>alert(1)</script> <a href="java&#x09;script&colon;alert(1)">x</a> <3 x < y the <canvas> element`,
            },
          ],
        }),
      ),
  },
  {
    name: 'markup in a JSON Feed id',
    expect: 'either',
    build: () =>
      text(
        JSON.stringify({
          version: 'https://jsonfeed.org/version/1.1',
          title: 'Ids',
          items: [{ id: '<img src=x onerror=alert(1)>', title: 'Identifier', content_text: 'A short body.' }],
        }),
      ),
  },
  {
    name: 'right-to-left override and look-alike hosts',
    expect: 'either',
    build: () =>
      text(
        rss(
          [
            item({
              title: 'Invoice \u202Egpj.exe',
              link: 'https://\u0440\u0430\u0443\u0440\u0430l.com/login',
              guid: 'rtl1',
              description: 'see https://paypal.com@evil.example/',
            }),
            item({
              title: 'Look\u200Balike\u2066 \u2069',
              link: 'https://xn--pple-43d.com/',
              guid: 'rtl2',
              content: '<a href="https://\u0430pple.com/">apple</a>',
            }),
          ].join(''),
        ),
      ),
  },
];
