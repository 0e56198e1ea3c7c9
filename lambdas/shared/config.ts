import { DEFAULT_MAX_RECEIVE_COUNT } from './dead-letters.ts';
import { ConfigError } from './errors.ts';
import * as z from './zod.ts';

/**
 * Configuration is read once per cold start from the environment and validated,
 * so a mis-deployed function fails loudly at init instead of on the first record.
 * A local emulator is only configuration: an endpoint URL, never a code path.
 */

const endpoint = z.optional(z.url());

export const awsConfigSchema = z.object({
  region: z._default(z.string().check(z.minLength(1)), 'us-east-1'),
  endpoints: z._default(z.object({ s3: endpoint, sqs: endpoint, dynamodb: endpoint }), {
    s3: undefined,
    sqs: undefined,
    dynamodb: undefined,
  }),
});
export type AwsConfig = z.infer<typeof awsConfigSchema>;

export const DUPLICATE_POLICIES = ['drop', 'flag'] as const;
export type DuplicatePolicy = (typeof DUPLICATE_POLICIES)[number];

export const stageConfigSchema = z.object({
  aws: awsConfigSchema,
  rawBucket: z.string().check(z.minLength(1)),
  /** The queue this stage sends its results to. */
  nextQueueUrl: z.url(),
  /** This stage's own dead-letter queue, for permanent failures with a reason. */
  deadLetterQueueUrl: z.url(),
  /** The input queue's redrive limit: on a record's last receive, the stage dead-letters it with a reason. */
  maxReceiveCount: z._default(
    z.coerce.number().check(z.int(), z.minimum(1), z.maximum(1000)),
    DEFAULT_MAX_RECEIVE_COUNT,
  ),
});
export type StageConfig = z.infer<typeof stageConfigSchema>;

export const dedupeConfigSchema = z.extend(stageConfigSchema, {
  indexTable: z.string().check(z.minLength(1)),
  duplicatePolicy: z._default(z.enum(DUPLICATE_POLICIES), 'drop'),
  lookbackDays: z._default(z.coerce.number().check(z.int(), z.positive(), z.maximum(3650)), 30),
});
export type DedupeConfig = z.infer<typeof dedupeConfigSchema>;

/** The AWS part of every function's configuration, as read from its environment. */
export function awsFromEnv(env: NodeJS.ProcessEnv): unknown {
  return {
    region: env.AWS_REGION,
    endpoints: {
      s3: env.SYNDICATE_S3_ENDPOINT || undefined,
      sqs: env.SYNDICATE_SQS_ENDPOINT || undefined,
      dynamodb: env.SYNDICATE_DYNAMODB_ENDPOINT || undefined,
    },
  };
}

/** Validates configuration, naming every problem at once in a ConfigError. */
export function parseOrThrow<T extends z.ZodMiniType>(schema: T, raw: unknown): z.infer<T> {
  const result = schema.safeParse(raw);
  if (!result.success) throw new ConfigError(`invalid configuration: ${z.prettifyError(result.error)}`);
  return result.data;
}

export function loadStageConfig(env: NodeJS.ProcessEnv = process.env): StageConfig {
  return parseOrThrow(stageConfigSchema, {
    aws: awsFromEnv(env),
    rawBucket: env.RAW_BUCKET,
    nextQueueUrl: env.NEXT_QUEUE_URL,
    deadLetterQueueUrl: env.DLQ_URL,
    maxReceiveCount: env.MAX_RECEIVE_COUNT || undefined,
  });
}

export function loadDedupeConfig(env: NodeJS.ProcessEnv = process.env): DedupeConfig {
  return parseOrThrow(dedupeConfigSchema, {
    aws: awsFromEnv(env),
    rawBucket: env.RAW_BUCKET,
    nextQueueUrl: env.NEXT_QUEUE_URL,
    deadLetterQueueUrl: env.DLQ_URL,
    maxReceiveCount: env.MAX_RECEIVE_COUNT || undefined,
    indexTable: env.INDEX_TABLE,
    duplicatePolicy: env.DUPLICATE_POLICY || undefined,
    lookbackDays: env.LOOKBACK_DAYS || undefined,
  });
}
