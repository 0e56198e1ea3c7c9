import type { Tracer } from '@aws-lambda-powertools/tracer';
import type { BootstrapOptions } from '../shared/bootstrap-options.ts';
import { createS3Client, createSqsClient } from '../shared/clients.ts';
import type { StageConfig } from '../shared/config.ts';
import { createDeadLetterSink } from '../shared/dead-letters.ts';
import { envelopeSchema } from '../shared/envelope.ts';
import { createEnvelopeQueue } from '../shared/envelope-queue.ts';
import { createLogger } from '../shared/logger.ts';
import { createPowertoolsMetrics } from '../shared/metrics.ts';
import type { OutletRegistry } from '../shared/outlets.ts';
import { CreditFinder } from './credits.ts';
import { createS3TagEvidenceSink } from './evidence-reports.ts';
import { DEFAULT_GAZETTEER, type NewsOrganisation } from './gazetteer.ts';
import { createTagHandler } from './stage.ts';

export interface TagBootstrapOptions extends BootstrapOptions {
  readonly outlets: OutletRegistry;
  /** Organisations a deployment adds to the default gazetteer. */
  readonly gazetteer?: readonly NewsOrganisation[];
  /** Traces the SDK clients this builds (not those passed in `clients`). */
  readonly tracer?: Tracer | undefined;
}

/** Wires the tag stage from validated configuration: on Lambda at cold start, or in the local runner. */
export function bootstrapTag(config: StageConfig, options: TagBootstrapOptions) {
  // Every record is an envelope: its schema is built now, at cold start, not on the first one.
  envelopeSchema();
  const traced = { tracer: options.tracer };
  const s3 = options.clients?.s3 ?? createS3Client(config.aws, traced);
  const sqs = options.clients?.sqs ?? createSqsClient(config.aws, traced);
  return createTagHandler({
    s3,
    next: createEnvelopeQueue({
      sqs,
      s3,
      queueUrl: config.nextQueueUrl,
      bucket: config.rawBucket,
    }),
    deadLetters: createDeadLetterSink(sqs, config.deadLetterQueueUrl, 'tag', config.maxReceiveCount),
    logger: options.logger ?? createLogger('tag'),
    metrics: options.metrics ?? createPowertoolsMetrics('tag'),
    credits: new CreditFinder([...DEFAULT_GAZETTEER, ...(options.gazetteer ?? [])]),
    outlets: options.outlets,
    evidence: createS3TagEvidenceSink(s3, config.rawBucket),
  });
}
