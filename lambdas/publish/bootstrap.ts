import type { Tracer } from '@aws-lambda-powertools/tracer';
import type { BootstrapOptions } from '../shared/bootstrap-options.ts';
import { type AwsClients, createS3Client, createSqsClient } from '../shared/clients.ts';
import type { StageConfig } from '../shared/config.ts';
import { createDeadLetterSink } from '../shared/dead-letters.ts';
import { envelopeSchema } from '../shared/envelope.ts';
import { ConfigError } from '../shared/errors.ts';
import { createLogger } from '../shared/logger.ts';
import { createPowertoolsMetrics } from '../shared/metrics.ts';
import type { PublishConfig } from './config.ts';
import { createS3HeldStore } from './held-store.ts';
import { createSqsHoldTimers } from './hold-timers.ts';
import { createOutputQueue, type OutputQueue } from './output-queue.ts';
import { createPublishHandler } from './stage.ts';
import { createTopicOutput, type TopicSender } from './topic-output.ts';

export interface PublishBootstrapOptions extends BootstrapOptions {
  /** Sends to SNS; required when the configuration names an output topic. */
  readonly topicSender?: TopicSender;
  /** Traces the SDK clients this builds (not those passed in `clients`). */
  readonly tracer?: Tracer | undefined;
  /** The clock embargoes are decided by; the system's on Lambda, one a test sets locally. */
  readonly now?: () => Date;
}

/** Where published items go: the output queue, or the topic when the deployment fans out. */
export function outputFor(
  config: PublishConfig,
  clients: Pick<AwsClients, 's3' | 'sqs'>,
  topicSender?: TopicSender,
): OutputQueue {
  const topicArn = config.outputTopicArn;
  if (!topicArn) {
    return createOutputQueue({
      sqs: clients.sqs,
      s3: clients.s3,
      queueUrl: config.nextQueueUrl,
      fifo: config.nextQueueUrl.endsWith('.fifo'),
      claimBucket: config.rawBucket,
    });
  }
  // Publishing to the queue instead would bypass every subscriber's filter (and lack the IAM grant).
  if (!topicSender) throw new ConfigError('OUTPUT_TOPIC_ARN is set but no SNS sender was provided');
  return createTopicOutput({
    send: topicSender,
    s3: clients.s3,
    topicArn,
    fifo: topicArn.endsWith('.fifo'),
    claimBucket: config.rawBucket,
  });
}

/** Wires the publish stage from validated configuration: on Lambda at cold start, or in the local runner. */
export function bootstrapPublish(config: StageConfig | PublishConfig, options: PublishBootstrapOptions = {}) {
  // Every record is an envelope: its schema is built now, at cold start, not on the first one.
  envelopeSchema();
  const traced = { tracer: options.tracer };
  const clients = {
    s3: options.clients?.s3 ?? createS3Client(config.aws, traced),
    sqs: options.clients?.sqs ?? createSqsClient(config.aws, traced),
  };
  return createPublishHandler({
    s3: clients.s3,
    output: outputFor(config, clients, options.topicSender),
    deadLetters: createDeadLetterSink(
      clients.sqs,
      config.deadLetterQueueUrl,
      'publish',
      config.maxReceiveCount,
    ),
    logger: options.logger ?? createLogger('publish'),
    metrics: options.metrics ?? createPowertoolsMetrics('publish'),
    holds: {
      store: createS3HeldStore(clients.s3, config.rawBucket),
      ...('heldQueueUrl' in config && config.heldQueueUrl
        ? { timers: createSqsHoldTimers(clients.sqs, config.heldQueueUrl) }
        : {}),
      now: options.now ?? (() => new Date()),
    },
  });
}
