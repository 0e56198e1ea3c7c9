import type { Logger } from '@aws-lambda-powertools/logger';
import type { S3Client } from '@aws-sdk/client-s3';
import type { DeadLetterSink } from '../shared/dead-letters.ts';
import { readEnvelope } from '../shared/envelope-queue.ts';
import { InvalidMessageError } from '../shared/errors.ts';
import { METRICS, type StageMetrics } from '../shared/metrics.ts';
import { createSqsStageHandler, type SqsStageHandler } from '../shared/sqs-stage.ts';
import { type OutputMessage, toOutputMessage } from './message.ts';
import { toNinjs } from './ninjs.ts';
import type { OutputQueue } from './output-queue.ts';
import { assertValidNinjs } from './validate.ts';

export interface PublishStageDeps {
  readonly s3: S3Client;
  readonly output: OutputQueue;
  readonly deadLetters: DeadLetterSink;
  readonly logger: Logger;
  readonly metrics?: StageMetrics;
}

/**
 * Publish: the envelope becomes a ninjs 3.1 document, validated against the
 * official schema before it is sent. An invalid one goes to this stage's DLQ
 * with the validator's reason and never reaches consumers. A batch's valid
 * messages leave together (SendMessageBatch: one request, not ten).
 */
export function createPublishHandler(deps: PublishStageDeps): SqsStageHandler {
  return createSqsStageHandler<OutputMessage>({
    logger: deps.logger,
    deadLetters: deps.deadLetters,
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
    flushGathered: (messages) => deps.output.publish(messages),
    async processRecord(record, gather) {
      const envelope = await readEnvelope(deps.s3, record.body);
      if (!envelope.dedupe)
        throw new InvalidMessageError('publish received an item that dedupe has not decided');
      const ninjs = toNinjs(envelope);
      assertValidNinjs(ninjs);
      await gather(toOutputMessage(envelope, ninjs));
      deps.metrics?.count(METRICS.published);
      deps.logger.info('published', { uri: ninjs.uri, version: ninjs.version });
    },
  });
}
