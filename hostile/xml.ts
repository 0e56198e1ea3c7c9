/** Small builders for hostile documents: a valid RSS shell around whatever a case puts inside. */
export function rss(
  items: string,
  channelExtra = '',
  prolog = '<?xml version="1.0" encoding="UTF-8"?>\n',
): string {
  return (
    `${prolog}<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">` +
    `<channel><title>Hostile</title><link>https://hostile.example/</link><description>d</description>` +
    `${channelExtra}${items}</channel></rss>\n`
  );
}

export function item(fields: {
  title?: string;
  link?: string;
  guid?: string;
  description?: string;
  content?: string;
}): string {
  return (
    '<item>' +
    (fields.title !== undefined ? `<title>${fields.title}</title>` : '') +
    (fields.link !== undefined ? `<link>${fields.link}</link>` : '') +
    (fields.guid !== undefined ? `<guid isPermaLink="false">${fields.guid}</guid>` : '') +
    (fields.description !== undefined ? `<description>${fields.description}</description>` : '') +
    (fields.content !== undefined ? `<content:encoded><![CDATA[${fields.content}]]></content:encoded>` : '') +
    '<pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate></item>'
  );
}

export const GOOD_ITEM = item({
  title: 'Council approves the new harbour budget',
  link: 'https://hostile.example/news/harbour',
  guid: 'good-1',
  content:
    '<p>The council approved the harbour budget on Tuesday after a long debate.</p><p>Work starts in spring.</p>',
});

/** UTF-16 bytes of a string, little or big endian, optionally with a byte order mark. */
export function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  const body = endian === 'le' ? le : Buffer.from(le).swap16();
  const mark = endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return bom ? Buffer.concat([Buffer.from(mark), body]) : body;
}
