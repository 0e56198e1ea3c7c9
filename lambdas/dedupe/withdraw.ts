import type { WithdrawnStatus } from '../shared/envelope.ts';
import type { CopyEntry, IndexRecord, WithdrawalMark } from './index-store.ts';

/** A kill or withdrawal as dedupe sees it: which arrival sent it, and what it asks. */
export interface Kill {
  /** `ingestionId#index` of the kill's arrival. */
  readonly claimant: string;
  /** item-identity.ts `arrivalOrder` of the kill's arrival. */
  readonly arrival: string;
  readonly pubStatus: WithdrawnStatus;
}

export interface ResolvedRecord {
  readonly pk: string;
  readonly record: IndexRecord;
}

export interface WithdrawInput {
  readonly kill: Kill;
  /** The outlet's earlier item the kill names, if it is on record. */
  readonly original?: ResolvedRecord;
  /** The copies consumers received of the original, with their item records where still on record. */
  readonly copies: readonly (ResolvedRecord & { readonly entry: CopyEntry })[];
}

export type WithdrawDecision =
  | 'original-withdrawn'
  | 'already-withdrawn'
  | 'kill-of-unknown-item'
  | 'superseded';

/** Recorded with the kill's decision (`evidence.withdrawal`), shown by `syndicate explain`. */
export interface WithdrawalEvidence {
  readonly pubStatus: WithdrawnStatus;
  /** The withdrawn item's uri; absent for a kill of an unknown item. */
  readonly of?: string;
  /** The version consumers held before the kill's. */
  readonly previousVersion?: number;
  /** For `already-withdrawn`: the earlier kill's status and version. */
  readonly already?: { readonly pubStatus: WithdrawnStatus; readonly version: number };
  /** The copies flagged, each with the version that carries the flag. */
  readonly copies: readonly { readonly uri: string; readonly version: number }[];
  /** True when this arrival was decided before (a redelivery): the same versions are published again. */
  readonly redelivery?: boolean;
}

export interface WithdrawPlan {
  readonly decision: WithdrawDecision;
  /** The original's record as it stands after the kill (its version is the kill's). */
  readonly original?: IndexRecord;
  /** Item records to write, the original's first: a redelivery then finds what is left to flag. */
  readonly writes: readonly IndexRecord[];
  /** What to publish: empty unless `original-withdrawn`. */
  readonly flagged: readonly { readonly entry: CopyEntry; readonly record: IndexRecord }[];
  readonly evidence: WithdrawalEvidence;
}

/** A kill outranks a withdrawal: `withheld` then `canceled` is news, the reverse is not. */
const RANK: Record<WithdrawnStatus, number> = { withheld: 1, canceled: 2 };

/**
 * What a kill does. Pure: the caller reads the records and writes `writes`. The withdrawn item gets its
 * next version with the kill's pubStatus; each copy consumers received gets its next version, flagged.
 * Idempotent per arrival: a redelivered kill finds its own mark and repeats its versions; another arrival
 * of a kill already in force changes nothing; a kill older than the item's latest arrival is superseded.
 */
export function planWithdrawal(input: WithdrawInput): WithdrawPlan {
  const { kill, original } = input;
  const empty = { writes: [], flagged: [] };
  if (!original)
    return {
      decision: 'kill-of-unknown-item',
      ...empty,
      evidence: { pubStatus: kill.pubStatus, copies: [] },
    };
  const { record } = original;
  const mark = record.withdrawn;
  const redelivery = mark?.claimant === kill.claimant;
  if (!redelivery) {
    const evidence = { pubStatus: kill.pubStatus, of: record.uri, copies: [] };
    if (record.lastArrival !== undefined && record.lastArrival > kill.arrival)
      return { decision: 'superseded', ...empty, evidence };
    if (mark && RANK[mark.pubStatus] >= RANK[kill.pubStatus]) {
      return {
        decision: 'already-withdrawn',
        ...empty,
        evidence: { ...evidence, already: { pubStatus: mark.pubStatus, version: mark.version } },
      };
    }
  }
  const version = redelivery && mark ? mark.version : record.version + 1;
  const withdrawn: WithdrawalMark = {
    pubStatus: kill.pubStatus,
    claimant: kill.claimant,
    version,
    originalUri: record.uri,
  };
  const updated: IndexRecord = redelivery
    ? record
    : { ...record, pk: original.pk, version, claimant: kill.claimant, lastArrival: kill.arrival, withdrawn };
  const writes: IndexRecord[] = redelivery ? [] : [updated];
  const flagged: { entry: CopyEntry; record: IndexRecord }[] = [];
  for (const copy of input.copies) {
    if (copy.record.originalWithdrawn?.claimant === kill.claimant) {
      flagged.push({ entry: copy.entry, record: copy.record });
      continue;
    }
    const next: IndexRecord = {
      ...copy.record,
      pk: copy.pk,
      version: copy.record.version + 1,
      claimant: kill.claimant,
      originalWithdrawn: { ...withdrawn, version: copy.record.version + 1 },
    };
    writes.push(next);
    flagged.push({ entry: copy.entry, record: next });
  }
  return {
    decision: 'original-withdrawn',
    original: updated,
    writes,
    flagged,
    evidence: {
      pubStatus: kill.pubStatus,
      of: record.uri,
      previousVersion: version - 1,
      copies: flagged.map((f) => ({ uri: f.entry.uri, version: f.record.version })),
      ...(redelivery ? { redelivery } : {}),
    },
  };
}
