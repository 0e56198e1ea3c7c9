import { awsConfigSchema, awsFromEnv, parseOrThrow } from '../shared/config.ts';
import * as z from '../shared/zod.ts';

/** The scheduled poller's configuration, validated once per cold start. */
export const pollerConfigSchema = z.object({
  aws: awsConfigSchema,
  rawBucket: z.string().check(z.minLength(1)),
  indexTable: z.string().check(z.minLength(1)),
  outletsJson: z.optional(z.string()),
  fetchTimeoutMs: z._default(z.coerce.number().check(z.int(), z.positive(), z.maximum(900_000)), 10_000),
  maxBodyBytes: z._default(z.coerce.number().check(z.int(), z.positive()), 5_242_880),
  /** First delay after a failure; doubles with each further failure up to the maximum. */
  backoffBaseSeconds: z._default(z.coerce.number().check(z.int(), z.positive()), 60),
  backoffMaxSeconds: z._default(z.coerce.number().check(z.int(), z.positive()), 6 * 3600),
  /** Feeds fetched at once: enough to overlap slow servers, few enough for a small function. */
  concurrency: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(32)), 4),
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
