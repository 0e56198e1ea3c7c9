import { bootstrapIngest } from '../lambdas/ingest/bootstrap.ts';
import { ingestConfigSchema } from '../lambdas/ingest/config.ts';
import { createLogger } from '../lambdas/shared/logger.ts';
import { CountingMetrics, type StageMetrics } from '../lambdas/shared/metrics.ts';
import { OutletRegistry } from '../lambdas/shared/outlets.ts';
import { type HttpEndpoint, startHttpEndpoint } from './http-endpoint.ts';
import type { LocalPipeline } from './pipeline.ts';

export interface LocalIngestOptions {
  readonly pipeline: LocalPipeline;
  /** JSON `{ "<outletId>": "<secret>" }`, the same document Secrets Manager holds on AWS. */
  readonly secretsFile: string;
  readonly outlets?: OutletRegistry;
  readonly port?: number;
  readonly maxBodyBytes?: number;
  readonly signatureMaxAgeSeconds?: number;
  readonly pushRatePerSecond?: number;
  readonly pushBurst?: number;
  readonly logLevel?: string;
  /** Counted in memory by default: EMF would go to stdout, which carries the published messages. */
  readonly metrics?: StageMetrics;
  readonly onError?: (error: unknown) => void;
}

/**
 * The push endpoint in local mode: the very ingest handler that runs on
 * Lambda, configured against the local pipeline's emulators and served over
 * HTTP on 127.0.0.1 by the API Gateway stand-in.
 */
export async function startLocalIngest(options: LocalIngestOptions): Promise<HttpEndpoint> {
  const { pipeline } = options;
  const config = ingestConfigSchema.parse({
    aws: { region: 'us-east-1', endpoints: pipeline.emulators.endpoints },
    rawBucket: pipeline.resources.bucket,
    indexTable: pipeline.resources.table,
    outletSecretsFile: options.secretsFile,
    maxBodyBytes: options.maxBodyBytes,
    signatureMaxAgeSeconds: options.signatureMaxAgeSeconds,
    pushRatePerSecond: options.pushRatePerSecond,
    pushBurst: options.pushBurst,
  });
  const handler = bootstrapIngest(config, {
    clients: pipeline.clients,
    outlets: options.outlets ?? new OutletRegistry(),
    logger: createLogger('ingest', options.logLevel ?? 'WARN'),
    metrics: options.metrics ?? new CountingMetrics(),
  });
  return startHttpEndpoint({
    handler,
    port: options.port ?? 0,
    ...(options.onError ? { onError: options.onError } : {}),
  });
}
