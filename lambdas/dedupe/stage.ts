import type { Logger } from '@aws-lambda-powertools/logger';
import type { S3Client } from '@aws-sdk/client-s3';
import type { DuplicatePolicy } from '../shared/config.ts';
import type { DeadLetterSink } from '../shared/dead-letters.ts';
import type { ItemEnvelope } from '../shared/envelope.ts';
import { type EnvelopeQueue, readEnvelope } from '../shared/envelope-queue.ts';
import { METRICS, type MetricName, type StageMetrics } from '../shared/metrics.ts';
import { createSqsStageHandler, type SqsStageHandler } from '../shared/sqs-stage.ts';
import { noteAssignedCopy } from './copies.ts';
import { type DedupeDecision, decideDuplicate } from './decide.ts';
import type { DecisionSink, GatheredDecision } from './decision-reports.ts';
import type { DedupeIndex } from './index-store.ts';
import { KeyedSerializer } from './item-lock.ts';
import type { NearDuplicateDetector } from './near.ts';
import { decideWithdrawal } from './withdrawal.ts';

export interface DedupeStageDeps {
  readonly s3: S3Client;
  readonly index: DedupeIndex;
  /** Where every decision is recorded, published or not. */
  readonly decisions: DecisionSink;
  /** A promise while xxhash-wasm compiles at cold start; awaited once it is needed. */
  readonly detector: NearDuplicateDetector | Promise<NearDuplicateDetector>;
  readonly next: EnvelopeQueue;
  readonly deadLetters: DeadLetterSink;
  readonly logger: Logger;
  readonly duplicatePolicy: DuplicatePolicy;
  readonly lookbackDays: number;
  readonly clock?: () => Date;
  readonly metrics?: StageMetrics;
}

/** A record's decision, and the envelope to pass on when consumers should see the item. */
type Decided = GatheredDecision & { readonly forward?: readonly ItemEnvelope[] };

const DECISION_METRIC: Partial<Record<string, MetricName>> = {
  new: METRICS.newStories,
  duplicate: METRICS.duplicates,
  'near-duplicate': METRICS.nearDuplicates,
  version: METRICS.newVersions,
  superseded: METRICS.superseded,
};

/** The forward switch below; a kill (withdrawal.ts) passes on what it re-publishes. */
function decideItem(
  envelope: ItemEnvelope,
  deps: DedupeStageDeps,
  detector: NearDuplicateDetector,
  now: Date,
): Promise<DedupeDecision & { readonly forwards?: readonly ItemEnvelope[] }> {
  if (envelope.item.pubStatus) return decideWithdrawal(envelope, { index: deps.index, now });
  return decideDuplicate(envelope, { index: deps.index, detector, lookbackDays: deps.lookbackDays, now });
}

/**
 * Dedupe: decide against the index, log the batch's new stories to it, record
 * every decision and its evidence (published or not; one report per batch and
 * arrival), and pass on what consumers should see. Exact duplicates are never
 * passed on; near duplicates follow the deployment's policy.
 */
export function createDedupeHandler(deps: DedupeStageDeps): SqsStageHandler {
  const clock = deps.clock ?? (() => new Date());
  const items = new KeyedSerializer();
  return createSqsStageHandler<Decided>({
    logger: deps.logger,
    deadLetters: deps.deadLetters,
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
    // Recorded before anything is passed on: a story that reached consumers is always in the index
    // other instances read, and its decision always on record.
    async flushGathered(gathered) {
      await deps.index.flush();
      await deps.decisions.write(gathered);
      // Counted once on record, not per attempt: a batch whose write failed is decided again and counts then.
      for (const { decision } of gathered) {
        const metric = DECISION_METRIC[decision.decision];
        if (metric) deps.metrics?.count(metric);
      }
      await deps.next.send(gathered.flatMap((g) => g.forward ?? []));
    },
    async processRecord(record, gather) {
      const envelope = await readEnvelope(deps.s3, record.body);
      const detector = await deps.detector;
      // Only the decision is taken in turn: gathering waits for the whole batch, a turn must not.
      const decided = await items.run(`${envelope.document.outlet}|${envelope.item.identity}`, () =>
        decideItem(envelope, deps, detector, clock()),
      );
      const { outcome, evidence } = decided;
      const { document } = envelope;
      // A superseded arrival is older than what consumers already hold: never passed on.
      const passOn =
        outcome.decision === 'new' ||
        outcome.decision === 'version' ||
        (outcome.decision === 'near-duplicate' && deps.duplicatePolicy === 'flag');
      // A copy consumers receive is remembered under its original, for a kill of the original to flag.
      if (passOn && outcome.decision === 'near-duplicate')
        await noteAssignedCopy(deps.index, envelope, outcome, Math.floor(clock().getTime() / 1000));
      const forwards = decided.forwards ?? (passOn ? [{ ...envelope, dedupe: outcome }] : []);
      const forward = forwards.length > 0;
      await gather({
        outlet: document.outlet,
        documentId: document.id,
        ingestionId: document.ingestionId,
        decision: {
          index: envelope.index,
          identity: envelope.item.identity,
          headline: envelope.item.headline,
          ...outcome,
          policy: deps.duplicatePolicy,
          published: forward,
          evidence,
        },
        ...(forward ? { forward: forwards } : {}),
      });
      deps.logger.info('dedupe decision', {
        ingestionId: document.ingestionId,
        index: envelope.index,
        uri: outcome.uri,
        decision: outcome.decision,
        storyId: outcome.storyId,
        matchOf: outcome.matchOf?.uri,
        forwarded: forward,
      });
    },
  });
}
