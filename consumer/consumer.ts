import type { S3Client } from '@aws-sdk/client-s3';
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { CONTRACT_VERSION } from '../lambdas/publish/contract.ts';
import { QueueOperationError } from './errors.ts';
import { type Heartbeat, type HeartbeatOptions, startHeartbeat } from './heartbeat.ts';
import { type PublishedMessage, readPublishedMessage } from './published-message.ts';

export interface ConsumerOptions {
  readonly sqs: SQSClient;
  /** Resolves claim checks (bodies over 1 MiB stored in S3); needs s3:GetObject on `published/claims/`. */
  readonly s3?: S3Client;
  readonly queueUrl: string;
  /** Long-poll wait per receive, 0–20 s (default 20). */
  readonly waitSeconds?: number;
  /** Messages per receive, 1–10 (default 10). */
  readonly batchSize?: number;
  /** Stop after yielding this many messages (default: no limit). */
  readonly maxMessages?: number;
  /** Stop after this many receives in a row come back empty (default 1: stop once the queue is drained). */
  readonly maxEmptyReceives?: number;
  /** Visibility timeout for received messages, seconds (default: the queue's). */
  readonly visibilityTimeout?: number;
  /** Validate every body against the ninjs 3.1 schema (default false: the publisher already did). */
  readonly validate?: boolean;
  /** Contract versions this consumer understands (default: the current one). */
  readonly acceptedContractVersions?: readonly string[];
  readonly signal?: AbortSignal;
}

export interface ProcessOptions {
  /** Extend visibility while the handler runs (for handlers slower than the visibility timeout). */
  readonly heartbeat?: HeartbeatOptions;
}

export interface ProcessResult {
  readonly processed: number;
}

const DELETE_BATCH = 10;

/**
 * A typed consumer of the output queue: an async iterator over checked
 * messages, batch delete, and visibility extension. Delivery is at least once:
 * a message not deleted comes back after its visibility timeout, so handlers
 * must be idempotent on `message.idempotencyKey`.
 */
export class QueueConsumer {
  readonly #options: ConsumerOptions;

  constructor(options: ConsumerOptions) {
    const wait = options.waitSeconds ?? 20;
    const batch = options.batchSize ?? 10;
    if (wait < 0 || wait > 20) throw new RangeError('waitSeconds must be 0–20');
    if (batch < 1 || batch > 10) throw new RangeError('batchSize must be 1–10');
    this.#options = options;
  }

  /** Receives until maxMessages, maxEmptyReceives or the abort signal ends it. */
  async *messages(): AsyncGenerator<PublishedMessage> {
    const o = this.#options;
    const maxMessages = o.maxMessages ?? Number.POSITIVE_INFINITY;
    const maxEmpty = o.maxEmptyReceives ?? 1;
    const readOptions = {
      ...(o.s3 ? { s3: o.s3 } : {}),
      validate: o.validate ?? false,
      acceptedContractVersions: o.acceptedContractVersions ?? [CONTRACT_VERSION],
    };
    let yielded = 0;
    let empty = 0;
    while (yielded < maxMessages && empty < maxEmpty && !o.signal?.aborted) {
      const received = await o.sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: o.queueUrl,
          MaxNumberOfMessages: Math.min(o.batchSize ?? 10, maxMessages - yielded),
          WaitTimeSeconds: o.waitSeconds ?? 20,
          MessageAttributeNames: ['All'],
          MessageSystemAttributeNames: ['All'],
          ...(o.visibilityTimeout !== undefined ? { VisibilityTimeout: o.visibilityTimeout } : {}),
        }),
        o.signal ? { abortSignal: o.signal } : {},
      );
      const batch = received.Messages ?? [];
      empty = batch.length === 0 ? empty + 1 : 0;
      for (const message of batch) {
        yield await readPublishedMessage(message, readOptions);
        yielded++;
      }
    }
  }

  /** Deletes in batches of ten; throws QueueOperationError naming any message SQS did not delete. */
  async delete(messages: readonly PublishedMessage[]): Promise<void> {
    const failed: string[] = [];
    for (let start = 0; start < messages.length; start += DELETE_BATCH) {
      const chunk = messages.slice(start, start + DELETE_BATCH);
      const result = await this.#options.sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: this.#options.queueUrl,
          Entries: chunk.map((m, i) => ({ Id: String(i), ReceiptHandle: m.receiptHandle })),
        }),
      );
      for (const failure of result.Failed ?? []) {
        const message = chunk[Number(failure.Id)];
        failed.push(message?.messageId ?? `entry ${failure.Id}`);
      }
    }
    if (failed.length > 0)
      throw new QueueOperationError(
        `SQS did not delete ${failed.length} message(s); they will return`,
        failed,
      );
  }

  /** Hides a message for `seconds` more from now (0 makes it visible again at once). */
  async extendVisibility(message: PublishedMessage, seconds: number): Promise<void> {
    await this.#options.sqs.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: this.#options.queueUrl,
        ReceiptHandle: message.receiptHandle,
        VisibilityTimeout: seconds,
      }),
    );
  }

  /** Extends a message's visibility on a timer until stopped. */
  heartbeat(message: PublishedMessage, options: HeartbeatOptions): Heartbeat {
    return startHeartbeat(this.#options.sqs, this.#options.queueUrl, message.receiptHandle, options);
  }

  /**
   * Runs `handler` on each message and deletes the handled ones in batches.
   * When a handler throws, what was handled so far is deleted, the failed
   * message is left to come back, and the error is rethrown.
   */
  async process(
    handler: (message: PublishedMessage) => Promise<void>,
    options: ProcessOptions = {},
  ): Promise<ProcessResult> {
    let processed = 0;
    let done: PublishedMessage[] = [];
    const errors: unknown[] = [];
    try {
      for await (const message of this.messages()) {
        const beat = options.heartbeat ? this.heartbeat(message, options.heartbeat) : undefined;
        const failures = await failuresOf(handler(message));
        // Stopped only once the handler has finished: the heartbeat covers its whole run.
        failures.push(...(await failuresOf(beat?.stop())));
        rethrow(failures, 'the handler and its heartbeat both failed');
        done.push(message);
        processed++;
        if (done.length === DELETE_BATCH) {
          await this.delete(done);
          done = [];
        }
      }
    } catch (error) {
      errors.push(error);
    }
    if (done.length > 0) errors.push(...(await failuresOf(this.delete(done))));
    rethrow(errors, 'processing and the final delete both failed');
    return { processed };
  }
}

async function failuresOf(work: Promise<void> | undefined): Promise<unknown[]> {
  try {
    await work;
    return [];
  } catch (error) {
    return [error];
  }
}

/** Rethrows the one failure, or all of them together, so none is lost. */
function rethrow(errors: readonly unknown[], summary: string): void {
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, summary);
}
