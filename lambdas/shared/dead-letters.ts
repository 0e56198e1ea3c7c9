import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';
import type { PipelineError } from './errors.ts';

/**
 * Sends a record that failed permanently to the stage's dead-letter queue,
 * unchanged, with the reason as message attributes so an operator (or
 * `syndicate redrive`) can see why without parsing anything.
 */
export interface DeadLetterSink {
  send(record: SQSRecord, error: PipelineError): Promise<void>;
  /**
   * The redrive policy's maxReceiveCount of the queue this DLQ serves: on a
   * record's last receive the stage sends what would otherwise be redriven
   * silently (a record out of time) here itself, with its reason.
   * @default DEFAULT_MAX_RECEIVE_COUNT
   */
  readonly maxReceiveCount?: number;
}

/** The stage queues' redrive limit (lib/constructs/pipeline-stage.ts deploys it). */
export const DEFAULT_MAX_RECEIVE_COUNT = 5;

const MAX_REASON = 1000;

export function createDeadLetterSink(
  sqs: SQSClient,
  queueUrl: string,
  stage: string,
  maxReceiveCount = DEFAULT_MAX_RECEIVE_COUNT,
): DeadLetterSink {
  return {
    maxReceiveCount,
    async send(record, error) {
      await sqs.send(
        new SendMessageCommand({
          QueueUrl: queueUrl,
          MessageBody: record.body,
          MessageAttributes: {
            'syndicate.stage': { DataType: 'String', StringValue: stage },
            'syndicate.error.code': { DataType: 'String', StringValue: error.code },
            'syndicate.error.reason': { DataType: 'String', StringValue: error.message.slice(0, MAX_REASON) },
            'syndicate.source.messageId': { DataType: 'String', StringValue: record.messageId },
          },
        }),
      );
    },
  };
}
