import type { BootstrapOptions } from '../shared/bootstrap-options.ts';
import { createAwsClients } from '../shared/clients.ts';
import type { DedupeConfig } from '../shared/config.ts';
import { createDeadLetterSink } from '../shared/dead-letters.ts';
import { createEnvelopeQueue } from '../shared/envelope-queue.ts';
import { createLogger } from '../shared/logger.ts';
import { createPowertoolsMetrics } from '../shared/metrics.ts';
import { createTracer } from '../shared/tracing.ts';
import { DynamoDedupeIndex } from './dynamo-index.ts';
import { NearDuplicateDetector } from './near.ts';
import { createDedupeHandler } from './stage.ts';

/** Wires the dedupe stage from validated configuration: on Lambda at cold start, or in the local runner. */
export function bootstrapDedupe(config: DedupeConfig, options: BootstrapOptions = {}) {
  const clients = options.clients ?? createAwsClients(config.aws, { tracer: createTracer('dedupe') });
  return createDedupeHandler({
    s3: clients.s3,
    index: new DynamoDedupeIndex(clients.dynamodb, config.indexTable),
    // Compiled once per cold start; the first record awaits it.
    detector: NearDuplicateDetector.create(),
    next: createEnvelopeQueue({
      sqs: clients.sqs,
      s3: clients.s3,
      queueUrl: config.nextQueueUrl,
      bucket: config.rawBucket,
    }),
    deadLetters: createDeadLetterSink(clients.sqs, config.deadLetterQueueUrl, 'dedupe'),
    logger: options.logger ?? createLogger('dedupe'),
    metrics: options.metrics ?? createPowertoolsMetrics('dedupe'),
    duplicatePolicy: config.duplicatePolicy,
    lookbackDays: config.lookbackDays,
  });
}
