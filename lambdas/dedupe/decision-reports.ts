import type { S3Client } from '@aws-sdk/client-s3';
import type { DedupeOutcome } from '../shared/envelope.ts';
import { shortId } from '../shared/hash.ts';
import { reportPrefix } from '../shared/keys.ts';
import { putJson } from '../shared/reports.ts';
import type { DedupeEvidence } from './decide.ts';

/** One item's decision as recorded: what was decided, why, and whether it went on to consumers. */
export type ItemDecision = DedupeOutcome & {
  readonly index: number;
  readonly identity: string;
  readonly headline: string;
  readonly policy: string;
  readonly published: boolean;
  readonly evidence: DedupeEvidence;
};

/** The decisions one dedupe batch made on one arrival's items, in one object beside the raw document. */
export interface DecisionReport {
  readonly documentId: string;
  readonly outlet: string;
  readonly ingestionId: string;
  readonly decisions: readonly ItemDecision[];
}

/** A decision and where its report goes. */
export interface GatheredDecision {
  readonly bucket: string;
  readonly outlet: string;
  readonly documentId: string;
  readonly ingestionId: string;
  readonly decision: ItemDecision;
}

/**
 * Every report object of one arrival lives under this prefix. The arrival is
 * part of the key, so a later push of the same bytes (a new arrival) never
 * overwrites what the first one recorded.
 */
export function decisionReportPrefix(outlet: string, documentId: string, ingestionId: string): string {
  return `${reportPrefix(outlet, documentId)}decisions/${shortId(ingestionId)}/`;
}

/**
 * Named after the items it holds: a redelivered batch of the same items
 * rewrites its own object with the same decisions, and a batch cut
 * differently (a single redelivered item, say) adds an object of its own
 * rather than overwriting one that holds more items. Decisions are
 * idempotent per arrival, so an item found in two objects has one decision.
 */
export function decisionReportKey(
  outlet: string,
  documentId: string,
  ingestionId: string,
  indexes: readonly number[],
): string {
  const sorted = [...indexes].sort((a, b) => a - b);
  const name = `${sorted[0] ?? 0}-${shortId(sorted.join(',')).slice(0, 16)}`;
  return `${decisionReportPrefix(outlet, documentId, ingestionId)}${name}.json`;
}

/** Writes a batch's decisions: one object per arrival they belong to, in parallel. */
export async function writeDecisionReports(
  s3: S3Client,
  gathered: readonly GatheredDecision[],
): Promise<void> {
  const groups = new Map<string, GatheredDecision[]>();
  for (const entry of gathered) {
    const id = JSON.stringify([entry.bucket, entry.outlet, entry.documentId, entry.ingestionId]);
    const group = groups.get(id);
    if (group) group.push(entry);
    else groups.set(id, [entry]);
  }
  await Promise.all(
    [...groups.values()].map((group) => {
      const [first] = group;
      if (!first) return Promise.resolve();
      const decisions = group.map((g) => g.decision).sort((a, b) => a.index - b.index);
      const report: DecisionReport = {
        documentId: first.documentId,
        outlet: first.outlet,
        ingestionId: first.ingestionId,
        decisions,
      };
      const indexes = decisions.map((d) => d.index);
      const key = decisionReportKey(first.outlet, first.documentId, first.ingestionId, indexes);
      return putJson(s3, first.bucket, key, report);
    }),
  );
}
