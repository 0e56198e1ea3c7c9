import type { Tracer } from '@aws-lambda-powertools/tracer';
import { describe, expect, it } from 'vitest';
import { bootstrapDedupe } from '../../../lambdas/dedupe/bootstrap.ts';
import { bootstrapIngest } from '../../../lambdas/ingest/bootstrap.ts';
import { loadIngestConfig } from '../../../lambdas/ingest/config.ts';
import { bootstrapNormalize } from '../../../lambdas/normalize/bootstrap.ts';
import { bootstrapPoller } from '../../../lambdas/poller/bootstrap.ts';
import { loadPollerConfig } from '../../../lambdas/poller/config.ts';
import { bootstrapPublish } from '../../../lambdas/publish/bootstrap.ts';
import { loadDedupeConfig, loadStageConfig } from '../../../lambdas/shared/config.ts';
import { createLogger } from '../../../lambdas/shared/logger.ts';
import { CountingMetrics } from '../../../lambdas/shared/metrics.ts';
import { OutletRegistry } from '../../../lambdas/shared/outlets.ts';
import { bootstrapTag } from '../../../lambdas/tag/bootstrap.ts';

const env = {
  AWS_REGION: 'eu-west-1',
  RAW_BUCKET: 'raw',
  INDEX_TABLE: 'index',
  NEXT_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/next',
  DLQ_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/dlq',
  OUTLET_SECRETS_PARAMETER: '/syndicate/outlet-secrets',
  OUTLETS: '[]',
};

/** What a stage's bootstrap builds on Lambda: the SDK clients it handed to the tracer, by class name. */
function tracedClients(bootstrap: (tracer: Tracer) => unknown): string[] {
  const captured: string[] = [];
  const tracer = {
    captureAWSv3Client: <T>(client: T): T => {
      captured.push((client as object).constructor.name);
      (client as { destroy(): void }).destroy();
      return client;
    },
  } as unknown as Tracer;
  bootstrap(tracer);
  return captured.sort();
}

const quiet = { logger: createLogger('probe', 'SILENT'), metrics: new CountingMetrics() };

// Each client is tens of KiB of SDK a cold start must load: a function builds (and bundles) only those it calls.
describe('on Lambda, every stage traces the clients it builds, and builds only those it uses', () => {
  it.each([
    [
      'ingest',
      (t: Tracer) => bootstrapIngest(loadIngestConfig(env), { ...quiet, tracer: t }),
      ['DynamoDBClient', 'S3Client'],
    ],
    [
      'poller',
      (t: Tracer) => bootstrapPoller(loadPollerConfig(env), { ...quiet, tracer: t }),
      ['DynamoDBClient', 'S3Client'],
    ],
    [
      'normalize',
      (t: Tracer) => bootstrapNormalize(loadStageConfig(env), { ...quiet, tracer: t }),
      ['S3Client', 'SQSClient'],
    ],
    [
      'dedupe',
      (t: Tracer) => bootstrapDedupe(loadDedupeConfig(env), { ...quiet, tracer: t }),
      ['DynamoDBClient', 'S3Client', 'SQSClient'],
    ],
    [
      'tag',
      (t: Tracer) =>
        bootstrapTag(loadStageConfig(env), { ...quiet, outlets: new OutletRegistry(), tracer: t }),
      ['S3Client', 'SQSClient'],
    ],
    [
      'publish',
      (t: Tracer) => bootstrapPublish(loadStageConfig(env), { ...quiet, tracer: t }),
      ['S3Client', 'SQSClient'],
    ],
  ] as const)('%s', (_stage, bootstrap, expected) => {
    expect(tracedClients(bootstrap)).toEqual(expected);
  });
});
