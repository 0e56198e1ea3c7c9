import { createHash } from 'node:crypto';
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
} from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { bootstrapDedupe } from '../lambdas/dedupe/bootstrap.ts';
import { DynamoDecisionLedger, type ItemDecision } from '../lambdas/dedupe/decision-reports.ts';
import { bootstrapNormalize } from '../lambdas/normalize/bootstrap.ts';
import { bootstrapPublish } from '../lambdas/publish/bootstrap.ts';
import { publishConfigSchema, releaseConfigSchema } from '../lambdas/publish/config.ts';
import { createS3HeldStore } from '../lambdas/publish/held-store.ts';
import { SWEEP_LIMIT, type SweepSummary } from '../lambdas/publish/release.ts';
import { bootstrapRelease, type ReleaseFunction } from '../lambdas/publish/release-bootstrap.ts';
import { resolveBody } from '../lambdas/shared/claim-check.ts';
import { type AwsClients, createAwsClients } from '../lambdas/shared/clients.ts';
import { type DuplicatePolicy, dedupeConfigSchema, stageConfigSchema } from '../lambdas/shared/config.ts';
import { sha256Hex } from '../lambdas/shared/hash.ts';
import { manifestKey, rawDocumentKey } from '../lambdas/shared/keys.ts';
import { createLogger } from '../lambdas/shared/logger.ts';
import { CountingMetrics } from '../lambdas/shared/metrics.ts';
import { OutletRegistry } from '../lambdas/shared/outlets.ts';
import type { DocumentManifest } from '../lambdas/shared/reports.ts';
import { bootstrapTag } from '../lambdas/tag/bootstrap.ts';
import { STAGE_TIMEOUT_SECONDS } from '../lib/stage-limits.ts';
import { EMULATOR_CREDENTIALS, type Emulators, startEmulators } from './emulators.ts';
import { SqsEventSource } from './event-source.ts';
import { LOCAL_MAX_RECEIVE_COUNT, type LocalResources, provision, STAGES, type Stage } from './provision.ts';
import { S3NotificationBridge } from './s3-notifications.ts';

export interface LocalPipelineOptions {
  /** Where the raw archive and the index of earlier reports persist between runs. */
  readonly stateDir: string;
  readonly duplicatePolicy?: DuplicatePolicy;
  readonly lookbackDays?: number;
  readonly outlets?: OutletRegistry;
  readonly fifoOutput?: boolean;
  /** Powertools log level for the stages; WARN and above go to stderr, so stdout stays clean. */
  readonly logLevel?: string;
  readonly visibilityTimeout?: number;
  readonly maxReceiveCount?: number;
  /** Event sources polling each stage queue at once, as Lambda scales out (default 2). */
  readonly concurrency?: number;
  /** Wraps each stage's handler, e.g. to inject faults in tests. */
  readonly wrapHandler?: (stage: Stage, handler: StageHandler) => StageHandler;
  /** The clients a stage is wired with, e.g. to make one dependency slow in tests. */
  readonly wrapClients?: (stage: Stage, clients: AwsClients) => AwsClients;
  /**
   * Each function's timeout, which its invocations' contexts report. Defaults to
   * the deployed ones (lib/stage-limits.ts); tests shorten them.
   */
  readonly functionTimeoutMs?: Partial<Record<Stage, number>>;
  /** The clock embargoes are decided by (publish and release); tests set it. @default the system's */
  readonly now?: () => Date;
}

/** One write of a raw document: its content address and the arrival S3 reported for it. */
export interface Arrival {
  readonly documentId: string;
  readonly key: string;
  readonly ingestionId: string;
}

/** An item held under embargo, and the arrival it came in. */
export interface HeldItem {
  readonly key: string;
  readonly uri: string;
  readonly version: number;
  readonly until: string;
  readonly ingestionId: string;
  readonly index: number;
}

export type StageHandler = (event: SQSEvent, context?: Context) => Promise<SQSBatchResponse | undefined>;

export interface DeadLetter {
  readonly stage: Stage | 'output' | 'release';
  readonly body: string;
  readonly code?: string;
  readonly reason: string;
}

const REGION = 'us-east-1';
// Long enough that a CPU-bound batch (which also delays the heartbeat) is not handed to a second poller.
const DEFAULT_VISIBILITY_TIMEOUT = 5;

/**
 * The whole pipeline on this machine: emulators, the resources the CDK stack
 * would create, S3 notifications, and one event source per stage driving the
 * very handlers that run on Lambda, over real HTTP with the real SDK clients.
 */
export class LocalPipeline {
  readonly #writes = new Map<string, Promise<void>>();

  private constructor(
    readonly emulators: Emulators,
    readonly clients: AwsClients,
    readonly resources: LocalResources,
    readonly bridge: S3NotificationBridge,
    readonly sources: ReadonlyMap<Stage, readonly SqsEventSource[]>,
    readonly errors: unknown[],
    /** What each stage counted, as CloudWatch would on AWS. */
    readonly metrics: ReadonlyMap<Stage, CountingMetrics>,
    /** The release of held (embargoed) items: its handler on the held queue, and the sweep. */
    readonly release: { readonly fn: ReleaseFunction; readonly sources: readonly SqsEventSource[] },
  ) {}

  static async start(options: LocalPipelineOptions): Promise<LocalPipeline> {
    const emulators = await startEmulators(options.stateDir);
    try {
      const aws = { region: REGION, endpoints: emulators.endpoints };
      const clients = createAwsClients(aws, { credentials: EMULATOR_CREDENTIALS });
      const resources = await provision(clients, {
        ...(options.fifoOutput !== undefined ? { fifoOutput: options.fifoOutput } : {}),
        visibilityTimeout: options.visibilityTimeout ?? DEFAULT_VISIBILITY_TIMEOUT,
        ...(options.maxReceiveCount !== undefined ? { maxReceiveCount: options.maxReceiveCount } : {}),
      });
      const next: Record<Stage, string> = {
        normalize: resources.stages.dedupe.url,
        dedupe: resources.stages.tag.url,
        tag: resources.stages.publish.url,
        publish: resources.output.url,
      };
      const stageConfig = (stage: Stage) =>
        stageConfigSchema.parse({
          aws,
          rawBucket: resources.bucket,
          nextQueueUrl: next[stage],
          deadLetterQueueUrl: resources.stages[stage].dlqUrl,
          maxReceiveCount: options.maxReceiveCount ?? LOCAL_MAX_RECEIVE_COUNT,
        });
      const logLevel = options.logLevel ?? 'WARN';
      const metrics = new Map(STAGES.map((stage) => [stage, new CountingMetrics()] as const));
      const observe = (stage: Stage) => ({
        clients: options.wrapClients ? options.wrapClients(stage, clients) : clients,
        logger: createLogger(stage, logLevel),
        metrics: metrics.get(stage) as CountingMetrics,
      });
      const handlers: Record<Stage, StageHandler> = {
        normalize: bootstrapNormalize(stageConfig('normalize'), observe('normalize')),
        dedupe: bootstrapDedupe(
          dedupeConfigSchema.parse({
            ...stageConfig('dedupe'),
            indexTable: resources.table,
            duplicatePolicy: options.duplicatePolicy ?? 'drop',
            lookbackDays: options.lookbackDays ?? 30,
          }),
          observe('dedupe'),
        ),
        tag: bootstrapTag(stageConfig('tag'), {
          ...observe('tag'),
          outlets: options.outlets ?? new OutletRegistry(),
        }),
        publish: bootstrapPublish(
          publishConfigSchema.parse({ ...stageConfig('publish'), heldQueueUrl: resources.held.url }),
          { ...observe('publish'), ...(options.now ? { now: options.now } : {}) },
        ),
      };
      // As on AWS: the publish stage's output, its own queue (timers) and DLQ, the same clock as publish.
      const release = bootstrapRelease(
        releaseConfigSchema.parse({
          ...stageConfig('publish'),
          deadLetterQueueUrl: resources.held.dlqUrl,
          heldQueueUrl: resources.held.url,
        }),
        {
          clients: observe('publish').clients,
          logger: createLogger('release', logLevel),
          metrics: metrics.get('publish') as CountingMetrics,
          ...(options.now ? { now: options.now } : {}),
        },
      );
      const errors: unknown[] = [];
      const sources = new Map<Stage, SqsEventSource[]>();
      const concurrency = Math.max(1, Math.min(options.concurrency ?? 2, 16));
      for (const stage of STAGES) {
        const handler = options.wrapHandler ? options.wrapHandler(stage, handlers[stage]) : handlers[stage];
        sources.set(
          stage,
          Array.from(
            { length: concurrency },
            () =>
              new SqsEventSource({
                sqs: clients.sqs,
                queueUrl: resources.stages[stage].url,
                queueArn: `arn:aws:sqs:${REGION}:000000000000:${stage}`,
                handler,
                region: REGION,
                onError: (error) => errors.push(error),
                visibilityTimeoutSeconds: options.visibilityTimeout ?? DEFAULT_VISIBILITY_TIMEOUT,
                timeoutMs: options.functionTimeoutMs?.[stage] ?? STAGE_TIMEOUT_SECONDS[stage] * 1000,
                functionName: `syndicate-${stage}`,
              }),
          ),
        );
      }
      const releaseSources = [
        new SqsEventSource({
          sqs: clients.sqs,
          queueUrl: resources.held.url,
          queueArn: `arn:aws:sqs:${REGION}:000000000000:held`,
          handler: release.release,
          region: REGION,
          onError: (error) => errors.push(error),
          visibilityTimeoutSeconds: options.visibilityTimeout ?? DEFAULT_VISIBILITY_TIMEOUT,
          timeoutMs: STAGE_TIMEOUT_SECONDS.release * 1000,
          functionName: 'syndicate-release',
        }),
      ];
      const bridge = new S3NotificationBridge(
        emulators.s3rver,
        clients.sqs,
        resources.stages.normalize.url,
        resources.bucket,
      );
      const pipeline = new LocalPipeline(emulators, clients, resources, bridge, sources, errors, metrics, {
        fn: release,
        sources: releaseSources,
      });
      for (const source of [...[...sources.values()].flat(), ...releaseSources]) source.start();
      // Timers live in the (in-memory) queue and die with the last run; the held records do not.
      await pipeline.sweepHeld().catch((error: unknown) => errors.push(error));
      return pipeline;
    } catch (error) {
      await emulators.stop();
      throw error;
    }
  }

  /** Stores a document as the ingest endpoint does: unchanged, content-addressed, under its outlet. */
  async ingest(outlet: string, bytes: Uint8Array, contentType?: string): Promise<Arrival> {
    const documentId = sha256Hex(bytes);
    const key = rawDocumentKey(outlet, documentId);
    return { documentId, key, ingestionId: await this.write(key, bytes, contentType) };
  }

  /**
   * Writes a raw object and answers the arrival id S3's event gives that very
   * write. s3rver emits the event before it answers the PUT, so the write's
   * arrival is the one the bridge saw last; writes of one key are queued so
   * that no other write of it lands in between. The same bytes again are not
   * rewritten: s3rver writes a file in place, so normalize reading the
   * earlier arrival meanwhile could read it torn, where S3 replaces an object
   * whole (and keeps each version). Only the event of the write is announced,
   * as S3 would send one for it.
   */
  write(key: string, bytes: Uint8Array, contentType?: string): Promise<string> {
    const previous = this.#writes.get(key) ?? Promise.resolve();
    const done = previous.then(async () => {
      const before = this.bridge.arrivalsOf(key).length;
      const etag = `"${createHash('md5').update(bytes).digest('hex')}"`;
      const stored = await this.#head(key);
      if (stored?.ETag === etag && (contentType === undefined || stored.ContentType === contentType)) {
        this.bridge.announce(key, bytes.byteLength, etag);
      } else {
        await this.clients.s3.send(
          new PutObjectCommand({
            Bucket: this.resources.bucket,
            Key: key,
            Body: bytes,
            ...(contentType ? { ContentType: contentType } : {}),
          }),
        );
      }
      // Normally one; more when the SDK retried a PUT whose answer was lost, and then the last is this one.
      const arrival = this.bridge.arrivalsOf(key).slice(before).at(-1);
      if (!arrival) throw new Error(`s3://${this.resources.bucket}/${key} was written but no event came`);
      return arrival;
    });
    const settled = done.then(
      () => undefined,
      () => undefined,
    );
    this.#writes.set(key, settled);
    void settled.then(() => {
      if (this.#writes.get(key) === settled) this.#writes.delete(key);
    });
    return done;
  }

  async #head(key: string) {
    try {
      return await this.clients.s3.send(new HeadObjectCommand({ Bucket: this.resources.bucket, Key: key }));
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'NotFound' || name === 'NoSuchKey') return undefined;
      throw error;
    }
  }

  async #queueDepth(url: string, delayed = true): Promise<number> {
    const result = await this.clients.sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: url,
        AttributeNames: [
          'ApproximateNumberOfMessages',
          'ApproximateNumberOfMessagesNotVisible',
          'ApproximateNumberOfMessagesDelayed',
        ],
      }),
    );
    const a = result.Attributes ?? {};
    return (
      Number(a.ApproximateNumberOfMessages ?? 0) +
      Number(a.ApproximateNumberOfMessagesNotVisible ?? 0) +
      (delayed ? Number(a.ApproximateNumberOfMessagesDelayed ?? 0) : 0)
    );
  }

  /**
   * Releases every held item that is due by the pipeline's clock, as the
   * scheduled sweep does on AWS: at start, on `serve`'s timer, at the end of `run`.
   */
  sweepHeld(): Promise<SweepSummary> {
    return this.release.fn.sweep();
  }

  /** What is held under embargo now, by the arrival and item it came from. */
  async heldItems(): Promise<HeldItem[]> {
    const store = createS3HeldStore(this.clients.s3, this.resources.bucket);
    const items: HeldItem[] = [];
    for (const key of await store.keys(SWEEP_LIMIT)) {
      const record = await store.get(key);
      if (!record) continue;
      items.push({
        key,
        uri: record.uri,
        version: record.version,
        until: record.until,
        ingestionId: record.envelope.document.ingestionId,
        index: record.envelope.index,
      });
    }
    return items;
  }

  /** Resolves once nothing is in flight anywhere: no pending notification, no busy stage, empty stage queues. */
  async waitForIdle(timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let quietChecks = 0;
    while (quietChecks < 2) {
      if (Date.now() > deadline) throw new Error(`local pipeline still busy after ${timeoutMs} ms`);
      const failures = this.bridge.takeFailures();
      if (failures.length > 0) throw new AggregateError(failures, 'S3 notifications could not be forwarded');
      // Busy flags first, then the queues one by one in pipeline order: work moves downstream, so a
      // message sent on after its queue was read is still seen in the next queue (parallel reads can miss it).
      let inFlight =
        this.bridge.pending > 0 ||
        [...this.sources.values()].flat().some((s) => s.busy) ||
        this.release.sources.some((s) => s.busy);
      for (const stage of STAGES) {
        if (inFlight) break;
        inFlight = (await this.#queueDepth(this.resources.stages[stage].url)) > 0;
      }
      // A held item's timer waits (delayed) until its embargo: only one due now is work in flight.
      if (!inFlight) inFlight = (await this.#queueDepth(this.resources.held.url, false)) > 0;
      quietChecks = inFlight ? 0 : quietChecks + 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Receives (and deletes) everything on the output queue, claim checks resolved. */
  async drainOutput(): Promise<Array<{ body: string; message: Message }>> {
    const out: Array<{ body: string; message: Message }> = [];
    for (;;) {
      const received = await this.clients.sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: this.resources.output.url,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: 0,
          MessageAttributeNames: ['All'],
          MessageSystemAttributeNames: ['All'],
        }),
      );
      const messages = received.Messages ?? [];
      if (messages.length === 0) return out;
      for (const message of messages)
        out.push({ body: await resolveBody(this.clients.s3, message.Body ?? ''), message });
      await this.clients.sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: this.resources.output.url,
          Entries: messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle })),
        }),
      );
    }
  }

  /** Everything in the stages' dead-letter queues, with the reason each carries. */
  async deadLetters(): Promise<DeadLetter[]> {
    const letters: DeadLetter[] = [];
    const dlqs = [
      ...STAGES.map((stage) => [stage, this.resources.stages[stage].dlqUrl] as const),
      ['release', this.resources.held.dlqUrl] as const,
    ];
    for (const [stage, dlqUrl] of dlqs) {
      for (;;) {
        const received = await this.clients.sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: dlqUrl,
            MaxNumberOfMessages: 10,
            WaitTimeSeconds: 0,
            VisibilityTimeout: 300,
            MessageAttributeNames: ['All'],
          }),
        );
        const messages = received.Messages ?? [];
        if (messages.length === 0) break;
        for (const m of messages) {
          const attrs = m.MessageAttributes ?? {};
          const code = attrs['syndicate.error.code']?.StringValue;
          letters.push({
            stage,
            body: m.Body ?? '',
            ...(code ? { code } : {}),
            reason:
              attrs['syndicate.error.reason']?.StringValue ??
              'retries exhausted (moved by the redrive policy)',
          });
        }
      }
    }
    return letters;
  }

  /** Reads a JSON report the stages wrote next to a raw document; undefined when there is none. */
  async readReport<T>(key: string): Promise<T | undefined> {
    try {
      const object = await this.clients.s3.send(
        new GetObjectCommand({ Bucket: this.resources.bucket, Key: key }),
      );
      return JSON.parse((await object.Body?.transformToString('utf-8')) ?? 'null') as T;
    } catch (error) {
      if (error instanceof NoSuchKey || (error as Error).name === 'NoSuchKey') return undefined;
      throw error;
    }
  }

  /** Normalize's manifests of every arrival of one document, oldest first. */
  async manifestsOf(outlet: string, documentId: string): Promise<DocumentManifest[]> {
    const prefix = manifestKey(outlet, documentId, '').replace(/[^/]*$/, '');
    const manifests: DocumentManifest[] = [];
    let token: string | undefined;
    for (let page = 0; page < 100; page++) {
      const listed = await this.clients.s3.send(
        new ListObjectsV2Command({
          Bucket: this.resources.bucket,
          Prefix: prefix,
          ...(token ? { ContinuationToken: token } : {}),
        }),
      );
      for (const object of listed.Contents ?? []) {
        const manifest = object.Key ? await this.readReport<DocumentManifest>(object.Key) : undefined;
        if (manifest) manifests.push(manifest);
      }
      token = listed.IsTruncated ? listed.NextContinuationToken : undefined;
      if (!token) break;
    }
    return manifests.sort(
      (a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.ingestionId.localeCompare(b.ingestionId),
    );
  }

  /** Dedupe's decisions on one arrival's items, by item index (from every report of that arrival). */
  readDecisions(outlet: string, documentId: string, ingestionId: string): Promise<Map<number, ItemDecision>> {
    return new DynamoDecisionLedger(this.clients.dynamodb, this.resources.table).read(
      outlet,
      documentId,
      ingestionId,
    );
  }

  async stop(): Promise<void> {
    await Promise.all([...[...this.sources.values()].flat(), ...this.release.sources].map((s) => s.stop()));
    this.bridge.close();
    for (const client of Object.values(this.clients)) client.destroy();
    await this.emulators.stop();
  }
}
