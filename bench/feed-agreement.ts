import { canonicalUrl } from '../lambdas/normalize/urls.ts';
import { ALT_ID_ROLES, type NinjsDocument } from '../lambdas/publish/ninjs.ts';

/** One entry as bench/peer_fields.py prints what feedparser read. */
export interface PeerEntry {
  readonly id: string | null;
  readonly title: string;
  readonly link: string | null;
  /** UTC seconds, or null when feedparser found no date. */
  readonly date: number | null;
  readonly body: string;
}

export interface AgreementInput {
  readonly path: string;
  readonly ours: readonly NinjsDocument[];
  readonly theirs: readonly PeerEntry[];
}

type Field = 'headline' | 'link' | 'date' | 'body';

export interface Agreement {
  readonly feeds: number;
  readonly entries: number;
  /** Entries agreeing on all four fields, percent of feedparser's entries. */
  readonly percent: number;
  readonly fields: Record<Field, number>;
  /** The lowest per-feed percentage among feeds of 5+ entries (100 when there is none). */
  readonly lowestFeed: number;
  readonly disagreements: string[];
}

/** Body words share needed: normalize sets bylines and footers apart, feedparser keeps them in the body. */
const BODY_OVERLAP = 0.9;

const spaces = (text: string): string => text.replace(/\s+/g, ' ').trim();
const words = (text: string): Set<string> => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

function overlap(ours: string, theirs: string): number {
  const a = words(ours);
  const b = words(theirs);
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const word of b) if (a.has(word)) shared++;
  return shared / Math.max(a.size, b.size);
}

const altId = (item: NinjsDocument, role: string): string | undefined =>
  (item.altIds as Array<{ role: string; value: string }>).find((a) => a.role === role)?.value;

function fieldsAgree(item: NinjsDocument | undefined, entry: PeerEntry): Record<Field, boolean> {
  if (!item) return { headline: false, link: false, date: false, body: false };
  const headline = (item.headlines as Array<{ value: string }>)[0]?.value ?? '';
  const body = (item.bodies as Array<{ contentType: string; value: string }>).find(
    (b) => b.contentType === 'text/plain',
  )?.value;
  const ourDate =
    altId(item, ALT_ID_ROLES.dateSource) === 'item' ? Date.parse(String(item.contentCreated)) / 1000 : null;
  const theirLink = entry.link ? canonicalUrl(entry.link) : undefined;
  return {
    // A headline made from the body stands in for a missing title, as feedparser leaves it empty.
    headline: entry.title === '' || spaces(headline) === spaces(entry.title),
    link: altId(item, ALT_ID_ROLES.url) === theirLink,
    date: ourDate === entry.date,
    body: overlap(body ?? '', entry.body) >= BODY_OVERLAP,
  };
}

/**
 * Agreement of our items with feedparser's entries, matched by guid (else by position among the
 * entries without one), over the entries feedparser read: JSON Feed, which it does not read, is not counted.
 */
export function agreement(documents: readonly AgreementInput[]): Agreement {
  const totals: Record<Field, number> = { headline: 0, link: 0, date: 0, body: 0 };
  const disagreements: string[] = [];
  let entries = 0;
  let agreeing = 0;
  let feeds = 0;
  let lowestFeed = 100;
  for (const { path, ours, theirs } of documents) {
    if (theirs.length === 0) continue;
    feeds++;
    const byGuid = new Map(
      ours.flatMap((item) => {
        const guid = altId(item, ALT_ID_ROLES.guid);
        return guid ? [[guid, item] as const] : [];
      }),
    );
    const unmatched = ours.filter((item) => !altId(item, ALT_ID_ROLES.guid));
    let feedAgreeing = 0;
    theirs.forEach((entry, index) => {
      const item = (entry.id ? byGuid.get(entry.id) : undefined) ?? unmatched.shift() ?? ours[index];
      const agree = fieldsAgree(item, entry);
      for (const field of Object.keys(totals) as Field[]) if (agree[field]) totals[field]++;
      const all = agree.headline && agree.link && agree.date && agree.body;
      if (all) feedAgreeing++;
      else
        disagreements.push(
          `${path.slice(path.lastIndexOf('/') + 1)} #${index}: ${(Object.keys(agree) as Field[]).filter((f) => !agree[f]).join(', ')}`,
        );
    });
    entries += theirs.length;
    agreeing += feedAgreeing;
    if (theirs.length >= 5) lowestFeed = Math.min(lowestFeed, (100 * feedAgreeing) / theirs.length);
  }
  const percent = (count: number) => (entries === 0 ? 0 : Math.round((1000 * count) / entries) / 10);
  return {
    feeds,
    entries,
    percent: percent(agreeing),
    fields: {
      headline: percent(totals.headline),
      link: percent(totals.link),
      date: percent(totals.date),
      body: percent(totals.body),
    },
    lowestFeed: Math.round(lowestFeed * 10) / 10,
    disagreements,
  };
}
