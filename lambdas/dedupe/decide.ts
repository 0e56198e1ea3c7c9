import type { DedupeOutcome, ItemEnvelope } from '../shared/envelope.ts';
import { TransientError } from '../shared/errors.ts';
import { shortId } from '../shared/hash.ts';
import { anchorKeys } from './anchors.ts';
import { eventSignals, packEventSignals } from './event-signals.ts';
import { exactFingerprint } from './fingerprint.ts';
import {
  type AnchorBucket,
  type DedupeIndex,
  exactKey,
  type IndexRecord,
  itemKey,
  type NearOf,
} from './index-store.ts';
import { arrivalOrder, isExplicitIdentity, outletOfRecord, resolveItem } from './item-identity.ts';
import { packSignature, packValues } from './minhash.ts';
import type { NearDuplicateDetector } from './near.ts';
import {
  bestMatch,
  type FoundMatch,
  precedesInFirstSharedAnchor,
  rankCandidates,
  storedProfile,
} from './near-search.ts';
import {
  eventAnchors,
  isEventAnchorKey,
  linkReport,
  type SameEventMatch,
  eventIdFor as storyEventId,
} from './same-event.ts';
import type { WithdrawalEvidence } from './withdraw.ts';

export interface DecideOptions {
  readonly index: DedupeIndex;
  readonly detector: NearDuplicateDetector;
  readonly lookbackDays: number;
  /** The decision time; injected so decisions are reproducible in tests. */
  readonly now: Date;
}

/** Why the decision was taken: recorded beside the raw document with the outcome. */
export interface DedupeEvidence {
  /** Folded words in the body; under the detector's minimum only exact matching applies. */
  readonly words: number;
  /** `redelivery`: this arrival was decided before and gets that decision again. */
  readonly nearCheck: 'short-text' | 'not-needed' | 'checked' | 'redelivery';
  /** Earlier stories compared (bounded by MAX_CANDIDATES). */
  readonly candidates: number;
  readonly match?: {
    readonly fingerprint: string;
    readonly rule: string;
    readonly similarity: number;
    /** Left out when a redelivery repeats an earlier decision. */
    readonly jaccard?: number;
    readonly containment?: number;
    readonly detailConflicts?: number;
    readonly sharedDetails?: number;
    /** True when the earlier story was appended concurrently and came first. */
    readonly concurrent: boolean;
    /** The earlier story was the same outlet's, so this text is its next version. */
    readonly sameOutlet?: boolean;
  };
  /** For `superseded`: the later arrival of the item that was decided first. */
  readonly supersededBy?: string;
  /** When this story was linked to another outlet's earlier report of the same event (same-event.ts). */
  readonly sameEvent?: {
    readonly fingerprint: string;
    readonly rule: SameEventMatch['rule'];
    readonly sharedQuoteRuns: number;
    readonly sharedFigures: number;
    readonly figureShare: number;
    readonly nameShare: number;
  };
  /** For a kill or withdrawal: what it took back and which copies it flagged (withdraw.ts). */
  readonly withdrawal?: WithdrawalEvidence;
}

export interface DedupeDecision {
  readonly outcome: DedupeOutcome;
  readonly evidence: DedupeEvidence;
}

/** A published item's identity: stable across versions of one outlet's item. */
/** How long an item's identity and latest version are kept: far beyond any look-back window. */
export const ITEM_MEMORY_DAYS = 3650;

export function itemUri(outlet: string, identity: string): string {
  return `urn:syndicate:${outlet}:${shortId(`${outlet}|${identity}`)}`;
}

export function storyIdFor(uri: string): string {
  return `story-${shortId(`story|${uri}`)}`;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * Decides whether an item was reported before: an exact copy of an earlier
 * body (any outlet, any format), a new version of an item already seen (same
 * outlet and identity, new body), a near copy of an earlier story (anchor
 * candidates, verified by MinHash), or new. The claimant (arrival + position) makes the
 * decision idempotent: a redelivered message is recognised as the same arrival
 * and gets the same answer instead of becoming its own duplicate.
 */
export async function decideDuplicate(
  envelope: ItemEnvelope,
  options: DecideOptions,
): Promise<DedupeDecision> {
  const { index, detector, now } = options;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const expiresAt = nowSeconds + options.lookbackDays * 86_400;
  const { document, item } = envelope;
  const { outlet } = document;
  const claimant = `${document.ingestionId}#${envelope.index}`;
  const arrival = arrivalOrder(document);
  const fingerprint = exactFingerprint(item);
  const exactPk = exactKey(fingerprint);
  const itemPk = itemKey(outlet, item.identity);
  const ownUri = itemUri(outlet, item.identity);
  const explicitIdentity = isExplicitIdentity(item.identity);
  const profile = detector.profile(item.bodyText);
  const bucketPks = profile ? anchorKeys(profile.anchors) : [];
  // Only a text long enough to be compared is linked: a brief has too few figures and quotes to tell.
  const signals = profile ? eventSignals(item.bodyText) : undefined;
  const eventPks = signals ? anchorKeys(eventAnchors(signals)) : [];
  const words = profile?.words ?? countWords(item.bodyText);
  const times = {
    receivedAt: document.receivedAt,
    ...(item.publishedFrom === 'item' ? { stated: item.published } : {}),
  };

  const { records, buckets } = await index.lookup([exactPk, itemPk], [...bucketPks, ...eventPks], nowSeconds);
  const textBuckets = (all: ReadonlyMap<string, AnchorBucket>) =>
    [...all.values()].filter((bucket) => !isEventAnchorKey(bucket.pk));
  const exact = records.get(exactPk);
  const ownRecord = records.get(itemPk);
  const resolved = await resolveItem(index, itemPk, ownRecord, nowSeconds);
  let prior = resolved?.record;
  let priorPk = resolved?.pk ?? itemPk;
  const sameArrival = prior?.claimant === claimant;
  const ownClaim = exact?.claimant === claimant;
  // A later arrival of this item was decided first: consumers already hold the outlet's later word.
  if (prior && !sameArrival && !ownClaim && isLater(prior.lastArrival, arrival)) return superseded(prior);

  // The item's body went back to an earlier version's (an edit undone): that is the item's next version,
  // not a copy of itself. Its latest version has another body, so consumers need this one again.
  const reverted =
    exact !== undefined &&
    prior !== undefined &&
    !ownClaim &&
    !sameArrival &&
    exact.uri === prior.uri &&
    prior.fingerprint !== fingerprint;
  if (exact && !ownClaim && !reverted) {
    await noteCopy(exact);
    return duplicateOf(exact);
  }

  // A redelivery of an arrival whose body this index already holds, after a newer version of the item was
  // recorded: it was decided before, and gets that decision again rather than a version of its own.
  const replayed =
    !reverted && exact !== undefined && prior !== undefined && !sameArrival && prior.version >= exact.version;
  const sketch = profile
    ? {
        signature: packSignature(profile.signature),
        shingles: profile.shingles,
        anchors: packValues(profile.anchors),
        details: packValues(profile.details),
        ...(signals ? { event: packEventSignals(signals), reported: times } : {}),
      }
    : {};

  // A redelivered near-duplicate decision: the same answer again.
  // (The item record carries the verdict too, for an arrival that failed between recording and claiming.)
  const earlierVerdict = reverted ? undefined : (exact?.nearOf ?? (sameArrival ? prior?.nearOf : undefined));
  if (earlierVerdict) return nearDuplicate(earlierVerdict, 0, undefined, baseOf());

  // Only a first report of an item is compared for near copies: a changed body of a known item is its new
  // version. A near copy of the outlet's own earlier story is that story's next version (its identity
  // becomes an alias of the story's item); another outlet's near copy is a copy.
  let candidates = 0;
  let revision: FoundMatch | undefined;
  if (profile && !prior && !exact) {
    const ranked = rankCandidates(textBuckets(buckets), fingerprint);
    candidates = ranked.length;
    const found = await bestMatch(index, detector, profile, ranked, nowSeconds, {
      outlet,
      uri: ownUri,
      explicitIdentity,
    });
    const revised = found?.sameOutlet && found.record.item ? await revisedItem(found.record.item) : undefined;
    if (found && revised) {
      if (isLater(revised.record.lastArrival, arrival)) return superseded(revised.record);
      prior = revised.record;
      priorPk = revised.pk;
      revision = found;
    } else if (found) return recordNear(found, false);
  }

  const base = baseOf();
  const { version, firstCreated } = base;
  const storyId = (replayed ? exact.storyId : prior?.storyId) ?? storyIdFor(base.uri);
  const link = await linkReport(
    index,
    storyId,
    replayed || ownClaim ? exact : prior,
    signals && version === 1
      ? {
          buckets: buckets.values(),
          seeker: { outlet, uri: base.uri, fingerprint, times, signals },
        }
      : undefined,
    nowSeconds,
  );
  const linked = {
    ...(link.eventId !== storyEventId(storyId) ? { eventId: link.eventId } : {}),
    ...(link.sameEventAs ? { sameEventAs: link.sameEventAs } : {}),
  };
  const record: IndexRecord = { pk: exactPk, storyId, ...base, ...sketch, ...linked };
  // The item's version is taken before the body is claimed: a body claim then always means its decision
  // is complete, so a redelivery that finds its own claim can trust the version in it. (When the item's
  // record already names a newer version, writing this one back would turn the clock back.)
  if (!replayed) await putItem({ ...record, pk: priorPk, lastArrival: arrival });
  if (priorPk !== itemPk && !ownRecord) await putAlias(record);
  const holder = await index.claim(record, nowSeconds, reverted ? exact.claimant : undefined);
  if (holder) return duplicateOf(holder);

  if (profile) {
    const seen = new Set(rankCandidates(textBuckets(buckets), fingerprint));
    const written = await index.appendToBuckets(
      [...bucketPks, ...eventPks],
      { fingerprint, expiresAt },
      buckets,
      nowSeconds,
    );
    // Entries appended between our look-up and our write: a similar story decided concurrently.
    const racing = rankCandidates(textBuckets(written), fingerprint, seen);
    // Only on the first decision: a redelivery (its own claim found) must not re-run the race on buckets
    // that have changed since, or on another instance's, and answer differently.
    if (racing.length > 0 && version === 1 && !exact) {
      const found = await bestMatch(index, detector, profile, racing, nowSeconds, {
        outlet,
        uri: ownUri,
        explicitIdentity,
      });
      const other = found && storedProfile(found.record, detector.params.permutations);
      if (
        found &&
        other &&
        precedesInFirstSharedAnchor(
          { fingerprint, anchors: profile.anchors },
          { fingerprint: found.record.fingerprint, anchors: other.anchors },
          written,
        )
      ) {
        return recordNear(found, true, racing.length);
      }
    }
  }

  return {
    outcome: {
      decision: version > 1 ? 'version' : 'new',
      storyId,
      uri: base.uri,
      version,
      firstCreated,
      versionCreated: version > 1 ? (item.updated ?? document.receivedAt) : (item.updated ?? item.published),
      ...(revision ? { matchOf: matchOfFound(revision) } : {}),
      eventId: link.eventId,
      ...(link.sameEventAs ? { sameEventAs: link.sameEventAs } : {}),
    },
    evidence: {
      words,
      nearCheck: nearCheckOf(),
      candidates,
      ...(revision ? { match: { ...matchEvidence(revision, false), sameOutlet: true } } : {}),
      ...(link.match ? { sameEvent: sameEventEvidence(link.match) } : {}),
    },
  };

  /** Identity, version and times of this arrival's record, from the item it belongs to. */
  function baseOf() {
    const version = replayed ? exact.version : prior ? (sameArrival ? prior.version : prior.version + 1) : 1;
    const firstCreated = (replayed ? exact.firstCreated : prior?.firstCreated) ?? item.published;
    const uri = (replayed ? exact.uri : prior?.uri) ?? ownUri;
    const identity = { outlet, item: priorPk, ...(explicitIdentity ? { explicitIdentity } : {}) };
    return { uri, version, fingerprint, claimant, firstCreated, expiresAt, ...identity };
  }

  function nearCheckOf(): DedupeEvidence['nearCheck'] {
    if (!profile) return 'short-text';
    if (exact) return 'redelivery';
    return prior && !revision ? 'not-needed' : 'checked';
  }

  function isLater(stored: string | undefined, than: string): boolean {
    return stored !== undefined && stored > than;
  }

  async function revisedItem(pk: string) {
    return resolveItem(index, pk, (await index.getMany([pk], nowSeconds)).get(pk), nowSeconds);
  }

  /**
   * A copy of a body already on record: when it is this item's current text, the item's last arrival moves
   * on (so an older arrival decided later cannot overtake it); when the identity is new and the body is the
   * outlet's own, the identity becomes an alias of the item that body belongs to.
   */
  async function noteCopy(earlier: IndexRecord): Promise<void> {
    if (prior && earlier.uri === prior.uri) {
      const noted = await index.noteArrival({ ...prior, pk: priorPk, lastArrival: arrival }, nowSeconds);
      if (!noted) throw new TransientError(`item ${priorPk} changed while deciding a re-send`);
    } else if (!prior && earlier.item && outletOfRecord(earlier) === outlet) {
      await putAlias({ ...earlier, pk: earlier.item, claimant });
    }
  }

  /** Writes this identity's record as an alias of the item whose record is `of.item` (or `of.pk`). */
  async function putAlias(of: IndexRecord): Promise<void> {
    const target = of.item ?? of.pk;
    const {
      signature: _s,
      shingles: _n,
      details: _d,
      anchors: _a,
      nearOf: _o,
      lastArrival: _l,
      event: _e,
      reported: _r,
      ...slim
    } = of;
    const alias = {
      ...slim,
      pk: itemPk,
      claimant,
      aliasOf: target,
      expiresAt: nowSeconds + ITEM_MEMORY_DAYS * 86_400,
    };
    // Lost only to a concurrent first arrival of this identity, whose own record then stands.
    await index.putVersion(alias, nowSeconds);
  }

  function superseded(latest: IndexRecord): DedupeDecision {
    return {
      outcome: {
        decision: 'superseded',
        storyId: latest.storyId,
        uri: latest.uri,
        version: latest.version,
        firstCreated: latest.firstCreated,
        versionCreated: item.updated ?? item.published,
      },
      evidence: { words, nearCheck: 'not-needed', candidates: 0, supersededBy: latest.lastArrival ?? '' },
    };
  }

  async function putItem(itemRecord: IndexRecord): Promise<void> {
    const { signature: _s, shingles: _n, details: _d, event: _e, reported: _r, ...slim } = itemRecord;
    // An item's versions must outlive the look-back window: forgetting them would restart at version 1
    // under the same uri. Only exact-body and anchor records expire with the window.
    const remembered = { ...slim, expiresAt: nowSeconds + ITEM_MEMORY_DAYS * 86_400 };
    if (!(await index.putVersion(remembered, nowSeconds))) {
      // Another version of this item was recorded concurrently: decide again on redelivery.
      throw new TransientError(`item ${itemPk} changed while deciding its version`);
    }
  }

  async function recordNear(
    found: FoundMatch,
    concurrent: boolean,
    compared = candidates,
  ): Promise<DedupeDecision> {
    const base = baseOf();
    const nearOf: NearOf = { ...matchOfFound(found), fingerprint: found.record.fingerprint };
    // A copy is no report of its own: it is never linked to, so its event signals are not kept.
    const { event: _e, reported: _r, ...copySketch } = sketch as typeof sketch & Partial<IndexRecord>;
    const record: IndexRecord = { pk: exactPk, storyId: nearOf.storyId, ...base, ...copySketch, nearOf };
    await putItem({ ...record, pk: itemPk, lastArrival: arrival });
    const holder = await index.claim(record, nowSeconds);
    if (holder) return duplicateOf(holder);
    return nearDuplicate(nearOf, compared, matchEvidence(found, concurrent), base);
  }

  function matchOfFound(found: FoundMatch) {
    const { uri, storyId } = found.record;
    return { uri, storyId, rule: found.rule, similarity: round(found.similarity) };
  }

  function matchEvidence(found: FoundMatch, concurrent: boolean): NonNullable<DedupeEvidence['match']> {
    return {
      fingerprint: found.record.fingerprint,
      rule: found.rule,
      similarity: round(found.similarity),
      jaccard: round(found.jaccard),
      containment: round(found.containment),
      detailConflicts: found.detailConflicts,
      sharedDetails: found.sharedDetails,
      concurrent,
    };
  }

  function nearDuplicate(
    nearOf: NearOf,
    compared: number,
    match: DedupeEvidence['match'],
    { uri, version, firstCreated }: ReturnType<typeof baseOf>,
  ): DedupeDecision {
    return {
      outcome: {
        decision: 'near-duplicate',
        storyId: nearOf.storyId,
        uri,
        version,
        firstCreated,
        versionCreated: item.updated ?? item.published,
        matchOf: {
          uri: nearOf.uri,
          storyId: nearOf.storyId,
          rule: nearOf.rule,
          similarity: nearOf.similarity,
        },
      },
      evidence: {
        words,
        nearCheck: match ? 'checked' : 'redelivery',
        candidates: compared,
        match: match ?? {
          fingerprint: nearOf.fingerprint,
          rule: nearOf.rule,
          similarity: nearOf.similarity,
          concurrent: false,
        },
      },
    };
  }

  function duplicateOf(earlier: IndexRecord): DedupeDecision {
    return {
      outcome: {
        decision: 'duplicate',
        storyId: earlier.storyId,
        uri: ownUri,
        version: 1,
        firstCreated: item.published,
        versionCreated: item.updated ?? item.published,
        matchOf: { uri: earlier.uri, storyId: earlier.storyId, rule: 'exact-body', similarity: 1 },
      },
      evidence: { words, nearCheck: 'not-needed', candidates: 0 },
    };
  }
}

function sameEventEvidence(match: SameEventMatch): NonNullable<DedupeEvidence['sameEvent']> {
  return {
    fingerprint: match.record.fingerprint,
    rule: match.rule,
    sharedQuoteRuns: match.sharedQuoteRuns,
    sharedFigures: match.sharedFigures,
    figureShare: round(match.figureShare),
    nameShare: round(match.nameShare),
  };
}

function countWords(text: string): number {
  return text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0).length;
}
