import { awsFromEnv, parseOrThrow, stageConfigSchema } from '../shared/config.ts';
import * as z from '../shared/zod.ts';

/**
 * The publish stage's configuration: the output queue (NEXT_QUEUE_URL) always,
 * and an SNS topic (OUTPUT_TOPIC_ARN) when the deployment fans out; then the
 * stage publishes to the topic only, and the queue is one of its subscribers.
 */
export const publishConfigSchema = z.extend(stageConfigSchema, {
  outputTopicArn: z.optional(
    z.string().check(z.regex(/^arn:[a-z-]+:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}(\.fifo)?$/)),
  ),
  /** The held queue (HELD_QUEUE_URL), where embargo timers wait; absent, held items wait for the sweep alone. */
  heldQueueUrl: z.optional(z.url()),
});
export type PublishConfig = z.infer<typeof publishConfigSchema>;

export function loadPublishConfig(env: NodeJS.ProcessEnv = process.env): PublishConfig {
  return parseOrThrow(publishConfigSchema, {
    aws: awsFromEnv(env),
    rawBucket: env.RAW_BUCKET,
    nextQueueUrl: env.NEXT_QUEUE_URL,
    deadLetterQueueUrl: env.DLQ_URL,
    maxReceiveCount: env.MAX_RECEIVE_COUNT || undefined,
    outputTopicArn: env.OUTPUT_TOPIC_ARN || undefined,
    heldQueueUrl: env.HELD_QUEUE_URL || undefined,
  });
}

/**
 * The release function's: publish's, with the held queue required (it is the
 * function's own input, where it re-arms timers) and DLQ_URL the held queue's.
 */
export const releaseConfigSchema = z.extend(publishConfigSchema, { heldQueueUrl: z.url() });
export type ReleaseConfig = z.infer<typeof releaseConfigSchema>;

export function loadReleaseConfig(env: NodeJS.ProcessEnv = process.env): ReleaseConfig {
  return parseOrThrow(releaseConfigSchema, loadPublishConfig(env));
}
