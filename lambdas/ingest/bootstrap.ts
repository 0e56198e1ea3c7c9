import type { Tracer } from '@aws-lambda-powertools/tracer';
import type { BootstrapOptions } from '../shared/bootstrap-options.ts';
import { createDynamoDbClient, createS3Client } from '../shared/clients.ts';
import { createLogger } from '../shared/logger.ts';
import { createPowertoolsMetrics } from '../shared/metrics.ts';
import { OutletRegistry } from '../shared/outlets.ts';
import { createS3RawStore } from '../shared/raw-store.ts';
import type { IngestConfig } from './config.ts';
import { DynamoReplayGuard } from './replay-guard.ts';
import { fileSecretSource, type SecretSource } from './secrets.ts';
import { parameterStoreSource, secretsManagerSource } from './secrets-extension.ts';
import { createIngestHandler, type IngestHandler } from './stage.ts';
import { TokenBuckets } from './token-bucket.ts';
import { subscribedTopics } from './websub.ts';

export interface IngestBootstrapOptions extends BootstrapOptions {
  readonly secrets?: SecretSource;
  readonly outlets?: OutletRegistry;
  readonly now?: () => number;
  /** Traces the SDK clients this builds (not those passed in `clients`). */
  readonly tracer?: Tracer | undefined;
}

/** Wires the push endpoint from validated configuration: on Lambda at cold start, or in `syndicate serve`. */
export function bootstrapIngest(config: IngestConfig, options: IngestBootstrapOptions = {}): IngestHandler {
  const traced = { tracer: options.tracer };
  const s3 = options.clients?.s3 ?? createS3Client(config.aws, traced);
  const dynamodb = options.clients?.dynamodb ?? createDynamoDbClient(config.aws, traced);
  const now = options.now ?? Date.now;
  const secrets = options.secrets ?? secretSourceFor(config);
  const outlets = options.outlets ?? OutletRegistry.parse(config.outletsJson);
  return createIngestHandler({
    secrets,
    replay: new DynamoReplayGuard(dynamodb, config.indexTable),
    store: createS3RawStore(s3, config.rawBucket),
    throttle: new TokenBuckets(config.pushRatePerSecond, config.pushBurst, now),
    maxBodyBytes: config.maxBodyBytes,
    maxAgeSeconds: config.signatureMaxAgeSeconds,
    nowSeconds: () => Math.floor(now() / 1000),
    topics: subscribedTopics(outlets),
    logger: options.logger ?? createLogger('ingest'),
    metrics: options.metrics ?? createPowertoolsMetrics('ingest'),
  });
}

/** Exactly one source is configured (the config schema checks it). */
function secretSourceFor(config: IngestConfig): SecretSource {
  if (config.outletSecretsFile) return fileSecretSource(config.outletSecretsFile);
  const extension = config.secretsExtensionPort ? { port: config.secretsExtensionPort } : {};
  if (config.outletSecretsParameter) return parameterStoreSource(config.outletSecretsParameter, extension);
  return secretsManagerSource(config.outletSecretsId ?? '', extension);
}
