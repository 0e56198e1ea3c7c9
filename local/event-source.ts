import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

/**
 * What a Lambda SQS event source mapping does on AWS, for the local mode:
 * long-poll the queue, hand batches of up to ten records to the handler in
 * Lambda's event shape, delete the records that succeeded, and leave the
 * reported failures to reappear after the visibility timeout (and reach the
 * DLQ through the queue's redrive policy). A handler that throws fails the
 * whole batch, as on AWS.
 */
export interface EventSourceOptions {
  readonly sqs: SQSClient;
  readonly queueUrl: string;
  readonly queueArn: string;
  readonly handler: (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | undefined>;
  /**
   * The function's configured timeout: each invocation's context reports the
   * time left of it (getRemainingTimeInMillis), so the handler keeps the
   * deadline it keeps on Lambda. The runner does not kill a late handler.
   */
  readonly timeoutMs: number;
  /** Names the function in the context. @default the queue's ARN */
  readonly functionName?: string;
  readonly batchSize?: number;
  readonly waitSeconds?: number;
  readonly region?: string;
  readonly onError?: (error: unknown) => void;
  /**
   * The queue's visibility timeout. While a batch is being handled its messages
   * are kept invisible by extending it, as on AWS a function's timeout is kept
   * below the queue's visibility timeout: a slow handler must not see its own
   * messages handed to a second one. Failures still reappear one timeout later.
   */
  readonly visibilityTimeoutSeconds?: number;
}

export class SqsEventSource {
  #running = false;
  #busy = false;
  #loop: Promise<void> | undefined;
  #invocations = 0;
  readonly #options: EventSourceOptions;

  constructor(options: EventSourceOptions) {
    this.#options = options;
  }

  /** True while a batch is being received or handled. */
  get busy(): boolean {
    return this.#busy;
  }

  get invocations(): number {
    return this.#invocations;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#loop = this.#run();
  }

  async stop(): Promise<void> {
    this.#running = false;
    await this.#loop;
  }

  async #run(): Promise<void> {
    while (this.#running) {
      try {
        await this.pollOnce();
      } catch (error) {
        this.#options.onError?.(error);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }

  /** One receive-handle-delete cycle; returns how many records were handled. */
  async pollOnce(): Promise<number> {
    const { sqs, queueUrl } = this.#options;
    try {
      const received = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: queueUrl,
          MaxNumberOfMessages: this.#options.batchSize ?? 10,
          WaitTimeSeconds: this.#options.waitSeconds ?? 1,
          MessageSystemAttributeNames: ['All'],
          MessageAttributeNames: ['All'],
        }),
      );
      const messages = received.Messages ?? [];
      if (messages.length === 0) return 0;
      this.#busy = true;
      const event: SQSEvent = { Records: messages.map((m) => this.#toRecord(m)) };
      this.#invocations++;
      let failed = new Set(messages.map((m) => m.MessageId));
      const stopHeartbeat = this.#keepInvisible(messages);
      try {
        const response = await this.#options.handler(event, this.#context());
        failed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
      } catch (error) {
        this.#options.onError?.(error);
      } finally {
        stopHeartbeat();
      }
      const done = messages.filter((m) => !failed.has(m.MessageId));
      if (done.length > 0) {
        const result = await sqs.send(
          new DeleteMessageBatchCommand({
            QueueUrl: queueUrl,
            Entries: done.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle })),
          }),
        );
        if (result.Failed && result.Failed.length > 0) {
          // Not deleted means redelivered: the stages are idempotent, so this costs work, not correctness.
          this.#options.onError?.(new Error(`could not delete ${result.Failed.length} handled message(s)`));
        }
      }
      return messages.length;
    } finally {
      this.#busy = false;
    }
  }

  /** A Lambda context for one invocation, its clock starting now. */
  #context(): Context {
    const endsAt = Date.now() + this.#options.timeoutMs;
    const functionName = this.#options.functionName ?? this.#options.queueArn.split(':').pop() ?? 'local';
    const unsupported = () => {
      throw new Error('the local runner supports async handlers only');
    };
    return {
      callbackWaitsForEmptyEventLoop: false,
      functionName,
      functionVersion: '$LATEST',
      invokedFunctionArn: `arn:aws:lambda:${this.#options.region ?? 'us-east-1'}:000000000000:function:${functionName}`,
      memoryLimitInMB: '512',
      awsRequestId: `local-${this.#invocations}`,
      logGroupName: `/aws/lambda/${functionName}`,
      logStreamName: 'local',
      getRemainingTimeInMillis: () => Math.max(0, endsAt - Date.now()),
      done: unsupported,
      fail: unsupported,
      succeed: unsupported,
    };
  }

  #keepInvisible(messages: readonly Message[]): () => void {
    const seconds = this.#options.visibilityTimeoutSeconds;
    if (!seconds) return () => {};
    const timer = setInterval(
      () => {
        this.#options.sqs
          .send(
            new ChangeMessageVisibilityBatchCommand({
              QueueUrl: this.#options.queueUrl,
              Entries: messages.map((m, i) => ({
                Id: String(i),
                ReceiptHandle: m.ReceiptHandle,
                VisibilityTimeout: seconds,
              })),
            }),
          )
          .catch((error: unknown) => this.#options.onError?.(error));
      },
      Math.max(200, (seconds * 1000) / 2),
    );
    return () => clearInterval(timer);
  }

  #toRecord(message: Message): SQSRecord {
    const attrs = message.Attributes ?? {};
    return {
      messageId: message.MessageId ?? '',
      receiptHandle: message.ReceiptHandle ?? '',
      body: message.Body ?? '',
      attributes: {
        ApproximateReceiveCount: attrs.ApproximateReceiveCount ?? '1',
        SentTimestamp: attrs.SentTimestamp ?? String(Date.now()),
        SenderId: attrs.SenderId ?? 'local',
        ApproximateFirstReceiveTimestamp: attrs.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
        ...(attrs.MessageGroupId ? { MessageGroupId: attrs.MessageGroupId } : {}),
        ...(attrs.MessageDeduplicationId ? { MessageDeduplicationId: attrs.MessageDeduplicationId } : {}),
      },
      messageAttributes: Object.fromEntries(
        Object.entries(message.MessageAttributes ?? {}).map(([name, value]) => [
          name,
          {
            dataType: value.DataType ?? 'String',
            ...(value.StringValue !== undefined ? { stringValue: value.StringValue } : {}),
            stringListValues: [],
            binaryListValues: [],
          },
        ]),
      ),
      md5OfBody: message.MD5OfBody ?? '',
      eventSource: 'aws:sqs',
      eventSourceARN: this.#options.queueArn,
      awsRegion: this.#options.region ?? 'us-east-1',
    };
  }
}
