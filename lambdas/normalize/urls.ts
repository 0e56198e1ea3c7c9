/**
 * Canonical URLs, so the same story linked with different tracking decorations
 * is recognised as one item. Scheme and host are lowercased and default ports
 * dropped by the WHATWG URL parser; fragments, credentials and parameters that
 * only track go.
 */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'igshid',
  'mkt_tok',
  '_hsenc',
  '_hsmi',
  '_ga',
  '_gl',
  '_openstat',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'vero_conv',
  'wickedid',
  'srsltid',
  'rb_clickid',
  's_cid',
  'ref_src',
  'cmpid',
  'icid',
  'ocid',
  'ncid',
  'guccounter',
  'guce_referrer',
  'guce_referrer_sig',
]);
const TRACKING_PREFIXES = ['utm_', 'mc_', 'pk_', 'hsa_', 'at_', 'itm_'];

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

function paramName(pair: string): string {
  const name = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

/**
 * The query without tracking parameters. Works on the raw pairs rather than
 * URLSearchParams, which would re-encode every value (`/` → `%2F`, `%20` → `+`)
 * and so change URLs that servers may read differently.
 */
function cleanQuery(search: string, sort: boolean): string {
  const pairs = search
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => pair.length > 0 && !isTrackingParam(paramName(pair)));
  if (sort) pairs.sort((a, b) => (paramName(a) < paramName(b) ? -1 : paramName(a) > paramName(b) ? 1 : 0));
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}

/** An absolute http(s) URL, resolved against base, or undefined if there is none. */
export function httpUrl(raw: string, base?: string): URL | undefined {
  let url: URL;
  try {
    url = base ? new URL(raw.trim(), baseHref(base)) : new URL(raw.trim());
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
}

/** `httpUrl(base)?.href` for bases already seen: every item of a feed resolves against the same one. */
const BASES = new Map<string, string | undefined>();
const MAX_BASES = 256;

function baseHref(base: string): string | undefined {
  if (BASES.has(base)) return BASES.get(base);
  const href = httpUrl(base)?.href;
  if (BASES.size >= MAX_BASES) BASES.clear();
  BASES.set(base, href);
  return href;
}

/** The link as it identifies a story: parameters sorted, no fragment, no tracking. */
export function canonicalUrl(raw: string, base?: string): string | undefined {
  const url = httpUrl(raw, base);
  if (!url) return undefined;
  url.hash = '';
  url.username = '';
  url.password = '';
  url.search = cleanQuery(url.search, true);
  return url.href;
}

/** A link as readers follow it: same target, tracking parameters removed, fragment kept. */
export function withoutTracking(url: URL): string {
  const copy = new URL(url.href);
  copy.search = cleanQuery(copy.search, false);
  return copy.href;
}
