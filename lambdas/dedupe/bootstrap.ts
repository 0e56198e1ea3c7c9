import type { BootstrapOptions } from '../shared/bootstrap-options.ts';
import { createAwsClients } from '../shared/clients.ts';
import type { DedupeConfig } from '../shared/config.ts';
import { createDeadLetterSink } from '../shared/dead-letters.ts';
import { createEnvelopeQueue } from '../shared/envelope-queue.ts';
import { createLogger } from '../shared/logger.ts';
import { DynamoDedupeIndex } from './dynamo-index.ts';
import { createDedupeHandler } from './stage.ts';

/** Wires the dedupe stage from validated configuration: on Lambda at cold start, or in the local runner. */
export function bootstrapDedupe(config: DedupeConfig, options: BootstrapOptions = {}) {
  const clients = options.clients ?? createAwsClients(config.aws);
  return createDedupeHandler({
    s3: clients.s3,
    index: new DynamoDedupeIndex(clients.dynamodb, config.indexTable),
    next: createEnvelopeQueue({
      sqs: clients.sqs,
      s3: clients.s3,
      queueUrl: config.nextQueueUrl,
      bucket: config.rawBucket,
    }),
    deadLetters: createDeadLetterSink(clients.sqs, config.deadLetterQueueUrl, 'dedupe'),
    logger: options.logger ?? createLogger('dedupe'),
    duplicatePolicy: config.duplicatePolicy,
    lookbackDays: config.lookbackDays,
  });
}
