import type { Message } from '@aws-sdk/client-sqs';

/**
 * A received message that breaks the queue contract (bad attributes, body not
 * ninjs, unsupported contract version, claim check that does not resolve).
 * It carries the raw SQS message; the message is not deleted, so it returns
 * after its visibility timeout and the queue's redrive policy parks it.
 */
export class ContractViolationError extends Error {
  override readonly name = 'ContractViolationError';
  constructor(
    message: string,
    readonly sqsMessage: Message,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** SQS refused to delete (or change the visibility of) some messages; they will be delivered again. */
export class QueueOperationError extends Error {
  override readonly name = 'QueueOperationError';
  constructor(
    message: string,
    readonly failedMessageIds: readonly string[],
  ) {
    super(message);
  }
}
