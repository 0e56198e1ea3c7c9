import type { BootstrapOptions } from '../shared/bootstrap-options.ts';
import { createAwsClients } from '../shared/clients.ts';
import type { StageConfig } from '../shared/config.ts';
import { createDeadLetterSink } from '../shared/dead-letters.ts';
import { createLogger } from '../shared/logger.ts';
import { createOutputQueue } from './output-queue.ts';
import { createPublishHandler } from './stage.ts';

/** Wires the publish stage from validated configuration: on Lambda at cold start, or in the local runner. */
export function bootstrapPublish(config: StageConfig, options: BootstrapOptions = {}) {
  const clients = options.clients ?? createAwsClients(config.aws);
  return createPublishHandler({
    s3: clients.s3,
    output: createOutputQueue({
      sqs: clients.sqs,
      s3: clients.s3,
      queueUrl: config.nextQueueUrl,
      fifo: config.nextQueueUrl.endsWith('.fifo'),
      claimBucket: config.rawBucket,
    }),
    deadLetters: createDeadLetterSink(clients.sqs, config.deadLetterQueueUrl, 'publish'),
    logger: options.logger ?? createLogger('publish'),
  });
}
