import type { DedupeOutcome, ItemEnvelope, WithdrawnStatus } from '../shared/envelope.ts';
import { TransientError } from '../shared/errors.ts';
import type { DedupeDecision } from './decide.ts';
import { itemUri, storyIdFor } from './decide.ts';
import { copiesKey, type IndexRecord, itemKey, type RecordStore } from './index-store.ts';
import { arrivalOrder, resolveItem } from './item-identity.ts';
import { planWithdrawal, type ResolvedRecord } from './withdraw.ts';

export interface WithdrawalResult extends DedupeDecision {
  /** The withdrawn item's new version and each flagged copy's, for consumers. */
  readonly forwards: readonly ItemEnvelope[];
}

/**
 * Carries out a kill or withdrawal (withdraw.ts decides): reads the item it names and the copies assigned
 * to it, writes their new versions, and returns the envelopes to publish.
 */
export async function decideWithdrawal(
  envelope: ItemEnvelope,
  options: { readonly index: RecordStore; readonly now: Date },
): Promise<WithdrawalResult> {
  const { index } = options;
  const nowSeconds = Math.floor(options.now.getTime() / 1000);
  const { document, item } = envelope;
  const pubStatus = item.pubStatus as WithdrawnStatus;
  const kill = {
    claimant: `${document.ingestionId}#${envelope.index}`,
    arrival: arrivalOrder(document),
    pubStatus,
  };
  const original = await findOriginal(index, document.outlet, item.identity, nowSeconds);
  const copiesPk = original ? copiesKey(original.record.uri) : undefined;
  const entries = copiesPk ? ((await index.getMany([copiesPk], nowSeconds)).get(copiesPk)?.copies ?? []) : [];
  const copyRecords =
    entries.length > 0
      ? await index.getMany(
          entries.map((e) => e.item),
          nowSeconds,
        )
      : new Map();
  const copies = (
    await Promise.all(
      entries.map(async (entry) => {
        const resolved = await resolveItem(index, entry.item, copyRecords.get(entry.item), nowSeconds);
        return resolved ? [{ ...resolved, entry }] : [];
      }),
    )
  ).flat();
  const plan = planWithdrawal({ kill, ...(original ? { original } : {}), copies });
  for (const record of plan.writes) {
    if (!(await index.putVersion(record, nowSeconds)))
      throw new TransientError(`item ${record.pk} changed while withdrawing ${plan.evidence.of ?? ''}`);
  }
  const versionCreated = item.updated ?? document.receivedAt;
  const evidence = { words: 0, nearCheck: 'not-needed' as const, candidates: 0, withdrawal: plan.evidence };
  const target = plan.original ?? original?.record;
  if (!target) {
    const uri = itemUri(document.outlet, item.identity);
    return {
      outcome: {
        decision: 'kill-of-unknown-item',
        storyId: storyIdFor(uri),
        uri,
        version: 1,
        firstCreated: item.published,
        versionCreated,
      },
      evidence,
      forwards: [],
    };
  }
  const outcome: DedupeOutcome = {
    decision: plan.decision,
    storyId: target.storyId,
    uri: target.uri,
    version: plan.evidence.already?.version ?? target.version,
    firstCreated: target.firstCreated,
    versionCreated,
  };
  if (plan.decision !== 'original-withdrawn') return { outcome, evidence, forwards: [] };
  const withdrawal = { pubStatus, originalUri: target.uri };
  const forwards: ItemEnvelope[] = [
    { ...envelope, dedupe: outcome, withdrawal: { ...withdrawal, role: 'original' } },
    ...plan.flagged.map(({ entry, record }) =>
      copyEnvelope(entry, record, target, versionCreated, withdrawal),
    ),
  ];
  return { outcome, evidence, forwards };
}

async function findOriginal(
  index: RecordStore,
  outlet: string,
  identity: string,
  nowSeconds: number,
): Promise<ResolvedRecord | undefined> {
  // A kill names the item by the id the outlet gave it; an RSS item without a guid is known by its link.
  const keys = [itemKey(outlet, identity)];
  if (identity.startsWith('guid:http')) keys.push(itemKey(outlet, `url:${identity.slice('guid:'.length)}`));
  const found = await index.getMany(keys, nowSeconds);
  for (const pk of keys) {
    const resolved = await resolveItem(index, pk, found.get(pk), nowSeconds);
    if (resolved) return resolved;
  }
  return undefined;
}

/** A copy's flag: its next version, metadata only (representationType partial, publish/withdrawn.ts). */
function copyEnvelope(
  entry: NonNullable<IndexRecord['copies']>[number],
  record: IndexRecord,
  original: IndexRecord,
  versionCreated: string,
  withdrawal: { readonly pubStatus: WithdrawnStatus; readonly originalUri: string },
): ItemEnvelope {
  return {
    schema: 'syndicate.item.v1',
    document: entry.document,
    index: entry.index,
    item: {
      identity: entry.identity,
      headline: entry.headline,
      bodyText: '',
      bodyHtml: '',
      language: entry.language,
      published: entry.published,
      publishedFrom: 'item',
      notices: [],
      authors: [],
      categories: [],
    },
    dedupe: {
      decision: 'near-duplicate',
      storyId: record.storyId,
      uri: entry.uri,
      version: record.version,
      firstCreated: record.firstCreated,
      versionCreated,
      matchOf: {
        uri: original.uri,
        storyId: original.storyId,
        rule: record.nearOf?.rule ?? 'assigned-copy',
        ...(record.nearOf ? { similarity: record.nearOf.similarity } : {}),
      },
    },
    withdrawal: { ...withdrawal, role: 'copy' },
  };
}
