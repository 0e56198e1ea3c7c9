import { anchorKey, firstSharedAnchor } from './anchors.ts';
import type { AnchorBucket, DedupeIndex, IndexRecord } from './index-store.ts';
import { exactKey } from './index-store.ts';
import { outletOfRecord } from './item-identity.ts';
import { type Signature, unpackSignature, unpackValues } from './minhash.ts';
import type { NearDuplicateDetector, NearMatch, TextProfile } from './near.ts';

/**
 * Candidates verified per item. Buckets hold at most `bucketCapacity` entries
 * and an item has `anchors` buckets, so at most anchors × capacity
 * fingerprints come back; the ones sharing most anchors are verified first (a
 * close copy shares most of its anchors, an unrelated text rarely one). This bound, not the size of the index, is what a
 * look-up costs: one BatchGetItem of at most this many records.
 */
export const MAX_CANDIDATES = 10;

export interface FoundMatch extends NearMatch {
  readonly record: IndexRecord;
  /** The earlier story is the same outlet's: a match makes this its next version, not a copy. */
  readonly sameOutlet: boolean;
}

/** Who is looking: the outlet, and whether its item's identity is its own (guid or link). */
export interface Seeker {
  readonly outlet: string;
  readonly uri: string;
  readonly explicitIdentity: boolean;
}

/** Fingerprints in the buckets other than `own`, most shared anchors first, then most recent. */
export function rankCandidates(
  buckets: Iterable<AnchorBucket>,
  own: string,
  exclude: ReadonlySet<string> = new Set(),
): string[] {
  const score = new Map<string, { anchors: number; latest: number }>();
  for (const bucket of buckets) {
    bucket.entries.forEach((entry, position) => {
      if (entry.fingerprint === own || exclude.has(entry.fingerprint)) return;
      const seen = score.get(entry.fingerprint) ?? { anchors: 0, latest: 0 };
      score.set(entry.fingerprint, {
        anchors: seen.anchors + 1,
        latest: Math.max(seen.latest, entry.expiresAt + position),
      });
    });
  }
  return [...score.entries()]
    .sort((a, b) => b[1].anchors - a[1].anchors || b[1].latest - a[1].latest)
    .slice(0, MAX_CANDIDATES)
    .map(([fingerprint]) => fingerprint);
}

/** Decodes a stored record's sketch; undefined for a record of a short text. */
export function storedProfile(
  record: IndexRecord,
  permutations: number,
): { signature: Signature; shingles: number; details: Uint32Array; anchors: Uint32Array } | undefined {
  if (!record.signature || record.shingles === undefined) return undefined;
  const signature = unpackSignature(record.signature, permutations);
  const details = record.details ? unpackValues(record.details, -1) : new Uint32Array(0);
  const anchors = record.anchors ? unpackValues(record.anchors, -1) : new Uint32Array(0);
  return { signature, shingles: record.shingles, details, anchors };
}

/**
 * Fetches the candidates' records (one BatchGetItem) and returns the best verified match: the same
 * outlet's earlier story before any other outlet's (an outlet's changed text is its own update), then the
 * most similar. Of the same outlet, an item with an identity of its own never matches another such item:
 * two guids or links are two items, however alike (a weekly calendar is not last week's, updated).
 */
export async function bestMatch(
  index: DedupeIndex,
  detector: NearDuplicateDetector,
  profile: TextProfile,
  candidates: readonly string[],
  nowSeconds: number,
  seeker: Seeker,
): Promise<FoundMatch | undefined> {
  if (candidates.length === 0) return undefined;
  const records = await index.getMany(candidates.map(exactKey), nowSeconds);
  let best: FoundMatch | undefined;
  for (const record of records.values()) {
    // An earlier version of this very item is a version, never a near duplicate of itself.
    if (record.uri === seeker.uri) continue;
    const sameOutlet = outletOfRecord(record) === seeker.outlet;
    if (sameOutlet && seeker.explicitIdentity && record.explicitIdentity) continue;
    const stored = storedProfile(record, detector.params.permutations);
    if (!stored) continue;
    const match = sameOutlet ? detector.matchRevision(profile, stored) : detector.match(profile, stored);
    if (!match) continue;
    const better =
      !best ||
      (sameOutlet && !best.sameOutlet) ||
      (sameOutlet === best.sameOutlet && match.similarity > best.similarity);
    if (better) best = { ...match, record, sameOutlet };
  }
  return best;
}

/**
 * Of two similar items appended concurrently, the one first in the bucket of
 * the smallest anchor they share is first. Each side can tell from the bucket
 * it wrote (which holds every entry appended before its own) and from the
 * other's stored anchors, so exactly one of them yields.
 */
export function precedesInFirstSharedAnchor(
  own: { fingerprint: string; anchors: Uint32Array },
  other: { fingerprint: string; anchors: Uint32Array },
  written: ReadonlyMap<string, AnchorBucket>,
): boolean {
  const shared = firstSharedAnchor(own.anchors, other.anchors);
  if (shared === undefined) return false;
  const bucket = written.get(anchorKey(shared));
  if (!bucket) return false;
  const position = (fp: string) => bucket.entries.findIndex((e) => e.fingerprint === fp);
  const theirPosition = position(other.fingerprint);
  const ownPosition = position(own.fingerprint);
  return theirPosition >= 0 && (ownPosition < 0 || theirPosition < ownPosition);
}
