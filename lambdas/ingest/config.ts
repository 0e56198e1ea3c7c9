import * as z from 'zod';
import { awsConfigSchema, awsFromEnv, parseOrThrow } from '../shared/config.ts';

/** The push endpoint's configuration, validated once per cold start. */
export const ingestConfigSchema = z
  .object({
    aws: awsConfigSchema,
    rawBucket: z.string().min(1),
    indexTable: z.string().min(1),
    /** Secrets Manager secret id (on AWS) ... */
    outletSecretsId: z.string().min(1).optional(),
    /** ... or an SSM SecureString parameter name ... */
    outletSecretsParameter: z.string().min(1).optional(),
    /** ... or a local JSON file (local mode): exactly one of the three. */
    outletSecretsFile: z.string().min(1).optional(),
    /** Where the Parameters and Secrets Lambda Extension listens, if not on its default port. */
    secretsExtensionPort: z.coerce.number().int().min(1).max(65535).optional(),
    maxBodyBytes: z.coerce.number().int().positive().default(5_242_880),
    signatureMaxAgeSeconds: z.coerce.number().int().positive().max(3600).default(300),
    /** Per-outlet token bucket: sustained pushes per second and the burst allowed above it. */
    pushRatePerSecond: z.coerce.number().positive().default(2),
    pushBurst: z.coerce.number().int().positive().default(20),
    outletsJson: z.string().optional(),
  })
  .refine(
    (c) =>
      [c.outletSecretsId, c.outletSecretsParameter, c.outletSecretsFile].filter((v) => v !== undefined)
        .length === 1,
    { message: 'set exactly one of OUTLET_SECRETS_ID, OUTLET_SECRETS_PARAMETER and OUTLET_SECRETS_FILE' },
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
