import type { S3Client } from '@aws-sdk/client-s3';
import type { MessageAttributeValue } from '@aws-sdk/client-sqs';
import { withClaimCheck } from './claim-body.ts';
import type { OutputQueue } from './output-queue.ts';

/** SNS takes at most 256 KiB per message (attributes included), a quarter of SQS's limit. */
export const TOPIC_INLINE_LIMIT = 256 * 1024 - 16 * 1024;

/**
 * The fields of SNS's Publish request the pipeline uses, in the SDK's own
 * shape (`PublishCommandInput` of @aws-sdk/client-sns), so the sender can be
 * `(input) => sns.send(new PublishCommand(input))`. The SNS client is kept
 * behind this function because it is not yet a declared dependency.
 */
export interface TopicPublishInput {
  readonly TopicArn: string;
  readonly Message: string;
  readonly MessageAttributes: Record<string, MessageAttributeValue>;
  readonly MessageGroupId?: string;
  readonly MessageDeduplicationId?: string;
}
export type TopicSender = (input: TopicPublishInput) => Promise<unknown>;

export interface TopicOutputOptions {
  readonly send: TopicSender;
  readonly s3: S3Client;
  readonly topicArn: string;
  /** A FIFO topic (name ending `.fifo`) keeps per-story order for FIFO subscriber queues. */
  readonly fifo: boolean;
  readonly claimBucket: string;
}

/**
 * Fan-out: publishes to an SNS topic that several consumer queues subscribe to,
 * each with a filter policy on the message attributes. Subscriptions must use
 * raw message delivery so every queue sees exactly what the output queue
 * would carry: the ninjs body (or claim check) and the same attributes.
 */
export function createTopicOutput(options: TopicOutputOptions): OutputQueue {
  const { send, s3, topicArn, fifo, claimBucket } = options;
  return {
    async publish(messages) {
      await Promise.all(
        messages.map(async (message) => {
          const sendable = await withClaimCheck(message, {
            s3,
            bucket: claimBucket,
            inlineLimit: TOPIC_INLINE_LIMIT,
          });
          await send({
            TopicArn: topicArn,
            Message: sendable.body,
            MessageAttributes: sendable.attributes,
            ...(fifo
              ? { MessageGroupId: message.groupId, MessageDeduplicationId: message.deduplicationId }
              : {}),
          });
        }),
      );
    },
  };
}
