import { CreateTableCommand, type DynamoDBClient, ResourceInUseException } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';

export const STAGES = ['normalize', 'dedupe', 'tag', 'publish'] as const;
export type Stage = (typeof STAGES)[number];

export interface QueuePair {
  readonly url: string;
  readonly dlqUrl: string;
}

/** What the CDK stack creates on AWS, created here on the emulators with the same shape. */
export interface LocalResources {
  readonly bucket: string;
  readonly table: string;
  readonly stages: Record<Stage, QueuePair>;
  readonly output: QueuePair;
  /** Embargo timers (delayed messages) for the release handler; always standard: FIFO has no per-message delay. */
  readonly held: QueuePair;
}

/** Receives before a stage queue redrives a message to its DLQ, locally (fewer than deployed: runs end sooner). */
export const LOCAL_MAX_RECEIVE_COUNT = 3;

export interface ProvisionOptions {
  readonly prefix?: string;
  /** Seconds before a failed message is retried; short locally so retries do not stall a run. */
  readonly visibilityTimeout?: number;
  readonly maxReceiveCount?: number;
  readonly fifoOutput?: boolean;
}

async function createQueuePair(
  sqs: SQSClient,
  name: string,
  options: Required<Omit<ProvisionOptions, 'prefix'>>,
  fifo = false,
): Promise<QueuePair> {
  const suffix = fifo ? '.fifo' : '';
  const fifoAttributes: Record<string, string> = fifo ? { FifoQueue: 'true' } : {};
  const dlq = await sqs.send(
    new CreateQueueCommand({
      QueueName: `${name}-dlq${suffix}`,
      Attributes: { ...fifoAttributes, MessageRetentionPeriod: '1209600' },
    }),
  );
  if (!dlq.QueueUrl) throw new Error(`could not create ${name}-dlq`);
  const arn = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ['QueueArn'] }),
  );
  const queue = await sqs.send(
    new CreateQueueCommand({
      QueueName: `${name}${suffix}`,
      Attributes: {
        ...fifoAttributes,
        VisibilityTimeout: String(options.visibilityTimeout),
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: arn.Attributes?.QueueArn,
          maxReceiveCount: options.maxReceiveCount,
        }),
      },
    }),
  );
  if (!queue.QueueUrl) throw new Error(`could not create ${name}`);
  return { url: queue.QueueUrl, dlqUrl: dlq.QueueUrl };
}

/** The bucket and table `provision` creates under a prefix: what a reader of a state folder opens. */
export function localResourceNames(prefix = 'syndicate'): { bucket: string; table: string } {
  return { bucket: `${prefix}-raw`, table: `${prefix}-index` };
}

export async function provision(
  clients: { s3: S3Client; sqs: SQSClient; dynamodb: DynamoDBClient },
  options: ProvisionOptions = {},
): Promise<LocalResources> {
  const prefix = options.prefix ?? 'syndicate';
  const settings = {
    visibilityTimeout: options.visibilityTimeout ?? 2,
    maxReceiveCount: options.maxReceiveCount ?? LOCAL_MAX_RECEIVE_COUNT,
    fifoOutput: options.fifoOutput ?? false,
  };
  const { bucket, table } = localResourceNames(prefix);
  try {
    await clients.s3.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (error) {
    const name = (error as Error).name;
    if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') throw error;
  }
  try {
    await clients.dynamodb.send(
      new CreateTableCommand({
        TableName: table,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException) && (error as Error).name !== 'ResourceInUseException')
      throw error;
  }
  const stages = {} as Record<Stage, QueuePair>;
  for (const stage of STAGES)
    stages[stage] = await createQueuePair(clients.sqs, `${prefix}-${stage}`, settings);
  const output = await createQueuePair(
    clients.sqs,
    `${prefix}-output`,
    { ...settings, visibilityTimeout: 30 },
    settings.fifoOutput,
  );
  const held = await createQueuePair(clients.sqs, `${prefix}-held`, settings);
  return { bucket, table, stages, output, held };
}
