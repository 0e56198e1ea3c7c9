import type { Tracer } from '@aws-lambda-powertools/tracer';
import type { BootstrapOptions } from '../shared/bootstrap-options.ts';
import { createAwsClients } from '../shared/clients.ts';
import type { DedupeConfig } from '../shared/config.ts';
import { createDeadLetterSink } from '../shared/dead-letters.ts';
import { envelopeSchema } from '../shared/envelope.ts';
import { createEnvelopeQueue } from '../shared/envelope-queue.ts';
import { createLogger } from '../shared/logger.ts';
import { createPowertoolsMetrics } from '../shared/metrics.ts';
import { DynamoAnchorLog } from './anchor-log.ts';
import { DynamoDecisionLedger } from './decision-reports.ts';
import { DynamoRecordStore } from './dynamo-records.ts';
import { LoggedDedupeIndex } from './logged-index.ts';
import { NearDuplicateDetector } from './near.ts';
import { createDedupeHandler } from './stage.ts';

export interface DedupeBootstrapOptions extends BootstrapOptions {
  /** Traces the SDK clients this builds (not those passed in `clients`). */
  readonly tracer?: Tracer | undefined;
}

/** Wires the dedupe stage from validated configuration: on Lambda at cold start, or in the local runner. */
export function bootstrapDedupe(config: DedupeConfig, options: DedupeBootstrapOptions = {}) {
  // Every record is an envelope: its schema is built now, at cold start, not on the first one.
  envelopeSchema();
  const clients = options.clients ?? createAwsClients(config.aws, { tracer: options.tracer });
  return createDedupeHandler({
    s3: clients.s3,
    index: new LoggedDedupeIndex({
      records: new DynamoRecordStore(clients.dynamodb, config.indexTable),
      log: new DynamoAnchorLog(clients.dynamodb, config.indexTable),
      lookbackDays: config.lookbackDays,
    }),
    decisions: new DynamoDecisionLedger(clients.dynamodb, config.indexTable),
    // Compiled once per cold start; the first record awaits it.
    detector: NearDuplicateDetector.create(),
    next: createEnvelopeQueue({
      sqs: clients.sqs,
      s3: clients.s3,
      queueUrl: config.nextQueueUrl,
      bucket: config.rawBucket,
    }),
    deadLetters: createDeadLetterSink(
      clients.sqs,
      config.deadLetterQueueUrl,
      'dedupe',
      config.maxReceiveCount,
    ),
    logger: options.logger ?? createLogger('dedupe'),
    metrics: options.metrics ?? createPowertoolsMetrics('dedupe'),
    duplicatePolicy: config.duplicatePolicy,
    lookbackDays: config.lookbackDays,
  });
}
