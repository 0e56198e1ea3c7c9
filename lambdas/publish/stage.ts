import type { Logger } from '@aws-lambda-powertools/logger';
import type { S3Client } from '@aws-sdk/client-s3';
import type { DeadLetterSink } from '../shared/dead-letters.ts';
import { readEnvelope } from '../shared/envelope-queue.ts';
import { InvalidMessageError } from '../shared/errors.ts';
import { METRICS, type StageMetrics } from '../shared/metrics.ts';
import { createSqsStageHandler, type SqsStageHandler } from '../shared/sqs-stage.ts';
import { type HoldDeps, holdIfEmbargoed } from './holds.ts';
import type { OutputMessage } from './message.ts';
import type { OutputQueue } from './output-queue.ts';
import { prepareOutput } from './prepare.ts';

export interface PublishStageDeps {
  readonly s3: S3Client;
  readonly output: OutputQueue;
  readonly deadLetters: DeadLetterSink;
  readonly logger: Logger;
  readonly metrics?: StageMetrics;
  /** Where embargoed items wait, and the clock that says whether they must (holds.ts). */
  readonly holds: Omit<HoldDeps, 'logger'>;
}

/**
 * Publish: the envelope becomes a ninjs 3.1 document, validated against the
 * official schema before it is sent. An invalid one goes to this stage's DLQ
 * with the validator's reason and never reaches consumers. A batch's valid
 * messages leave together (SendMessageBatch: one request, not ten). An item
 * under embargo is held instead, and released at its time (release.ts).
 */
export function createPublishHandler(deps: PublishStageDeps): SqsStageHandler {
  const holds: HoldDeps = { ...deps.holds, logger: deps.logger };
  return createSqsStageHandler<OutputMessage>({
    logger: deps.logger,
    deadLetters: deps.deadLetters,
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
    flushGathered: (messages) => deps.output.publish(messages),
    async processRecord(record, gather) {
      const envelope = await readEnvelope(deps.s3, record.body);
      if (!envelope.dedupe)
        throw new InvalidMessageError('publish received an item that dedupe has not decided');
      // Validated before holding: an item that can never be published fails now, not at its release.
      const message = prepareOutput(envelope);
      const outcome = await holdIfEmbargoed(envelope, holds);
      if (outcome.held) {
        deps.metrics?.count(METRICS.held);
        deps.logger.info('held under embargo', {
          uri: envelope.dedupe.uri,
          until: outcome.until,
          key: outcome.key,
        });
        return;
      }
      await gather(message);
      deps.metrics?.count(METRICS.published);
      deps.logger.info('published', { uri: envelope.dedupe.uri, version: envelope.dedupe.version });
    },
  });
}
