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
  readonly tracer?: Tracer;
}

/**
 * Builds the SDK clients once per cold start. Endpoints come from configuration:
 * with an explicit endpoint, S3 uses path-style addressing and SQS sends to the
 * endpoint rather than the host in the queue URL (emulators mint queue URLs on
 * hosts that do not resolve).
 */
export function createAwsClients(config: AwsConfig, options: ClientOptions = {}): AwsClients {
  const base = {
    region: config.region,
    maxAttempts: 3,
    ...(options.credentials ? { credentials: options.credentials } : {}),
  };
  const { s3, sqs, dynamodb } = config.endpoints;
  const traced = <T>(client: T): T => (options.tracer ? options.tracer.captureAWSv3Client(client) : client);
  return {
    s3: traced(new S3Client({ ...base, ...(s3 ? { endpoint: s3, forcePathStyle: true } : {}) })),
    sqs: traced(new SQSClient({ ...base, ...(sqs ? { endpoint: sqs, useQueueUrlAsEndpoint: false } : {}) })),
    dynamodb: traced(new DynamoDBClient({ ...base, ...(dynamodb ? { endpoint: dynamodb } : {}) })),
  };
}
