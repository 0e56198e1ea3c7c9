import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { sha256Hex } from './hash.ts';
import * as z from './zod.ts';

/**
 * Claim check: a body too large for one SQS message is stored in S3 and the
 * message carries a pointer instead. Readers resolve it transparently.
 */
export const CLAIM_CHECK_SCHEMA = 'syndicate.claim-check.v1';

export const claimCheckSchema = z.object({
  schema: z.literal(CLAIM_CHECK_SCHEMA),
  bucket: z.string().check(z.minLength(1)),
  key: z.string().check(z.minLength(1)),
  bytes: z.number().check(z.int(), z.nonnegative()),
  sha256: z.string(),
});
export type ClaimCheck = z.infer<typeof claimCheckSchema>;

export async function storeClaim(
  s3: S3Client,
  bucket: string,
  prefix: string,
  body: string,
): Promise<ClaimCheck> {
  const digest = sha256Hex(body);
  const key = `${prefix}${digest}.json`;
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: body,
      ContentType: 'application/json; charset=utf-8',
    }),
  );
  return { schema: CLAIM_CHECK_SCHEMA, bucket, key, bytes: Buffer.byteLength(body), sha256: digest };
}

/** Returns the claim check a message body carries, or undefined for an ordinary body. */
export function readClaimCheck(body: string): ClaimCheck | undefined {
  if (!body.includes(CLAIM_CHECK_SCHEMA)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const result = claimCheckSchema.safeParse(parsed);
  return result.success ? result.data : undefined;
}

export async function resolveBody(s3: S3Client, body: string): Promise<string> {
  const claim = readClaimCheck(body);
  if (!claim) return body;
  const object = await s3.send(new GetObjectCommand({ Bucket: claim.bucket, Key: claim.key }));
  if (!object.Body) throw new Error(`claim check ${claim.key} has no body`);
  return object.Body.transformToString('utf-8');
}
