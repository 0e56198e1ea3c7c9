import type { FeedMeta, NormalizedItem, TagSet } from '../shared/envelope.ts';
import type { Outlet } from '../shared/outlets.ts';
import { findLicence } from './licenses.ts';

/**
 * Where each tag came from: the field the tagger read and the words in it that
 * gave the value. Found after tagging, by locating each value in the texts the
 * rules read, so the rules themselves (frames, gazetteer, newsiness) stay as
 * they are; recorded with the item (tag-evidence-reports.ts) so `syndicate
 * explain` shows what was decided then, not what today's rules would say.
 * Bounded: at most {@link MAX_SOURCE_EVIDENCE} sources, each excerpt at most
 * {@link MAX_EXCERPT} characters.
 */
export interface TagSpan {
  /** The field the words are in: `notices[0]`, `body`, `rights`, `license`, `feed.copyright`, `dateline`… */
  readonly field: string;
  /** The rule that turns those words into the tag (`copyright-notice`, `credit-phrase`, `outlet-registry`…). */
  readonly rule: string;
  /** The words around the value, as written. */
  readonly excerpt: string;
  /** Where the value itself sits in `excerpt` ([start, end) in UTF-16 units); absent when not found verbatim. */
  readonly match?: readonly [number, number];
}

export interface SourceEvidence extends TagSpan {
  readonly name: string;
  readonly role: string;
}

export interface TagEvidence {
  readonly holder?: TagSpan;
  readonly notice?: TagSpan;
  readonly licence?: TagSpan;
  readonly sources: readonly SourceEvidence[];
}

export const MAX_EXCERPT = 240;
export const MAX_SOURCE_EVIDENCE = 24;
const CONTEXT = 90;

interface Field {
  readonly field: string;
  readonly rule: string;
  readonly text: string | undefined;
}

/** The excerpt of `text` around [start, end), cut at sentence or line ends where close. */
function excerptAround(
  text: string,
  start: number,
  end: number,
): { excerpt: string; match: [number, number] } {
  const room = Math.max(0, MAX_EXCERPT - (end - start));
  let from = Math.max(0, start - Math.min(CONTEXT, Math.floor(room / 2)));
  let to = Math.min(text.length, end + Math.min(CONTEXT, room - (start - from)));
  const lineStart = text.lastIndexOf('\n', start - 1);
  if (lineStart >= from) from = lineStart + 1;
  const lineEnd = text.indexOf('\n', end);
  if (lineEnd !== -1 && lineEnd < to) to = lineEnd;
  const cutEnd = Math.min(to, from + MAX_EXCERPT);
  return { excerpt: text.slice(from, cutEnd), match: [start - from, Math.min(end, cutEnd) - from] };
}

/** Lower-cased texts, each folded once per item however many tags look in it (a body can be long). */
type Folded = Map<string, string>;

function folded(cache: Folded, text: string): string {
  let lower = cache.get(text);
  if (lower === undefined) {
    lower = text.toLowerCase();
    // A few characters change length when lower-cased; offsets must stay the original's.
    if (lower.length !== text.length) lower = text;
    cache.set(text, lower);
  }
  return lower;
}

function spanIn(cache: Folded, fields: readonly Field[], value: string): TagSpan | undefined {
  const needle = value.trim().toLowerCase();
  if (needle.length === 0) return undefined;
  for (const { field, rule, text } of fields) {
    if (!text) continue;
    const at = folded(cache, text).indexOf(needle);
    if (at === -1) continue;
    return { field, rule, ...excerptAround(text, at, at + needle.length) };
  }
  return undefined;
}

function whole(field: string, rule: string, text: string): TagSpan {
  const excerpt = text.slice(0, MAX_EXCERPT);
  return { field, rule, excerpt, match: [0, excerpt.length] };
}

function bodyParagraphs(item: NormalizedItem): string[] {
  return item.bodyText.split(/\n\s*\n/);
}

/** The texts a rights statement is read from, in the tagger's order of precedence (rights.ts). */
function rightsFields(item: NormalizedItem, feed: FeedMeta | null): Field[] {
  const paragraphs = bodyParagraphs(item);
  const tail = paragraphs.slice(-3).reverse();
  return [
    ...item.notices.map((text, i) => ({ field: `notices[${i}]`, rule: 'copyright-notice', text })),
    ...tail.map((text, i) => ({
      field: `body paragraph ${paragraphs.length - i}`,
      rule: 'copyright-notice-in-body',
      text,
    })),
    { field: 'rights', rule: 'rights-field', text: item.rights },
    { field: 'feed.copyright', rule: 'feed-copyright', text: feed?.copyright },
  ];
}

function licenceSpan(item: NormalizedItem, feed: FeedMeta | null, outlet: Outlet | undefined, url?: string) {
  const links: Field[] = [
    { field: 'license', rule: 'licence-link', text: item.license },
    { field: 'feed.license', rule: 'licence-link', text: feed?.license },
    { field: 'outlet registry', rule: 'outlet-registry', text: outlet?.licenseUrl },
  ];
  for (const link of links)
    if (link.text && url && link.text === url) return whole(link.field, link.rule, link.text);
  const paragraphs = bodyParagraphs(item);
  const named: Field[] = [
    { field: 'rights', rule: 'licence-named', text: item.rights },
    ...item.notices.map((text, i) => ({ field: `notices[${i}]`, rule: 'licence-named', text })),
    { field: `body paragraph ${paragraphs.length}`, rule: 'licence-named', text: paragraphs.at(-1) },
    { field: 'feed.copyright', rule: 'licence-named', text: feed?.copyright },
  ];
  for (const { field, rule, text } of named) {
    if (!text || text.length > 2000 || !findLicence(text)) continue;
    const at = text.search(/creative\s+commons|\bCC[\s-]?(?:BY|0|zero)|creativecommons\.org|licen[cs]/iu);
    return at === -1 ? whole(field, rule, text) : { field, rule, ...excerptAround(text, at, at + 2) };
  }
  for (const link of links) if (link.text) return whole(link.field, link.rule, link.text);
  return undefined;
}

const ROLE_NAMES: Record<string, string> = {
  distributor: 'publisher',
  origcont: 'origin',
  contentSource: 'contributor',
  originfo: 'credited',
};

/** The short name of a role URI (`…/contentprodpartyrole/originfo` → `credited`). */
export function roleName(role: string): string {
  const last = role.slice(role.lastIndexOf('/') + 1);
  return ROLE_NAMES[last] ?? last;
}

function sourceFields(item: NormalizedItem, feed: FeedMeta | null, outlet: Outlet | undefined, role: string) {
  const paragraphs = bodyParagraphs(item);
  const head: Field[] = [
    { field: 'dateline', rule: 'dateline-credit', text: item.dateline?.raw },
    { field: 'body paragraph 1', rule: 'dateline-credit', text: paragraphs[0] },
  ];
  const furniture: Field[] = [
    { field: 'byline', rule: 'byline', text: item.byline },
    ...item.notices.map((text, i) => ({ field: `notices[${i}]`, rule: 'footer-credit', text })),
    { field: `body paragraph ${paragraphs.length}`, rule: 'footer-credit', text: paragraphs.at(-1) },
  ];
  const body: Field = { field: 'body', rule: 'credit-phrase', text: item.bodyText };
  switch (roleName(role)) {
    case 'publisher':
      return [
        { field: 'outlet registry', rule: 'outlet-registry', text: outlet?.name },
        { field: 'feed.title', rule: 'feed-title', text: feed?.title },
        ...head,
      ];
    case 'credited':
      return [body, ...furniture];
    default:
      return [...head, ...furniture, body];
  }
}

/** Evidence for the tags one item got; pure and bounded, like the tagger. */
export function tagEvidence(
  item: NormalizedItem,
  feed: FeedMeta | null,
  outlet: Outlet | undefined,
  tags: TagSet,
): TagEvidence {
  const cache: Folded = new Map();
  const rights = rightsFields(item, feed);
  const registry = (value: string | undefined): Field[] =>
    value ? [{ field: 'outlet registry', rule: 'outlet-registry', text: value }] : [];
  const holder = tags.copyrightHolder
    ? spanIn(cache, [...rights, ...registry(outlet?.copyrightHolder)], tags.copyrightHolder)
    : undefined;
  const notice = tags.copyrightNotice ? spanIn(cache, rights, tags.copyrightNotice) : undefined;
  const licence =
    tags.licenseUrl || tags.usageTerms ? licenceSpan(item, feed, outlet, tags.licenseUrl) : undefined;
  const sources: SourceEvidence[] = [];
  for (const source of tags.sources.slice(0, MAX_SOURCE_EVIDENCE)) {
    const span = spanIn(cache, sourceFields(item, feed, outlet, source.role), source.name);
    sources.push({
      name: source.name.slice(0, MAX_EXCERPT),
      role: roleName(source.role),
      ...(span ?? { field: 'unknown', rule: 'not-found-verbatim', excerpt: '' }),
    });
  }
  return {
    ...(holder ? { holder } : {}),
    ...(notice ? { notice } : {}),
    ...(licence ? { licence } : {}),
    sources,
  };
}
