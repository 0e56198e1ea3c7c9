import type { BootstrapOptions } from '../shared/bootstrap-options.ts';
import { createAwsClients } from '../shared/clients.ts';
import type { StageConfig } from '../shared/config.ts';
import { createDeadLetterSink } from '../shared/dead-letters.ts';
import { createEnvelopeQueue } from '../shared/envelope-queue.ts';
import { createLogger } from '../shared/logger.ts';
import { createPowertoolsMetrics } from '../shared/metrics.ts';
import type { OutletRegistry } from '../shared/outlets.ts';
import { createTracer } from '../shared/tracing.ts';
import { CreditFinder } from './credits.ts';
import { DEFAULT_GAZETTEER, type NewsOrganisation } from './gazetteer.ts';
import { createTagHandler } from './stage.ts';

export interface TagBootstrapOptions extends BootstrapOptions {
  readonly outlets: OutletRegistry;
  /** Organisations a deployment adds to the default gazetteer. */
  readonly gazetteer?: readonly NewsOrganisation[];
}

/** Wires the tag stage from validated configuration: on Lambda at cold start, or in the local runner. */
export function bootstrapTag(config: StageConfig, options: TagBootstrapOptions) {
  const clients = options.clients ?? createAwsClients(config.aws, { tracer: createTracer('tag') });
  return createTagHandler({
    s3: clients.s3,
    next: createEnvelopeQueue({
      sqs: clients.sqs,
      s3: clients.s3,
      queueUrl: config.nextQueueUrl,
      bucket: config.rawBucket,
    }),
    deadLetters: createDeadLetterSink(clients.sqs, config.deadLetterQueueUrl, 'tag'),
    logger: options.logger ?? createLogger('tag'),
    metrics: options.metrics ?? createPowertoolsMetrics('tag'),
    credits: new CreditFinder([...DEFAULT_GAZETTEER, ...(options.gazetteer ?? [])]),
    outlets: options.outlets,
  });
}
