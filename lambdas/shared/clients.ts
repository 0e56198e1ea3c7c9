import type { Tracer } from '@aws-lambda-powertools/tracer';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { AwsConfig } from './config.ts';

export interface AwsClients {
  readonly s3: S3Client;
  readonly sqs: SQSClient;
  readonly dynamodb: DynamoDBClient;
}

export interface ClientOptions {
  /** Static credentials, for emulators; on AWS the default provider chain is used. */
  readonly credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Records each SDK call as an X-Ray subsegment (on Lambda with active tracing). */
  readonly tracer?: Pick<Tracer, 'captureAWSv3Client'> | undefined;
}

/*
 * One factory per client, so a function's bundle holds (and its cold start
 * loads) only the clients it uses: each SDK client is tens of KiB of schemas
 * and middleware evaluated at init. Endpoints come from configuration.
 */

function baseConfig(config: AwsConfig, options: ClientOptions) {
  return {
    region: config.region,
    maxAttempts: 3,
    ...(options.credentials ? { credentials: options.credentials } : {}),
  };
}

function traced<T>(client: T, options: ClientOptions): T {
  return options.tracer ? options.tracer.captureAWSv3Client(client) : client;
}

/** With an explicit endpoint (an emulator), S3 uses path-style addressing. */
export function createS3Client(config: AwsConfig, options: ClientOptions = {}): S3Client {
  const endpoint = config.endpoints.s3;
  return traced(
    new S3Client({
      ...baseConfig(config, options),
      ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
    }),
    options,
  );
}

/**
 * With an explicit endpoint, SQS sends to it rather than to the host in the
 * queue URL: emulators mint queue URLs on hosts that do not resolve.
 */
export function createSqsClient(config: AwsConfig, options: ClientOptions = {}): SQSClient {
  const endpoint = config.endpoints.sqs;
  return traced(
    new SQSClient({
      ...baseConfig(config, options),
      ...(endpoint ? { endpoint, useQueueUrlAsEndpoint: false } : {}),
    }),
    options,
  );
}

export function createDynamoDbClient(config: AwsConfig, options: ClientOptions = {}): DynamoDBClient {
  const endpoint = config.endpoints.dynamodb;
  return traced(
    new DynamoDBClient({ ...baseConfig(config, options), ...(endpoint ? { endpoint } : {}) }),
    options,
  );
}

/** All three clients, for the local runner, the consumer and tests; the Lambdas build only what they use. */
export function createAwsClients(config: AwsConfig, options: ClientOptions = {}): AwsClients {
  return {
    s3: createS3Client(config, options),
    sqs: createSqsClient(config, options),
    dynamodb: createDynamoDbClient(config, options),
  };
}
