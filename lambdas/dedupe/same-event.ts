import { shortId } from '../shared/hash.ts';
import { anchorKey } from './anchors.ts';
import { type EventSignals, sharedCount, unpackEventSignals } from './event-signals.ts';
import type { AnchorBucket, DedupeIndex, IndexRecord, SameEventOf } from './index-store.ts';
import { exactKey } from './index-store.ts';
import { outletOfRecord } from './item-identity.ts';

/**
 * Linked reports: another outlet's own report of an event already reported is a story of its own (it is
 * published), linked to the earlier one and given its event id. Two such reports share the words someone
 * said and the figures of the event, but not their sentences; two reports of different events of one
 * place share names, and rarely a figure or a quote. So the rule asks for a quote and figures in common,
 * and, where a report quotes nobody the other quotes, for nearly all figures and most names.
 */
export interface SameEventRule {
  /** Six-word quote runs in common: a quoted sentence of about eight words or more. */
  readonly minSharedQuoteRuns: number;
  /** With a shared quote: figures in common (all of them, when the smaller report has fewer), and their share. */
  readonly minSharedFigures: number;
  readonly minFigureShare: number;
  /** Without one: figures in common, their share, and the share of names in common. */
  readonly minFiguresUnquoted: number;
  readonly minFigureShareUnquoted: number;
  readonly minNameShareUnquoted: number;
  /** Reports of one event are written within days of each other; an anniversary piece is not linked. */
  readonly maxDaysApart: number;
}

export const SAME_EVENT_DEFAULTS: SameEventRule = {
  minSharedQuoteRuns: 3,
  minSharedFigures: 2,
  minFigureShare: 0.5,
  minFiguresUnquoted: 5,
  minFigureShareUnquoted: 0.8,
  minNameShareUnquoted: 0.6,
  maxDaysApart: 3,
};

/**
 * Event buckets per report, half quotes, half figures: buckets live in memory and in the anchor log, so
 * a key costs bytes, not a request; what costs a request is verifying the candidates they give.
 */
export const EVENT_KEYS = 8;
/** Earlier reports verified per report (one BatchGetItem). */
export const MAX_EVENT_CANDIDATES = 8;

export interface SameEventMatch {
  readonly record: IndexRecord;
  readonly eventId: string;
  readonly rule: 'same-event-quoted' | 'same-event-figures';
  readonly sharedQuoteRuns: number;
  readonly sharedFigures: number;
  readonly figureShare: number;
  readonly nameShare: number;
}

export function eventIdFor(storyId: string): string {
  return `event-${shortId(`event|${storyId}`)}`;
}

/** A story's event: its own, unless it was linked to an earlier report's. */
export function eventOfRecord(record: Pick<IndexRecord, 'storyId' | 'eventId'>): string {
  return record.eventId ?? eventIdFor(record.storyId);
}

/**
 * The anchors a report is filed under besides its text's own: the smallest hashes of its quote runs
 * and of its figures. Names are left out: a province's or a minister's name is in every report of the
 * place, and a bucket keeps only its latest few stories. They live at the top of the anchor space, where
 * no text's own anchors fall (those are the smallest of dozens of hashes), so event buckets are anchor
 * buckets like any other: filed, logged and looked up by the same code.
 */
export const EVENT_ANCHOR_BASE = 0xfffe0000;

export function eventAnchors(signals: EventSignals): Uint32Array {
  // Half from each kind: a report quotes others too, and a bottom-k of the union would be all quotes.
  const quotes = signals.quotes.slice(0, EVENT_KEYS / 2);
  const figures = Array.from(signals.figures.slice(0, EVENT_KEYS - quotes.length), (f) => f | 0x10000);
  return Uint32Array.from([...quotes, ...figures], (value) => EVENT_ANCHOR_BASE + value);
}

export function isEventAnchorKey(pk: string): boolean {
  return pk >= anchorKey(EVENT_ANCHOR_BASE);
}

/** Whether two reports are of one event, and by which rule; undefined when they are not. */
export function sameEvent(
  a: EventSignals,
  b: EventSignals,
  rule: SameEventRule = SAME_EVENT_DEFAULTS,
): Omit<SameEventMatch, 'record' | 'eventId'> | undefined {
  const sharedQuoteRuns = sharedCount(a.quotes, b.quotes);
  const sharedFigures = sharedCount(a.figures, b.figures);
  const fewerFigures = Math.min(a.figures.length, b.figures.length);
  const figureShare = fewerFigures > 0 ? sharedFigures / fewerFigures : 0;
  const fewerNames = Math.min(a.names.length, b.names.length);
  const nameShare = fewerNames > 0 ? sharedCount(a.names, b.names) / fewerNames : 0;
  const figures = { sharedQuoteRuns, sharedFigures, figureShare, nameShare };
  // A brief report may carry one figure; then that one must be the other's too.
  if (
    sharedQuoteRuns >= rule.minSharedQuoteRuns &&
    fewerFigures > 0 &&
    sharedFigures >= Math.min(rule.minSharedFigures, fewerFigures) &&
    figureShare >= rule.minFigureShare
  )
    return { rule: 'same-event-quoted', ...figures };
  if (
    sharedFigures >= rule.minFiguresUnquoted &&
    figureShare >= rule.minFigureShareUnquoted &&
    nameShare >= rule.minNameShareUnquoted
  )
    return { rule: 'same-event-figures', ...figures };
  return undefined;
}

export interface EventSeeker {
  readonly outlet: string;
  readonly uri: string;
  readonly fingerprint: string;
  readonly times: ReportTimes;
  readonly signals: EventSignals;
}

/** When a report reached us, and when it says it was published (left out when it does not say). */
export interface ReportTimes {
  readonly receivedAt: string;
  readonly stated?: string;
}

/**
 * Reports of one event reach us within days of each other; and when both state their publication, those
 * dates agree too (an archive re-sent today is not today's news). A plain-text report states no date, so
 * arrival is what both always have.
 */
export function closeInTime(a: ReportTimes, b: Partial<ReportTimes>, maxDays: number): boolean {
  const apart = (x: string, y: string) => Math.abs(Date.parse(x) - Date.parse(y)) / 86_400_000 <= maxDays;
  if (b.receivedAt === undefined || !apart(a.receivedAt, b.receivedAt)) return false;
  return a.stated === undefined || b.stated === undefined || apart(a.stated, b.stated);
}

/**
 * The earlier report of the same event by another outlet, if any: candidates from the event buckets
 * (most keys in common first), verified by `sameEvent`, the strongest kept. A story that was itself
 * linked passes its event on, so a third report joins the first two.
 */
export async function findSameEvent(
  index: DedupeIndex,
  buckets: Iterable<AnchorBucket>,
  seeker: EventSeeker,
  nowSeconds: number,
  rule: SameEventRule = SAME_EVENT_DEFAULTS,
): Promise<SameEventMatch | undefined> {
  const counts = new Map<string, number>();
  for (const bucket of buckets) {
    for (const entry of bucket.entries) {
      if (entry.fingerprint !== seeker.fingerprint)
        counts.set(entry.fingerprint, (counts.get(entry.fingerprint) ?? 0) + 1);
    }
  }
  if (counts.size === 0) return undefined;
  const candidates = [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_EVENT_CANDIDATES)
    .map(([fingerprint]) => exactKey(fingerprint));
  const records = await index.getMany(candidates, nowSeconds);
  let best: SameEventMatch | undefined;
  for (const record of records.values()) {
    if (!record.event || record.nearOf || record.uri === seeker.uri) continue;
    if (outletOfRecord(record) === seeker.outlet) continue;
    if (!closeInTime(seeker.times, record.reported ?? {}, rule.maxDaysApart)) continue;
    const match = sameEvent(seeker.signals, unpackEventSignals(record.event), rule);
    if (!match) continue;
    const strength = match.sharedQuoteRuns + match.sharedFigures;
    if (!best || strength > best.sharedQuoteRuns + best.sharedFigures)
      best = { ...match, record, eventId: eventOfRecord(record) };
  }
  return best;
}

/** A published story's event, and the earlier report it was linked to, if any. */
export interface ReportLink {
  readonly eventId: string;
  readonly sameEventAs?: SameEventOf;
  /** Only when this decision made the link (not when a version or redelivery keeps it). */
  readonly match?: SameEventMatch;
}

/**
 * The link of a story being recorded: carried over from `earlier` (the item's previous version, or this
 * arrival's own record on a redelivery), so a story keeps its event; otherwise looked for among the
 * event buckets, once, when the story is first reported.
 */
export async function linkReport(
  index: DedupeIndex,
  storyId: string,
  earlier: IndexRecord | undefined,
  search: { buckets: Iterable<AnchorBucket>; seeker: EventSeeker } | undefined,
  nowSeconds: number,
): Promise<ReportLink> {
  if (earlier)
    return {
      eventId: eventOfRecord(earlier),
      ...(earlier.sameEventAs ? { sameEventAs: earlier.sameEventAs } : {}),
    };
  const match = search && (await findSameEvent(index, search.buckets, search.seeker, nowSeconds));
  if (!match) return { eventId: eventIdFor(storyId) };
  const { uri, storyId: linkedStory } = match.record;
  return { eventId: match.eventId, sameEventAs: { uri, storyId: linkedStory, rule: match.rule }, match };
}
