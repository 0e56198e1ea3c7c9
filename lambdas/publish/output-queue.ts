import type { S3Client } from '@aws-sdk/client-s3';
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { storeClaim } from '../shared/claim-check.ts';
import type { OutputMessage } from './message.ts';

/** SQS's limit is 1 MiB for body and attributes together; keep room for the attributes. */
export const OUTPUT_INLINE_LIMIT = 1024 * 1024 - 16 * 1024;

export interface OutputQueue {
  publish(message: OutputMessage): Promise<void>;
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
    async publish(message) {
      let body = message.body;
      const attributes = { ...message.attributes };
      if (Buffer.byteLength(body) > OUTPUT_INLINE_LIMIT) {
        body = JSON.stringify(await storeClaim(s3, claimBucket, 'published/claims/', body));
        attributes.claimCheck = { DataType: 'String', StringValue: 'true' };
      }
      await sqs.send(
        new SendMessageCommand({
          QueueUrl: queueUrl,
          MessageBody: body,
          MessageAttributes: attributes,
          ...(fifo
            ? { MessageGroupId: message.groupId, MessageDeduplicationId: message.deduplicationId }
            : {}),
        }),
      );
    },
  };
}
