import type { Logger } from '@aws-lambda-powertools/logger';
import type { S3Client } from '@aws-sdk/client-s3';
import type { DeadLetterSink } from '../shared/dead-letters.ts';
import type { ItemEnvelope } from '../shared/envelope.ts';
import { type EnvelopeQueue, readEnvelope } from '../shared/envelope-queue.ts';
import { InvalidMessageError } from '../shared/errors.ts';
import type { StageMetrics } from '../shared/metrics.ts';
import { createSqsStageHandler, type SqsStageHandler } from '../shared/sqs-stage.ts';
import { type TagOptions, tagItem } from './tag-item.ts';

export interface TagStageDeps extends TagOptions {
  readonly s3: S3Client;
  readonly next: EnvelopeQueue;
  readonly deadLetters: DeadLetterSink;
  readonly logger: Logger;
  readonly metrics?: StageMetrics;
}

/** Tag: rights and sources for each item that dedupe passed on; a batch's items are sent on together. */
export function createTagHandler(deps: TagStageDeps): SqsStageHandler {
  return createSqsStageHandler<ItemEnvelope>({
    logger: deps.logger,
    deadLetters: deps.deadLetters,
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
    flushGathered: (envelopes) => deps.next.send(envelopes),
    async processRecord(record, gather) {
      const envelope = await readEnvelope(deps.s3, record.body);
      if (!envelope.dedupe) throw new InvalidMessageError('tag received an item that dedupe has not decided');
      const tags = tagItem(envelope, deps);
      await gather({ ...envelope, tags });
    },
  });
}
