import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge } from '../nag.ts';
import type { DedupeIndex } from './dedupe-index.ts';
import { PipelineFunction } from './pipeline-function.ts';
import { ARCHIVE_PREFIXES, type RawArchive } from './raw-archive.ts';
import { createSecureQueue, DEAD_LETTER_RETENTION } from './secure-queue.ts';

export interface FeedPollerProps {
  /** Absolute path of the poller handler. */
  readonly entry: string;
  readonly archive: RawArchive;
  readonly index: DedupeIndex;
  /** Outlet registry JSON (OUTLETS); each outlet's `feeds` are fetched. @default '[]' */
  readonly outletsJson?: string;
  /** @default events.Schedule.rate(Duration.minutes(15)) */
  readonly schedule?: events.Schedule;
  /** Per-feed fetch timeout. @default 10_000 ms */
  readonly fetchTimeoutMs?: number;
  /** Largest feed stored, in bytes. @default 5_242_880 */
  readonly maxBodyBytes?: number;
  /** @default Duration.minutes(2) */
  readonly timeout?: Duration;
  /** @default logs.RetentionDays.ONE_MONTH */
  readonly logRetention?: logs.RetentionDays;
  /** X-Ray active tracing. @default true */
  readonly tracing?: boolean;
}

/**
 * Fetches the outlets' feeds on a schedule and stores what changed under
 * `incoming/`, where the S3 notification takes over. Failed runs are not
 * retried (the next tick is the retry); events EventBridge cannot deliver go
 * to a dead-letter queue.
 */
export class FeedPoller extends Construct {
  readonly function: NodejsFunction;
  readonly rule: events.Rule;
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: FeedPollerProps) {
    super(scope, id);
    const handler = new PipelineFunction(this, 'Handler', {
      ...(props.tracing !== undefined ? { tracing: props.tracing } : {}),
      entry: props.entry,
      stage: 'poller',
      timeout: props.timeout ?? Duration.minutes(2),
      ...(props.logRetention !== undefined ? { logRetention: props.logRetention } : {}),
      environment: {
        RAW_BUCKET: props.archive.bucket.bucketName,
        INDEX_TABLE: props.index.table.tableName,
        OUTLETS: props.outletsJson ?? '[]',
        FETCH_TIMEOUT_MS: String(props.fetchTimeoutMs ?? 10_000),
        MAX_BODY_BYTES: String(props.maxBodyBytes ?? 5_242_880),
      },
    });
    this.function = handler.function;
    // A failed poll is not retried: the next tick fetches the same feeds anyway.
    this.function.configureAsyncInvoke({ retryAttempts: 0, maxEventAge: Duration.minutes(5) });
    props.archive.grantWriteObjects(this.function, ARCHIVE_PREFIXES.incoming);
    props.index.grantPollerState(this.function);

    this.deadLetterQueue = createSecureQueue(this, 'DeadLetterQueue', {
      retentionPeriod: DEAD_LETTER_RETENTION,
    });
    acknowledge(
      this.deadLetterQueue,
      'AwsSolutions-SQS3',
      "This queue is the dead-letter queue of the schedule's Lambda target (the rule target's DeadLetterConfig), which cdk-nag only recognises in an SQS redrive policy.",
    );
    this.rule = new events.Rule(this, 'Schedule', {
      description: 'Syndication: poll outlet feeds',
      schedule: props.schedule ?? events.Schedule.rate(Duration.minutes(15)),
      targets: [
        new targets.LambdaFunction(this.function, {
          deadLetterQueue: this.deadLetterQueue,
          retryAttempts: 2,
        }),
      ],
    });
  }
}
