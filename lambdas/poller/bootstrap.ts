import type { Tracer } from '@aws-lambda-powertools/tracer';
import type { BootstrapOptions } from '../shared/bootstrap-options.ts';
import { createDynamoDbClient, createS3Client } from '../shared/clients.ts';
import { createLogger } from '../shared/logger.ts';
import { createPowertoolsMetrics } from '../shared/metrics.ts';
import { defaultOutbound, type OutboundDeps } from '../shared/outbound/guarded-fetch.ts';
import { OutletRegistry } from '../shared/outlets.ts';
import { createS3RawStore } from '../shared/raw-store.ts';
import type { PollerConfig } from './config.ts';
import { DynamoPollStateStore } from './poll-state.ts';
import { createPollerHandler, type PollerHandler } from './stage.ts';

export interface PollerBootstrapOptions extends BootstrapOptions {
  readonly outlets?: OutletRegistry;
  /** Resolver and transport for feed fetches; the default is the system's DNS and pinned node:http(s). */
  readonly outbound?: OutboundDeps;
  readonly now?: () => number;
  /** Traces the SDK clients this builds (not those passed in `clients`). */
  readonly tracer?: Tracer | undefined;
}

/** Wires the poller from validated configuration: on Lambda at cold start, or locally. */
export function bootstrapPoller(config: PollerConfig, options: PollerBootstrapOptions = {}): PollerHandler {
  const traced = { tracer: options.tracer };
  const s3 = options.clients?.s3 ?? createS3Client(config.aws, traced);
  const dynamodb = options.clients?.dynamodb ?? createDynamoDbClient(config.aws, traced);
  return createPollerHandler({
    outlets: options.outlets ?? OutletRegistry.parse(config.outletsJson),
    outbound: options.outbound ?? defaultOutbound(),
    store: createS3RawStore(s3, config.rawBucket),
    state: new DynamoPollStateStore(dynamodb, config.indexTable),
    timeoutMs: config.fetchTimeoutMs,
    maxBytes: config.maxBodyBytes,
    backoffBaseSeconds: config.backoffBaseSeconds,
    backoffMaxSeconds: config.backoffMaxSeconds,
    concurrency: config.concurrency,
    nowMs: options.now ?? Date.now,
    logger: options.logger ?? createLogger('poller'),
    metrics: options.metrics ?? createPowertoolsMetrics('poller'),
  });
}
