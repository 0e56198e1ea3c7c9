/**
 * What in a feed's HTML only serves the outlet's analytics or social buttons:
 * tracking pixels, FeedFlare/ad blocks and "share on …" links. They mean
 * nothing to a reader of the syndicated text, and pixels leak readers' visits.
 * No maintained list covers feed furniture, so this one is kept here, short.
 */

// host (without www./m.) → path prefixes ('' matches the whole host).
const TRACKER_IMAGES: Record<string, readonly string[]> = {
  'feeds.feedburner.com': ['/~r/', '/~ff/', '/~a/'],
  'feedproxy.google.com': ['/~r/'],
  'pixel.wp.com': [''],
  'stats.wordpress.com': [''],
  'feeds.wordpress.com': ['/1.0/'],
  'pi.feedsportal.com': [''],
  'da.feedsportal.com': [''],
  'feedads.g.doubleclick.net': [''],
  'ad.doubleclick.net': [''],
  'www.google-analytics.com': [''],
  'google-analytics.com': [''],
  'pixel.quantserve.com': [''],
  'sb.scorecardresearch.com': [''],
  'b.scorecardresearch.com': [''],
  'ads.pheedo.com': [''],
  'feeds.pheedo.com': [''],
  'api.tinypass.com': [''],
  'www.facebook.com': ['/tr'],
  'facebook.com': ['/tr'],
};

const SHARE_LINKS: Record<string, readonly string[]> = {
  'facebook.com': ['/sharer', '/share.php', '/dialog/share', '/dialog/feed'],
  'twitter.com': ['/intent/', '/share', '/home?status'],
  'x.com': ['/intent/', '/share'],
  'linkedin.com': ['/sharearticle', '/sharing/', '/cws/share'],
  'reddit.com': ['/submit'],
  'pinterest.com': ['/pin/create'],
  'tumblr.com': ['/share', '/widgets/share'],
  'api.whatsapp.com': ['/send'],
  'web.whatsapp.com': ['/send'],
  'wa.me': [''],
  't.me': ['/share'],
  'telegram.me': ['/share'],
  'getpocket.com': ['/save', '/edit'],
  'news.ycombinator.com': ['/submitlink'],
  'digg.com': ['/submit'],
  'del.icio.us': ['/post'],
  'delicious.com': ['/save', '/post'],
  'stumbleupon.com': ['/submit'],
  'addtoany.com': ['/share'],
  'addthis.com': ['/bookmark'],
  'bsky.app': ['/intent/'],
  'feeds.feedburner.com': ['/~ff/', '/~a/'],
  'feeds.wordpress.com': ['/1.0/'],
  'feedads.g.doubleclick.net': [''],
  'da.feedsportal.com': [''],
  'res.feedsportal.com': [''],
  'ads.pheedo.com': [''],
};

function matches(table: Record<string, readonly string[]>, url: URL): boolean {
  const host = url.hostname.replace(/^(?:www\.|m\.|mobile\.)/, '');
  const prefixes = table[url.hostname] ?? table[host];
  if (!prefixes) return false;
  const path = `${url.pathname}${url.search}`.toLowerCase();
  return prefixes.some((prefix) => path.startsWith(prefix));
}

/** A declared 0 or 1 pixel size: the signature of a tracking pixel, whatever its host. */
export function isPixelSize(width: string | undefined, height: string | undefined): boolean {
  const tiny = (value: string | undefined) =>
    value !== undefined && /^\s*[01](?:\.0*)?\s*(?:px)?\s*$/i.test(value);
  return tiny(width) || tiny(height);
}

export function isTrackerImage(url: URL): boolean {
  return matches(TRACKER_IMAGES, url);
}

/** "Share on …" links and feed ad/FeedFlare links; `mailto:?subject=` share-by-email links too. */
export function isShareLink(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  if (url.protocol === 'mailto:')
    return url.pathname.length === 0 && /[?&](?:subject|body)=/i.test(url.search);
  return matches(SHARE_LINKS, url);
}
