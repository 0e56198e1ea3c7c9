/** Namespace URIs the feed readers look for. */
export const NS = {
  atom10: 'http://www.w3.org/2005/Atom',
  atom03: 'http://purl.org/atom/ns#',
  rss10: 'http://purl.org/rss/1.0/',
  rss090: 'http://my.netscape.com/rdf/simple/0.9/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  xhtml: 'http://www.w3.org/1999/xhtml',
  xml: 'http://www.w3.org/XML/1998/namespace',
  ccRss: 'http://backend.userland.com/creativeCommonsRssModule',
  ccWeb: 'http://web.resource.org/cc/',
  cc: 'http://creativecommons.org/ns#',
  media: 'http://search.yahoo.com/mrss/',
} as const;

/** Media RSS, also as some producers declare it (without the trailing slash). */
export const MEDIA = new Set<string>([NS.media, 'http://search.yahoo.com/mrss']);

/**
 * Namespaces in which RSS's own (unprefixed) elements appear: none for RSS
 * 0.9x/2.0, the RSS 1.0 and 0.90 namespaces inside RDF, and two URIs some
 * RSS 2.0 producers declared as a default namespace.
 */
export const RSS_CORE = new Set<string>([
  '',
  NS.rss10,
  NS.rss090,
  'http://backend.userland.com/rss2',
  'http://blogs.law.harvard.edu/tech/rss',
  'http://purl.org/net/rss1.1#',
]);

export const ATOM = new Set<string>([NS.atom10, NS.atom03]);

/**
 * Conventional prefixes, used only when a document uses a prefix it never
 * declared (a common mistake feedparser forgives): `dc:date` still means Dublin Core.
 */
export const CONVENTIONAL_PREFIXES: Readonly<Record<string, string>> = {
  xml: NS.xml,
  dc: NS.dc,
  dcterms: NS.dcterms,
  content: NS.content,
  atom: NS.atom10,
  rdf: NS.rdf,
  xhtml: NS.xhtml,
  creativecommons: NS.ccRss,
  creativeCommons: NS.ccRss,
  cc: NS.ccWeb,
  media: NS.media,
};
