import type { S3Client } from '@aws-sdk/client-s3';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { sendInBatches } from '../shared/sqs-batches.ts';
import { withClaimCheck } from './claim-body.ts';
import type { OutputMessage } from './message.ts';

/** SQS's limit is 1 MiB for body and attributes together; keep room for the attributes. */
export const OUTPUT_INLINE_LIMIT = 1024 * 1024 - 16 * 1024;

/** Where published messages go: the output queue, or an SNS topic for fan-out (topic-output.ts). */
export interface OutputQueue {
  /** Publishes the messages; resolves once every one was accepted, rejects if any was not. */
  publish(messages: readonly OutputMessage[]): Promise<void>;
}

export interface OutputQueueOptions {
  readonly sqs: SQSClient;
  readonly s3: S3Client;
  readonly queueUrl: string;
  readonly fifo: boolean;
  /** Where oversized bodies are stored (claim check). */
  readonly claimBucket: string;
}

export function createOutputQueue(options: OutputQueueOptions): OutputQueue {
  const { sqs, s3, queueUrl, fifo, claimBucket } = options;
  return {
    async publish(messages) {
      const entries = await Promise.all(
        messages.map(async (message) => {
          const sendable = await withClaimCheck(message, {
            s3,
            bucket: claimBucket,
            inlineLimit: OUTPUT_INLINE_LIMIT,
          });
          return {
            MessageBody: sendable.body,
            MessageAttributes: sendable.attributes,
            // On FIFO, SQS drops a second send with the same deduplication id within five minutes:
            // a publish stage redelivered after sending (e.g. it timed out before deleting) cannot double-publish.
            ...(fifo
              ? { MessageGroupId: message.groupId, MessageDeduplicationId: message.deduplicationId }
              : {}),
          };
        }),
      );
      // Batched: one request carries up to ten messages, and SQS bills per request.
      await sendInBatches(sqs, queueUrl, entries);
    },
  };
}
