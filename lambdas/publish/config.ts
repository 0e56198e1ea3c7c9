import * as z from 'zod';
import { stageConfigSchema } from '../shared/config.ts';
import { ConfigError } from '../shared/errors.ts';

/**
 * The publish stage's configuration: the output queue (NEXT_QUEUE_URL) always,
 * and an SNS topic (OUTPUT_TOPIC_ARN) when the deployment fans out; then the
 * stage publishes to the topic only, and the queue is one of its subscribers.
 */
export const publishConfigSchema = stageConfigSchema.extend({
  outputTopicArn: z
    .string()
    .regex(/^arn:[a-z-]+:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}(\.fifo)?$/)
    .optional(),
});
export type PublishConfig = z.infer<typeof publishConfigSchema>;

export function loadPublishConfig(env: NodeJS.ProcessEnv = process.env): PublishConfig {
  const result = publishConfigSchema.safeParse({
    aws: {
      region: env.AWS_REGION,
      endpoints: { s3: env.SYNDICATE_S3_ENDPOINT || undefined, sqs: env.SYNDICATE_SQS_ENDPOINT || undefined },
    },
    rawBucket: env.RAW_BUCKET,
    nextQueueUrl: env.NEXT_QUEUE_URL,
    deadLetterQueueUrl: env.DLQ_URL,
    outputTopicArn: env.OUTPUT_TOPIC_ARN || undefined,
  });
  if (!result.success) throw new ConfigError(`invalid configuration: ${z.prettifyError(result.error)}`);
  return result.data;
}
