import { bootstrapPoller } from '../lambdas/poller/bootstrap.ts';
import { pollerConfigSchema } from '../lambdas/poller/config.ts';
import type { PollSummary } from '../lambdas/poller/stage.ts';
import { createLogger } from '../lambdas/shared/logger.ts';
import { CountingMetrics } from '../lambdas/shared/metrics.ts';
import { OutletRegistry } from '../lambdas/shared/outlets.ts';
import { EMULATOR_CREDENTIALS } from './emulators.ts';
import { removeEndpointsFile, writeEndpointsFile } from './endpoints-file.ts';
import { startLocalIngest } from './ingest-endpoint.ts';
import { LocalPipeline } from './pipeline.ts';

export interface ServeOptions {
  readonly stateDir: string;
  readonly secretsFile: string;
  readonly outlets?: OutletRegistry;
  readonly port?: number;
  readonly maxBodyBytes?: number;
  /** Poll the outlets' registered feeds this often; 0 or absent: never. */
  readonly pollSeconds?: number;
  /** How often the output queue is drained. */
  readonly drainIntervalMs?: number;
  /** How often held items that are due are swept out (a backstop: their timers release them first). @default 30 s */
  readonly sweepIntervalMs?: number;
  /** The clock embargoes are decided by; tests set it. @default the system's */
  readonly now?: () => Date;
  readonly logLevel?: string;
  /**
   * Seconds before an unfinished message is redelivered. Longer than `run`'s, so a slow handler on a
   * busy laptop does not print the same message twice; retries wait this long.
   */
  readonly visibilityTimeout?: number;
  /** Stops serving: the loop ends and everything started is stopped. */
  readonly signal: AbortSignal;
  readonly onListening?: (url: string) => void;
  /**
   * Leave published messages on the output queue for a consumer (`syndicate consume`)
   * instead of draining them to onOutput.
   */
  readonly keepOutput?: boolean;
  /** Where the output queue is, so a consumer can be pointed at it. */
  readonly onOutputQueue?: (queue: OutputQueueLocation) => void;
  readonly onOutput: (body: string) => Promise<void> | void;
  readonly onPoll?: (summary: PollSummary) => void;
  readonly onError?: (error: unknown) => void;
}

export interface OutputQueueLocation {
  readonly url: string;
  readonly sqsEndpoint: string;
  readonly s3Endpoint: string;
  /** `{stateDir}/endpoints.json`: every queue, endpoint and the credentials, for consume and redrive. */
  readonly endpointsFile: string;
}

/**
 * `syndicate serve`: the local pipeline, the push endpoint in front of it,
 * and optionally the poller on a timer, until the signal aborts. Every
 * published message is handed to onOutput as it reaches the output queue.
 */
export async function serveLocal(options: ServeOptions): Promise<void> {
  const outlets = options.outlets ?? new OutletRegistry();
  const logLevel = options.logLevel ?? 'WARN';
  const pipeline = await LocalPipeline.start({
    stateDir: options.stateDir,
    outlets,
    logLevel,
    visibilityTimeout: options.visibilityTimeout ?? 30,
    ...(options.now ? { now: options.now } : {}),
  });
  try {
    const endpoint = await startLocalIngest({
      pipeline,
      secretsFile: options.secretsFile,
      outlets,
      logLevel,
      ...(options.port !== undefined ? { port: options.port } : {}),
      ...(options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {}),
      ...(options.onError ? { onError: options.onError } : {}),
    });
    try {
      const endpointsFile = writeEndpointsFile(options.stateDir, {
        region: await pipeline.clients.sqs.config.region(),
        endpoints: {
          sqs: pipeline.emulators.endpoints.sqs,
          s3: pipeline.emulators.endpoints.s3,
          push: `${endpoint.url}/push`,
        },
        // What the emulators accept (s3rver checks the access key); a local consumer needs them for claim checks.
        // Copied field by field: the SDK marks the credentials objects it is given with a $source.
        credentials: {
          accessKeyId: EMULATOR_CREDENTIALS.accessKeyId,
          secretAccessKey: EMULATOR_CREDENTIALS.secretAccessKey,
        },
        bucket: pipeline.resources.bucket,
        output: pipeline.resources.output,
        stages: pipeline.resources.stages,
      });
      options.onListening?.(endpoint.url);
      options.onOutputQueue?.({
        url: pipeline.resources.output.url,
        sqsEndpoint: pipeline.emulators.endpoints.sqs,
        s3Endpoint: pipeline.emulators.endpoints.s3,
        endpointsFile,
      });
      const drain = async () => {
        if (options.keepOutput) return;
        for (const { body } of await pipeline.drainOutput()) await options.onOutput(body);
      };
      const poll = createPoll(pipeline, outlets, logLevel);
      const pollEveryMs = (options.pollSeconds ?? 0) * 1000;
      let nextPollAt = pollEveryMs > 0 ? 0 : Number.POSITIVE_INFINITY;
      const sweepEveryMs = options.sweepIntervalMs ?? 30_000;
      // The pipeline swept once as it started.
      let nextSweepAt = Date.now() + sweepEveryMs;
      while (!options.signal.aborted) {
        if (Date.now() >= nextSweepAt) {
          nextSweepAt = Date.now() + sweepEveryMs;
          try {
            await pipeline.sweepHeld();
          } catch (error) {
            options.onError?.(error);
          }
        }
        if (Date.now() >= nextPollAt) {
          nextPollAt = Date.now() + pollEveryMs;
          try {
            options.onPoll?.(await poll());
          } catch (error) {
            options.onError?.(error);
          }
        }
        await drain();
        await sleep(options.drainIntervalMs ?? 250, options.signal);
      }
      // One last drain so nothing already published is left unshown.
      await drain();
    } finally {
      // Its ports die with this process: a consumer must not be pointed at them.
      removeEndpointsFile(options.stateDir);
      await endpoint.close();
    }
  } finally {
    await pipeline.stop();
  }
}

function createPoll(pipeline: LocalPipeline, outlets: OutletRegistry, logLevel: string) {
  const config = pollerConfigSchema.parse({
    aws: { region: 'us-east-1', endpoints: pipeline.emulators.endpoints },
    rawBucket: pipeline.resources.bucket,
    indexTable: pipeline.resources.table,
  });
  return bootstrapPoller(config, {
    clients: pipeline.clients,
    outlets: allowLoopbackFeeds(outlets),
    logger: createLogger('poller', logLevel),
    metrics: new CountingMetrics(),
  });
}

/**
 * Locally, feeds are served from this machine (tests, a feed server beside
 * `serve`): an outlet whose every feed is at 127.0.0.1 may be fetched there.
 * Any other outlet keeps the guard as deployed, so a feed elsewhere still
 * cannot redirect the poller onto this machine.
 */
export function allowLoopbackFeeds(outlets: OutletRegistry): OutletRegistry {
  return new OutletRegistry(
    outlets.all().map((outlet) => {
      const local =
        outlet.feeds.length > 0 && outlet.feeds.every((feed) => new URL(feed).hostname === '127.0.0.1');
      return local ? { ...outlet, allowPrivateAddresses: true } : outlet;
    }),
  );
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
