import type { Tracer } from '@aws-lambda-powertools/tracer';
import type { BootstrapOptions } from '../shared/bootstrap-options.ts';
import { createS3Client, createSqsClient } from '../shared/clients.ts';
import type { StageConfig } from '../shared/config.ts';
import { createDeadLetterSink } from '../shared/dead-letters.ts';
import { createEnvelopeQueue } from '../shared/envelope-queue.ts';
import { createLogger } from '../shared/logger.ts';
import { createPowertoolsMetrics } from '../shared/metrics.ts';
import { createNormalizeHandler } from './stage.ts';

export interface NormalizeBootstrapOptions extends BootstrapOptions {
  /** Traces the SDK clients this builds (not those passed in `clients`). */
  readonly tracer?: Tracer | undefined;
}

/** Wires the normalize stage from validated configuration: on Lambda at cold start, or in the local runner. */
export function bootstrapNormalize(config: StageConfig, options: NormalizeBootstrapOptions = {}) {
  const traced = { tracer: options.tracer };
  const s3 = options.clients?.s3 ?? createS3Client(config.aws, traced);
  const sqs = options.clients?.sqs ?? createSqsClient(config.aws, traced);
  return createNormalizeHandler({
    s3,
    next: createEnvelopeQueue({
      sqs,
      s3,
      queueUrl: config.nextQueueUrl,
      bucket: config.rawBucket,
    }),
    deadLetters: createDeadLetterSink(sqs, config.deadLetterQueueUrl, 'normalize', config.maxReceiveCount),
    logger: options.logger ?? createLogger('normalize'),
    metrics: options.metrics ?? createPowertoolsMetrics('normalize'),
  });
}
