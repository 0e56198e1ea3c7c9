import { existsSync } from 'node:fs';
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { handlerEntry, releaseHandlerEntry } from './bundling.ts';
import { DedupeIndex } from './constructs/dedupe-index.ts';
import { FeedPoller } from './constructs/feed-poller.ts';
import { Observability } from './constructs/observability.ts';
import { OutletSecrets } from './constructs/outlet-secrets.ts';
import { OutputChannel } from './constructs/output-channel.ts';
import { PipelineStage } from './constructs/pipeline-stage.ts';
import { PushEndpoint } from './constructs/push-endpoint.ts';
import { ARCHIVE_PREFIXES, RawArchive } from './constructs/raw-archive.ts';
import type { SyndicationSettings } from './settings.ts';
import { STAGE_TIMEOUT_SECONDS } from './stage-limits.ts';
import { subscriberFilter } from './subscriber-filter.ts';

/** Room left for the outlet registry in a 4 KB Lambda environment after the other variables. */
export const OUTLETS_ENV_LIMIT = 3 * 1024;

export interface SyndicationStackProps extends StackProps {
  readonly settings: SyndicationSettings;
  /** Deploy the push endpoint. @default true when lambdas/ingest/handler.ts exists */
  readonly pushEndpoint?: boolean;
  /** Deploy the feed poller. @default true when lambdas/poller/handler.ts exists */
  readonly feedPoller?: boolean;
}

/**
 * The whole pipeline in one stack: raw archive → (S3 notification) →
 * normalize → dedupe → tag → publish → output, each stage with its own queue
 * and DLQ, the dedupe index, the push endpoint and poller when their handlers
 * exist, and alarms plus a dashboard over all of it.
 */
export class SyndicationStack extends Stack {
  readonly archive: RawArchive;
  readonly index: DedupeIndex;
  readonly output: OutputChannel;
  readonly stages: Record<'normalize' | 'dedupe' | 'tag' | 'publish', PipelineStage>;
  /** Releases embargoed items: its queue is the held queue (timers), and the sweep schedule invokes it. */
  readonly release: PipelineStage;
  readonly sweep: events.Rule;
  readonly push: PushEndpoint | undefined;
  readonly poller: FeedPoller | undefined;
  readonly observability: Observability;

  constructor(scope: Construct, id: string, props: SyndicationStackProps) {
    super(scope, id, props);
    const { settings } = props;
    const outletsJson = JSON.stringify(settings.outlets);
    // Lambda caps a function's whole environment at 4 KB; fail the synth, not the deploy.
    if (Buffer.byteLength(outletsJson) > OUTLETS_ENV_LIMIT) {
      throw new Error(
        `syndicate:outlets is ${Buffer.byteLength(outletsJson)} bytes as JSON; Lambda environments hold 4 KB in all, so keep it under ${OUTLETS_ENV_LIMIT} (or move the registry to SSM)`,
      );
    }

    this.archive = new RawArchive(this, 'RawArchive', {
      retention: Duration.days(settings.rawRetentionDays),
    });
    this.index = new DedupeIndex(this, 'DedupeIndex');
    this.output = new OutputChannel(this, 'Output', { fifo: settings.fifo, fanout: settings.fanout });
    for (const [name, interest] of Object.entries(settings.subscribers)) {
      this.output.addSubscriber(name, subscriberFilter(interest));
    }

    const bucket = { RAW_BUCKET: this.archive.bucket.bucketName };
    // Embargo timers are delayed messages on the release stage's own queue: standard, encrypted, with a DLQ.
    const release = new PipelineStage(this, 'Release', {
      tracing: settings.tracing,
      stage: 'release',
      timeout: Duration.seconds(STAGE_TIMEOUT_SECONDS.release),
      entry: releaseHandlerEntry(),
      environment: { ...bucket, ...this.output.publisherEnvironment },
    });
    release.function.addEnvironment('HELD_QUEUE_URL', release.queue.queueUrl);
    const publish = new PipelineStage(this, 'Publish', {
      tracing: settings.tracing,
      stage: 'publish',
      timeout: Duration.seconds(STAGE_TIMEOUT_SECONDS.publish),
      entry: handlerEntry('publish'),
      environment: { ...bucket, ...this.output.publisherEnvironment, HELD_QUEUE_URL: release.queue.queueUrl },
    });
    const tag = new PipelineStage(this, 'Tag', {
      tracing: settings.tracing,
      stage: 'tag',
      timeout: Duration.seconds(STAGE_TIMEOUT_SECONDS.tag),
      entry: handlerEntry('tag'),
      next: publish.queue,
      environment: { ...bucket, OUTLETS: outletsJson },
    });
    const dedupe = new PipelineStage(this, 'Dedupe', {
      tracing: settings.tracing,
      stage: 'dedupe',
      timeout: Duration.seconds(STAGE_TIMEOUT_SECONDS.dedupe),
      entry: handlerEntry('dedupe'),
      next: tag.queue,
      // Bounds the read and write rate on the index without reserving account concurrency.
      maxConcurrency: settings.dedupeMaxConcurrency,
      environment: {
        ...bucket,
        INDEX_TABLE: this.index.table.tableName,
        DUPLICATE_POLICY: settings.duplicatePolicy,
        LOOKBACK_DAYS: String(settings.lookbackDays),
      },
    });
    const normalize = new PipelineStage(this, 'Normalize', {
      tracing: settings.tracing,
      stage: 'normalize',
      timeout: Duration.seconds(STAGE_TIMEOUT_SECONDS.normalize),
      entry: handlerEntry('normalize'),
      next: dedupe.queue,
      // Parsing, sanitizing and language detection are CPU-bound; on Lambda CPU comes with memory.
      memorySize: 1024,
      environment: bucket,
    });
    this.stages = { normalize, dedupe, tag, publish };
    this.release = release;
    // The backstop for a lost timer: what is due is released within this long of its time.
    this.sweep = new events.Rule(this, 'HeldSweep', {
      description: 'Syndication: release embargoed items that are due',
      schedule: events.Schedule.rate(Duration.minutes(5)),
      targets: [new targets.LambdaFunction(release.function, { retryAttempts: 0 })],
    });

    const { incoming, reports, workClaims, publishedClaims } = ARCHIVE_PREFIXES;
    this.archive.notifyArrivals(normalize.queue);
    this.archive.grantReadObjects(normalize.function, incoming);
    this.archive.grantWriteObjects(normalize.function, reports);
    this.archive.grantWriteObjects(normalize.function, workClaims);
    this.archive.grantReadObjects(dedupe.function, workClaims);
    this.archive.grantWriteObjects(dedupe.function, workClaims);
    this.archive.grantWriteObjects(dedupe.function, reports);
    this.index.grantDedupe(dedupe.function);
    this.archive.grantReadObjects(tag.function, workClaims);
    this.archive.grantWriteObjects(tag.function, workClaims);
    // The words behind each item's tags, beside the raw document (syndicate explain).
    this.archive.grantWriteObjects(tag.function, reports);
    this.archive.grantReadObjects(publish.function, workClaims);
    this.archive.grantWriteObjects(publish.function, publishedClaims);
    this.output.grantPublish(publish.function);
    const { held } = ARCHIVE_PREFIXES;
    this.archive.grantWriteObjects(publish.function, held);
    this.archive.grantDeleteObjects(publish.function, held);
    this.archive.grantListPrefix(publish.function, held);
    release.queue.grantSendMessages(publish.function);
    this.archive.grantReadObjects(release.function, held);
    this.archive.grantDeleteObjects(release.function, held);
    this.archive.grantListPrefix(release.function, held);
    this.archive.grantWriteObjects(release.function, publishedClaims);
    // Re-arms a timer towards an embargo longer than SQS's 900 s delay.
    release.queue.grantSendMessages(release.function);
    this.output.grantPublish(release.function);

    if (props.pushEndpoint ?? existsSync(handlerEntry('ingest'))) {
      const secrets = new OutletSecrets(this, 'OutletSecrets', {
        ...(settings.outletSecretsArn ? { existingSecretArn: settings.outletSecretsArn } : {}),
      });
      this.push = new PushEndpoint(this, 'PushEndpoint', {
        tracing: settings.tracing,
        entry: handlerEntry('ingest'),
        archive: this.archive,
        index: this.index,
        secrets: secrets.secret,
        outletsJson,
      });
    }
    if (props.feedPoller ?? existsSync(handlerEntry('poller'))) {
      this.poller = new FeedPoller(this, 'FeedPoller', {
        tracing: settings.tracing,
        entry: handlerEntry('poller'),
        archive: this.archive,
        index: this.index,
        outletsJson,
      });
    }

    this.observability = new Observability(this, 'Observability', {
      ...(settings.alarmEmail ? { alarmEmail: settings.alarmEmail } : {}),
    });
    this.#monitorAndExport();
  }

  #monitorAndExport(): void {
    const o = this.observability;
    const dlqs: [string, sqs.IQueue][] = [];
    for (const [name, stage] of Object.entries(this.stages)) {
      const title = name[0]?.toUpperCase() + name.slice(1);
      o.monitorStageQueue(title, stage.queue);
      o.monitorFunction(title, stage.function);
      dlqs.push([title, stage.deadLetterQueue]);
    }
    dlqs.push(['Output', this.output.deadLetterQueue]);
    // No oldest-message alarm on the held queue: its timers wait there by design, up to 900 s each.
    o.monitorFunction('Release', this.release.function);
    dlqs.push(['Release', this.release.deadLetterQueue]);
    for (const [name, subscriber] of this.output.subscribers) dlqs.push([name, subscriber.deadLetterQueue]);
    if (this.push) {
      o.monitorFunction('Ingest', this.push.function);
      o.monitorHttpApi('PushEndpoint', this.push.api);
      new CfnOutput(this, 'PushEndpointUrl', { value: this.push.url, description: 'Outlets POST here' });
    }
    if (this.poller) {
      o.monitorFunction('Poller', this.poller.function);
      dlqs.push(['Poller', this.poller.deadLetterQueue]);
    }
    for (const [name, queue] of dlqs) {
      o.monitorDeadLetterQueue(name, queue);
      new CfnOutput(this, `${name}DeadLetterQueueUrl`, { value: queue.queueUrl });
    }

    new CfnOutput(this, 'OutputQueueUrl', { value: this.output.queue.queueUrl });
    new CfnOutput(this, 'OutputQueueArn', { value: this.output.queue.queueArn });
    if (this.output.topic) new CfnOutput(this, 'OutputTopicArn', { value: this.output.topic.topicArn });
    for (const [name, subscriber] of this.output.subscribers) {
      new CfnOutput(this, `${name}QueueUrl`, { value: subscriber.queue.queueUrl });
    }
    new CfnOutput(this, 'RawBucketName', { value: this.archive.bucket.bucketName });
    new CfnOutput(this, 'IndexTableName', { value: this.index.table.tableName });
    new CfnOutput(this, 'DashboardName', { value: this.observability.dashboard.dashboardName });
  }
}
