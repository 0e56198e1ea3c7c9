import type { BootstrapOptions } from '../shared/bootstrap-options.ts';
import { createAwsClients } from '../shared/clients.ts';
import type { StageConfig } from '../shared/config.ts';
import { createDeadLetterSink } from '../shared/dead-letters.ts';
import { createEnvelopeQueue } from '../shared/envelope-queue.ts';
import { createLogger } from '../shared/logger.ts';
import { createPowertoolsMetrics } from '../shared/metrics.ts';
import { createTracer } from '../shared/tracing.ts';
import { createNormalizeHandler } from './stage.ts';

/** Wires the normalize stage from validated configuration: on Lambda at cold start, or in the local runner. */
export function bootstrapNormalize(config: StageConfig, options: BootstrapOptions = {}) {
  const clients = options.clients ?? createAwsClients(config.aws, { tracer: createTracer('normalize') });
  return createNormalizeHandler({
    s3: clients.s3,
    next: createEnvelopeQueue({
      sqs: clients.sqs,
      s3: clients.s3,
      queueUrl: config.nextQueueUrl,
      bucket: config.rawBucket,
    }),
    deadLetters: createDeadLetterSink(clients.sqs, config.deadLetterQueueUrl, 'normalize'),
    logger: options.logger ?? createLogger('normalize'),
    metrics: options.metrics ?? createPowertoolsMetrics('normalize'),
  });
}
