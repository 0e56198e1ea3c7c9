/**
 * Canonical URLs, so the same story linked with different tracking decorations
 * is recognised as one item. Scheme and host are lowercased by the URL parser;
 * default ports and fragments go, and so do parameters that only track.
 */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'igshid',
  'mkt_tok',
  '_hsenc',
  '_hsmi',
  '_ga',
  '_gl',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'ref_src',
  'cmpid',
  'ncid',
]);
const TRACKING_PREFIXES = ['utm_', 'mc_', 'pk_', 'hsa_', 'at_'];

export function canonicalUrl(raw: string, base?: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  url.username = '';
  url.password = '';
  for (const name of [...url.searchParams.keys()]) {
    const lower = name.toLowerCase();
    if (TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix))) {
      url.searchParams.delete(name);
    }
  }
  url.searchParams.sort();
  return url.toString();
}
