import type { BootstrapOptions } from '../shared/bootstrap-options.ts';
import { createS3Client, createSqsClient } from '../shared/clients.ts';
import { createDeadLetterSink } from '../shared/dead-letters.ts';
import { envelopeSchema } from '../shared/envelope.ts';
import { createLogger } from '../shared/logger.ts';
import { createPowertoolsMetrics } from '../shared/metrics.ts';
import type { SqsStageHandler } from '../shared/sqs-stage.ts';
import { outputFor, type PublishBootstrapOptions } from './bootstrap.ts';
import type { ReleaseConfig } from './config.ts';
import { createS3HeldStore } from './held-store.ts';
import { createSqsHoldTimers } from './hold-timers.ts';
import { createReleaseHandler, type SweepSummary, sweepHeld } from './release.ts';

export interface ReleaseFunction {
  /** The held queue's timers (an SQS event). */
  readonly release: SqsStageHandler;
  /** The backstop, on a schedule on AWS; locally when the pipeline starts, on `serve`'s timer and at the end of `run`. */
  readonly sweep: () => Promise<SweepSummary>;
}

/** Wires the release of held items from validated configuration, on Lambda or in the local runner. */
export function bootstrapRelease(
  config: ReleaseConfig,
  options: PublishBootstrapOptions & BootstrapOptions = {},
): ReleaseFunction {
  envelopeSchema();
  const traced = { tracer: options.tracer };
  const clients = {
    s3: options.clients?.s3 ?? createS3Client(config.aws, traced),
    sqs: options.clients?.sqs ?? createSqsClient(config.aws, traced),
  };
  const store = createS3HeldStore(clients.s3, config.rawBucket);
  const output = outputFor(config, clients, options.topicSender);
  const now = options.now ?? (() => new Date());
  const logger = options.logger ?? createLogger('release');
  const metrics = options.metrics ?? createPowertoolsMetrics('release');
  return {
    release: createReleaseHandler({
      store,
      timers: createSqsHoldTimers(clients.sqs, config.heldQueueUrl),
      output,
      now,
      deadLetters: createDeadLetterSink(
        clients.sqs,
        config.deadLetterQueueUrl,
        'release',
        config.maxReceiveCount,
      ),
      logger,
      metrics,
    }),
    sweep: () => sweepHeld({ store, output, now, logger, metrics }),
  };
}
