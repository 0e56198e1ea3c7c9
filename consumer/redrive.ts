import {
  DeleteMessageBatchCommand,
  type Message,
  type MessageAttributeValue,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  type SendMessageBatchRequestEntry,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { sha256Hex } from '../lambdas/shared/hash.ts';

export interface RedriveOptions {
  readonly sqs: SQSClient;
  readonly from: string;
  readonly to: string;
  /** At most this many messages are moved (default: until the dead-letter queue is drained). */
  readonly maxMessages?: number;
  /** Long-poll wait per receive (default 1 s): a dead-letter queue is either drained or not. */
  readonly waitSeconds?: number;
  /** How long received dead letters stay hidden while being moved (default 60 s). */
  readonly visibilityTimeout?: number;
}

export interface RedriveOutcome {
  readonly messageId: string;
  readonly moved: boolean;
  /** Why the message was dead-lettered, when the stage said so. */
  readonly reason?: string;
  /** Why it could not be moved (it stays in the dead-letter queue). */
  readonly error?: string;
}

const BATCH = 10;

/** Keeps the values SQS accepts back: receive adds list fields that send rejects. */
function copyAttributes(message: Message): Record<string, MessageAttributeValue> {
  const copy: Record<string, MessageAttributeValue> = {};
  for (const [name, value] of Object.entries(message.MessageAttributes ?? {})) {
    copy[name] = {
      DataType: value.DataType,
      ...(value.StringValue !== undefined ? { StringValue: value.StringValue } : {}),
      ...(value.BinaryValue !== undefined ? { BinaryValue: value.BinaryValue } : {}),
    };
  }
  return copy;
}

function fifoFields(
  message: Message,
): Pick<SendMessageBatchRequestEntry, 'MessageGroupId' | 'MessageDeduplicationId'> {
  const system = message.Attributes ?? {};
  const group =
    system.MessageGroupId ??
    message.MessageAttributes?.storyId?.StringValue ??
    message.MessageId ??
    'redrive';
  return {
    MessageGroupId: group,
    MessageDeduplicationId: system.MessageDeduplicationId ?? sha256Hex(message.Body ?? ''),
  };
}

/**
 * Moves dead letters back to a queue after a fix: body and message attributes
 * unchanged. A message is deleted from the dead-letter queue only after SQS
 * accepted its copy, so a failure part-way leaves it where it was (at worst
 * sent twice, which every stage and consumer tolerates), never lost.
 */
export async function redrive(options: RedriveOptions): Promise<RedriveOutcome[]> {
  const { sqs, from, to } = options;
  const max = options.maxMessages ?? Number.POSITIVE_INFINITY;
  const fifo = to.endsWith('.fifo');
  const outcomes: RedriveOutcome[] = [];
  while (outcomes.length < max) {
    const received = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: from,
        MaxNumberOfMessages: Math.min(BATCH, max - outcomes.length),
        WaitTimeSeconds: options.waitSeconds ?? 1,
        VisibilityTimeout: options.visibilityTimeout ?? 60,
        MessageAttributeNames: ['All'],
        MessageSystemAttributeNames: ['All'],
      }),
    );
    const messages = received.Messages ?? [];
    if (messages.length === 0) break;
    const sent = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: to,
        Entries: messages.map((m, i) => ({
          Id: String(i),
          MessageBody: m.Body ?? '',
          MessageAttributes: copyAttributes(m),
          ...(fifo ? fifoFields(m) : {}),
        })),
      }),
    );
    const failures = new Map((sent.Failed ?? []).map((f) => [f.Id, `${f.Code}: ${f.Message ?? ''}`]));
    const moved = messages.filter((_, i) => !failures.has(String(i)));
    if (moved.length > 0) {
      const deleted = await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: from,
          Entries: moved.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle })),
        }),
      );
      if (deleted.Failed && deleted.Failed.length > 0)
        throw new Error(
          `sent but could not delete ${deleted.Failed.length} dead letter(s); they will be sent again`,
        );
    }
    for (const [i, m] of messages.entries()) {
      const reason = m.MessageAttributes?.['syndicate.error.reason']?.StringValue;
      const error = failures.get(String(i));
      outcomes.push({
        messageId: m.MessageId ?? '',
        moved: error === undefined,
        ...(reason ? { reason } : {}),
        ...(error ? { error } : {}),
      });
    }
    // A batch that failed entirely would be received again at once: stop rather than spin.
    if (moved.length === 0) break;
  }
  return outcomes;
}
