import type { FeedMeta, InfoSource, NormalizedItem } from '../shared/envelope.ts';
import type { Outlet } from '../shared/outlets.ts';
import type { CreditFinder } from './credits.ts';
import { datelineCreditInBody, furnitureCredits } from './furniture.ts';
import type { NewsOrganisation } from './gazetteer.ts';
import { absoluteHttpUrl } from './licenses.ts';
import { originFromEnd, originsFromByline, originsFromFooters } from './origins.ts';
import { splitParagraphs } from './paragraphs.ts';
import { SOURCE_ROLES } from './roles.ts';
import { MAX_CREDITED } from './work.ts';

/** Sources an item lists at most: a publisher, a few origins, the capped credits. */
const MAX_SOURCES = MAX_CREDITED + 20;

/**
 * ninjs infoSources for one item, in this order: the publisher (one entry),
 * the origins and contributors its furniture names, then the organisations
 * its text credits. A name already listed in an earlier role is not repeated:
 * "told Reuters" in a Reuters story is the wire's own reporting, not a credit.
 */
export function findSources(
  item: NormalizedItem,
  feed: FeedMeta | null,
  outlet: Outlet | undefined,
  credits: CreditFinder,
  outletId = '',
  paragraphs: readonly string[] = splitParagraphs(item.bodyText),
): InfoSource[] {
  const sources: InfoSource[] = [];
  const listed: NameKey[] = [];
  const keys = new Set<string>();
  const add = (name: string | undefined, role: string, uri?: string) => {
    const trimmed = name?.trim();
    if (!trimmed || listed.length >= MAX_SOURCES) return;
    const key = keyOf(trimmed, credits);
    if (keys.has(key.core)) return;
    // Few names reach here (credits are capped), so comparing with each listed one stays cheap.
    if (listed.some((other) => sameKey(other, key))) return;
    listed.push(key);
    keys.add(key.core);
    sources.push({ name: trimmed, role, ...(uri ? { uri } : {}) });
  };

  const datelineCredit = item.dateline?.credit ?? datelineCreditInBody(paragraphs, credits);
  const datelineParts = datelineCredit ? datelineCredit.split(/\s*(?:\/|,|&)\s*/u).filter(Boolean) : [];
  const wires = datelineParts.filter((part) => credits.lookup(part)?.wire);
  const others = datelineParts.filter((part) => !credits.lookup(part)?.wire);
  // One credit of the outlet's own ("(PatriotWise.com) —") or several ("(ProPublica/InvestigateTV)"):
  // the one naming the pushing outlet, else the only or first one, publishes when nothing else names a publisher.
  const ownCredit =
    others.find((part) => namesOutletId(part, outletId)) ??
    (others.length === 1 && wires.length === 0 ? datelineCredit : others[0]);

  const publisher = outlet?.name ?? feed?.title ?? ownCredit;
  add(publisher, SOURCE_ROLES.publisher, absoluteHttpUrl(outlet?.site ?? feed?.link));
  // The dateline naming another outlet than the one that sent the item ("(CNN) —" on a partner's feed) names its origin.
  for (const part of others.length > 1 ? others : ownCredit ? [ownCredit] : [])
    if (publisher && !sameOrganisation(part, publisher, credits)) add(part, SOURCE_ROLES.origin);
  for (const wire of wires) add(wire, SOURCE_ROLES.origin);

  const last = paragraphs[paragraphs.length - 1];
  const footers = [...item.notices, ...(last && paragraphs.length > 1 ? [last] : [])];
  const lines = furnitureCredits(paragraphs, item.notices, credits);
  const furniture = [
    ...originsFromByline(item.byline, item.authors, credits),
    ...originFromEnd(paragraphs.length > 1 ? last : undefined, credits),
    ...item.notices.flatMap((notice) => originFromEnd(notice, credits)),
    ...originsFromFooters(footers, credits),
    ...lines.origins,
  ];
  for (const origin of furniture.filter((o) => o.kind === 'origin')) add(origin.name, SOURCE_ROLES.origin);
  for (const origin of furniture.filter((o) => o.kind === 'contributor'))
    add(origin.name, SOURCE_ROLES.contributor);

  for (const credit of credits.find(item.bodyText)) add(credit.name, SOURCE_ROLES.credited);
  for (const name of lines.credited) add(name, SOURCE_ROLES.credited);
  return sources;
}

/** "CopperbeltObserver.com" names the outlet registered as "copperbelt". */
function namesOutletId(name: string, outletId: string): boolean {
  const id = outletId.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return id.length >= 4 && coreName(name).includes(id);
}

function coreName(name: string): string {
  return name
    .toLowerCase()
    .replace(/\s*\([^)]*\)\s*$/u, '')
    .replace(/^the\s+/u, '')
    .replace(/\.(?:com|net|org|ru|ua|news|info|media|co\.uk)$/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** What comparing a name needs, worked out once per name rather than once per pair. */
interface NameKey {
  readonly org: NewsOrganisation | undefined;
  readonly core: string;
}

const keyOf = (name: string, credits: CreditFinder): NameKey => ({
  org: credits.lookup(name),
  core: coreName(name),
});

/** Same organisation under two spellings: "PatriotWise.com" and "PatriotWise", "AP" and "The Associated Press". */
export function sameOrganisation(a: string, b: string, credits: CreditFinder): boolean {
  return sameKey(keyOf(a, credits), keyOf(b, credits));
}

function sameKey(a: NameKey, b: NameKey): boolean {
  if (a.org && a.org === b.org) return true;
  const [x, y] = [a.core, b.core];
  if (x.length === 0 || y.length === 0) return false;
  if (x === y) return true;
  // A feed title often extends the outlet's name ("PatriotWise — Top stories").
  const [shorter, longer] = x.length <= y.length ? [x, y] : [y, x];
  return shorter.length >= 4 && longer.startsWith(shorter);
}
