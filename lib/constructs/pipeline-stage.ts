import { Duration } from 'aws-cdk-lib';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DEFAULT_MAX_RECEIVE_COUNT } from '../../lambdas/shared/dead-letters.ts';
import { PipelineFunction } from './pipeline-function.ts';
import { createSecureQueue, DEAD_LETTER_RETENTION } from './secure-queue.ts';

export interface PipelineStageProps {
  /** Short stage name (normalize, dedupe, …). */
  readonly stage: string;
  /** Absolute path of the stage's handler. */
  readonly entry: string;
  /**
   * The queue this stage sends its results to: sets NEXT_QUEUE_URL and grants
   * SendMessage. Omit it when the destination grants its own access (the output).
   * @default none
   */
  readonly next?: sqs.IQueue;
  /** Stage configuration beyond NEXT_QUEUE_URL and DLQ_URL, which the construct sets. */
  readonly environment?: Record<string, string>;
  /** @default Duration.seconds(30) */
  readonly timeout?: Duration;
  /** @default 512 */
  readonly memorySize?: number;
  /** @default 10 */
  readonly batchSize?: number;
  /** @default none: Lambda invokes as soon as a batch is available */
  readonly maxBatchingWindow?: Duration;
  /**
   * Most concurrent invocations the SQS poller starts (2–1000). Unlike reserved
   * concurrency it neither takes from the account pool nor throttles
   * (throttled receives would count toward the redrive limit).
   * @default none: Lambda scales with the queue
   */
  readonly maxConcurrency?: number;
  /** Receives before a message is moved to the DLQ by SQS. @default 5 */
  readonly maxReceiveCount?: number;
  /** @default logs.RetentionDays.ONE_MONTH */
  readonly logRetention?: logs.RetentionDays;
  /** X-Ray active tracing. @default true */
  readonly tracing?: boolean;
}

/**
 * One SQS-fed stage: input queue → Lambda (partial batch failures reported) →
 * next queue, with a dead-letter queue that catches both what SQS redrives
 * after `maxReceiveCount` receives and what the handler rejects permanently
 * (sent there explicitly, with a reason). The input queue's visibility timeout
 * is six times the function timeout plus the batching window, so a slow
 * batch is never delivered twice while still running.
 */
export class PipelineStage extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly function: NodejsFunction;
  readonly pipelineFunction: PipelineFunction;

  constructor(scope: Construct, id: string, props: PipelineStageProps) {
    super(scope, id);
    const timeout = props.timeout ?? Duration.seconds(30);
    const window = props.maxBatchingWindow ?? Duration.seconds(0);

    this.deadLetterQueue = createSecureQueue(this, 'DeadLetterQueue', {
      retentionPeriod: DEAD_LETTER_RETENTION,
    });
    const maxReceiveCount = props.maxReceiveCount ?? DEFAULT_MAX_RECEIVE_COUNT;
    this.queue = createSecureQueue(this, 'Queue', {
      visibilityTimeout: Duration.seconds(timeout.toSeconds() * 6 + window.toSeconds()),
      deadLetterQueue: this.deadLetterQueue,
      maxReceiveCount,
    });

    this.pipelineFunction = new PipelineFunction(this, 'Handler', {
      ...(props.tracing !== undefined ? { tracing: props.tracing } : {}),
      entry: props.entry,
      stage: props.stage,
      timeout,
      ...(props.memorySize !== undefined ? { memorySize: props.memorySize } : {}),
      ...(props.logRetention !== undefined ? { logRetention: props.logRetention } : {}),
      environment: {
        ...props.environment,
        ...(props.next ? { NEXT_QUEUE_URL: props.next.queueUrl } : {}),
        DLQ_URL: this.deadLetterQueue.queueUrl,
        // The handler dead-letters a record out of time on its last receive itself, with the reason.
        MAX_RECEIVE_COUNT: String(maxReceiveCount),
      },
    });
    this.function = this.pipelineFunction.function;

    this.function.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: props.batchSize ?? 10,
        reportBatchItemFailures: true,
        ...(props.maxBatchingWindow ? { maxBatchingWindow: props.maxBatchingWindow } : {}),
        ...(props.maxConcurrency !== undefined ? { maxConcurrency: props.maxConcurrency } : {}),
      }),
    );
    props.next?.grantSendMessages(this.function);
    this.deadLetterQueue.grantSendMessages(this.function);
  }
}
