import { awsConfigSchema, awsFromEnv, parseOrThrow } from '../shared/config.ts';
import * as z from '../shared/zod.ts';

const nonEmpty = () => z.string().check(z.minLength(1));

/** The push endpoint's configuration, validated once per cold start. */
export const ingestConfigSchema = z
  .object({
    aws: awsConfigSchema,
    rawBucket: nonEmpty(),
    indexTable: nonEmpty(),
    /** Secrets Manager secret id (on AWS) ... */
    outletSecretsId: z.optional(nonEmpty()),
    /** ... or an SSM SecureString parameter name ... */
    outletSecretsParameter: z.optional(nonEmpty()),
    /** ... or a local JSON file (local mode): exactly one of the three. */
    outletSecretsFile: z.optional(nonEmpty()),
    /** Where the Parameters and Secrets Lambda Extension listens, if not on its default port. */
    secretsExtensionPort: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(65535))),
    maxBodyBytes: z._default(z.coerce.number().check(z.int(), z.positive()), 5_242_880),
    signatureMaxAgeSeconds: z._default(z.coerce.number().check(z.int(), z.positive(), z.maximum(3600)), 300),
    /** Per-outlet token bucket: sustained pushes per second and the burst allowed above it. */
    pushRatePerSecond: z._default(z.coerce.number().check(z.positive()), 2),
    pushBurst: z._default(z.coerce.number().check(z.int(), z.positive()), 20),
    outletsJson: z.optional(z.string()),
  })
  .check(
    z.refine(
      (c) =>
        [c.outletSecretsId, c.outletSecretsParameter, c.outletSecretsFile].filter((v) => v !== undefined)
          .length === 1,
      { message: 'set exactly one of OUTLET_SECRETS_ID, OUTLET_SECRETS_PARAMETER and OUTLET_SECRETS_FILE' },
    ),
  );
export type IngestConfig = z.infer<typeof ingestConfigSchema>;

export function loadIngestConfig(env: NodeJS.ProcessEnv = process.env): IngestConfig {
  return parseOrThrow(ingestConfigSchema, {
    aws: awsFromEnv(env),
    rawBucket: env.RAW_BUCKET,
    indexTable: env.INDEX_TABLE,
    outletSecretsId: env.OUTLET_SECRETS_ID || undefined,
    outletSecretsParameter: env.OUTLET_SECRETS_PARAMETER || undefined,
    outletSecretsFile: env.OUTLET_SECRETS_FILE || undefined,
    secretsExtensionPort: env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT || undefined,
    maxBodyBytes: env.MAX_BODY_BYTES || undefined,
    signatureMaxAgeSeconds: env.SIGNATURE_MAX_AGE_SECONDS || undefined,
    pushRatePerSecond: env.PUSH_RATE_PER_SECOND || undefined,
    pushBurst: env.PUSH_BURST || undefined,
    outletsJson: env.OUTLETS || undefined,
  });
}
