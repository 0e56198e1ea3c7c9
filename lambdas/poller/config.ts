import * as z from 'zod';
import { awsConfigSchema, awsFromEnv, parseOrThrow } from '../shared/config.ts';

/** The scheduled poller's configuration, validated once per cold start. */
export const pollerConfigSchema = z.object({
  aws: awsConfigSchema,
  rawBucket: z.string().min(1),
  indexTable: z.string().min(1),
  outletsJson: z.string().optional(),
  fetchTimeoutMs: z.coerce.number().int().positive().max(900_000).default(10_000),
  maxBodyBytes: z.coerce.number().int().positive().default(5_242_880),
  /** First delay after a failure; doubles with each further failure up to the maximum. */
  backoffBaseSeconds: z.coerce.number().int().positive().default(60),
  backoffMaxSeconds: z.coerce
    .number()
    .int()
    .positive()
    .default(6 * 3600),
  /** Feeds fetched at once: enough to overlap slow servers, few enough for a small function. */
  concurrency: z.coerce.number().int().min(1).max(32).default(4),
});
export type PollerConfig = z.infer<typeof pollerConfigSchema>;

export function loadPollerConfig(env: NodeJS.ProcessEnv = process.env): PollerConfig {
  return parseOrThrow(pollerConfigSchema, {
    aws: awsFromEnv(env),
    rawBucket: env.RAW_BUCKET,
    indexTable: env.INDEX_TABLE,
    outletsJson: env.OUTLETS || undefined,
    fetchTimeoutMs: env.FETCH_TIMEOUT_MS || undefined,
    maxBodyBytes: env.MAX_BODY_BYTES || undefined,
    backoffBaseSeconds: env.POLL_BACKOFF_BASE_SECONDS || undefined,
    backoffMaxSeconds: env.POLL_BACKOFF_MAX_SECONDS || undefined,
    concurrency: env.POLL_CONCURRENCY || undefined,
  });
}
