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
  });
}
