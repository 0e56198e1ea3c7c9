import { Duration } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

export interface SecureQueueProps {
  /** @default Duration.seconds(30) */
  readonly visibilityTimeout?: Duration;
  /** @default Duration.days(4) for work queues; dead-letter queues pass 14 days. */
  readonly retentionPeriod?: Duration;
  /** Where messages go after `maxReceiveCount` failed receives. @default none (this is a DLQ) */
  readonly deadLetterQueue?: sqs.IQueue;
  /** @default 5 */
  readonly maxReceiveCount?: number;
  /** FIFO queue; the construct adds the `.fifo` suffix CloudFormation needs. @default false */
  readonly fifo?: boolean;
}

/** How long a dead letter waits for an operator: SQS's maximum. */
export const DEAD_LETTER_RETENTION = Duration.days(14);

/**
 * Every queue in the pipeline: encrypted at rest with SQS-managed keys (no KMS
 * key to pay for or grant, and S3 and SNS can deliver to it) and a policy
 * refusing any request not made over TLS.
 */
export function createSecureQueue(scope: Construct, id: string, props: SecureQueueProps = {}): sqs.Queue {
  return new sqs.Queue(scope, id, {
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    visibilityTimeout: props.visibilityTimeout ?? Duration.seconds(30),
    retentionPeriod: props.retentionPeriod ?? Duration.days(4),
    ...(props.fifo ? { fifo: true } : {}),
    ...(props.deadLetterQueue
      ? { deadLetterQueue: { queue: props.deadLetterQueue, maxReceiveCount: props.maxReceiveCount ?? 5 } }
      : {}),
  });
}
