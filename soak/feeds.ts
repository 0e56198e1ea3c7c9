/** What one generated item carries, whatever format it is written in. */
export interface FeedItem {
  readonly guid: string;
  readonly link: string;
  readonly title: string;
  readonly paragraphs: readonly string[];
  readonly published: string;
  readonly author?: string;
}

export interface FeedChannel {
  readonly title: string;
  readonly link: string;
  readonly items: readonly FeedItem[];
}

export const FEED_FORMATS = ['rss', 'atom', 'jsonfeed'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

export const CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  jsonfeed: 'application/feed+json; charset=utf-8',
};

const escapeXml = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const html = (item: FeedItem): string => item.paragraphs.map((p) => `<p>${p}</p>`).join('');

export function renderRss(channel: FeedChannel): string {
  const items = channel.items.map(
    (item) =>
      `<item><title>${escapeXml(item.title)}</title><link>${escapeXml(item.link)}</link>` +
      `<guid isPermaLink="false">${escapeXml(item.guid)}</guid>` +
      `<pubDate>${new Date(item.published).toUTCString()}</pubDate>` +
      (item.author ? `<dc:creator>${escapeXml(item.author)}</dc:creator>` : '') +
      `<description>${escapeXml(item.paragraphs[0] ?? '')}</description>` +
      `<content:encoded><![CDATA[${html(item)}]]></content:encoded></item>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
    `<channel><title>${escapeXml(channel.title)}</title><link>${escapeXml(channel.link)}</link>` +
    `<description>${escapeXml(channel.title)}</description><language>en</language>${items.join('')}</channel></rss>\n`
  );
}

export function renderAtom(channel: FeedChannel): string {
  const entries = channel.items.map(
    (item) =>
      `<entry><title type="text">${escapeXml(item.title)}</title><link href="${escapeXml(item.link)}"/>` +
      `<id>${escapeXml(item.guid)}</id><published>${item.published}</published><updated>${item.published}</updated>` +
      (item.author ? `<author><name>${escapeXml(item.author)}</name></author>` : '') +
      `<summary type="text">${escapeXml(item.paragraphs[0] ?? '')}</summary>` +
      `<content type="html">${escapeXml(html(item))}</content></entry>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">' +
    `<title>${escapeXml(channel.title)}</title><link href="${escapeXml(channel.link)}"/>` +
    `<id>${escapeXml(channel.link)}</id><updated>${channel.items[0]?.published ?? new Date(0).toISOString()}</updated>` +
    `${entries.join('')}</feed>\n`
  );
}

export function renderJsonFeed(channel: FeedChannel): string {
  return `${JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: channel.title,
    home_page_url: channel.link,
    language: 'en',
    items: channel.items.map((item) => ({
      id: item.guid,
      url: item.link,
      title: item.title,
      content_html: html(item),
      summary: item.paragraphs[0] ?? '',
      date_published: item.published,
      ...(item.author ? { authors: [{ name: item.author }] } : {}),
    })),
  })}\n`;
}

export function renderFeed(format: FeedFormat, channel: FeedChannel): string {
  if (format === 'rss') return renderRss(channel);
  if (format === 'atom') return renderAtom(channel);
  return renderJsonFeed(channel);
}
