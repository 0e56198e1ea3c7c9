import type { Logger } from '@aws-lambda-powertools/logger';
import type { S3Client } from '@aws-sdk/client-s3';
import type { DuplicatePolicy } from '../shared/config.ts';
import type { DeadLetterSink } from '../shared/dead-letters.ts';
import { type EnvelopeQueue, readEnvelope } from '../shared/envelope-queue.ts';
import { decisionKey } from '../shared/keys.ts';
import { putJson } from '../shared/reports.ts';
import { createSqsStageHandler, type SqsStageHandler } from '../shared/sqs-stage.ts';
import { decideDuplicate } from './decide.ts';
import type { DedupeIndex } from './index-store.ts';

export interface DedupeStageDeps {
  readonly s3: S3Client;
  readonly index: DedupeIndex;
  readonly next: EnvelopeQueue;
  readonly deadLetters: DeadLetterSink;
  readonly logger: Logger;
  readonly duplicatePolicy: DuplicatePolicy;
  readonly lookbackDays: number;
  readonly clock?: () => Date;
}

/**
 * Dedupe: decide against the index, record the decision next to the raw
 * document (every decision, published or not), and pass on what consumers
 * should see. Exact duplicates are never passed on; near duplicates follow
 * the deployment's policy.
 */
export function createDedupeHandler(deps: DedupeStageDeps): SqsStageHandler {
  const clock = deps.clock ?? (() => new Date());
  return createSqsStageHandler({
    logger: deps.logger,
    deadLetters: deps.deadLetters,
    async processRecord(record) {
      const envelope = await readEnvelope(deps.s3, record.body);
      const outcome = await decideDuplicate(envelope, {
        index: deps.index,
        lookbackDays: deps.lookbackDays,
        now: clock(),
      });
      const { document } = envelope;
      await putJson(deps.s3, document.bucket, decisionKey(document.outlet, document.id, envelope.index), {
        documentId: document.id,
        ingestionId: document.ingestionId,
        index: envelope.index,
        identity: envelope.item.identity,
        headline: envelope.item.headline,
        ...outcome,
      });
      const forward =
        outcome.decision === 'new' ||
        outcome.decision === 'version' ||
        (outcome.decision === 'near-duplicate' && deps.duplicatePolicy === 'flag');
      if (forward) await deps.next.send([{ ...envelope, dedupe: outcome }]);
      deps.logger.info('dedupe decision', {
        uri: outcome.uri,
        decision: outcome.decision,
        forwarded: forward,
      });
    },
  });
}
