import type { S3Client } from '@aws-sdk/client-s3';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { resolveBody, storeClaim } from './claim-check.ts';
import { type ItemEnvelope, parseEnvelope } from './envelope.ts';
import { InvalidMessageError } from './errors.ts';
import { sendInBatches } from './sqs-batches.ts';
import { toSqsJson } from './sqs-body.ts';

/** Bodies above this go through a claim check; well under SQS's 1 MiB so attributes always fit. */
export const INTER_STAGE_INLINE_LIMIT = 240 * 1024;
const CLAIM_PREFIX = 'work/claims/';

export interface EnvelopeQueue {
  send(envelopes: readonly ItemEnvelope[]): Promise<void>;
}

/** Sends envelopes to the next stage in as few SendMessageBatch calls as SQS's limits allow. */
export function createEnvelopeQueue(deps: {
  sqs: SQSClient;
  s3: S3Client;
  queueUrl: string;
  bucket: string;
}): EnvelopeQueue {
  const { sqs, s3, queueUrl, bucket } = deps;
  return {
    async send(envelopes) {
      const entries = await Promise.all(
        envelopes.map(async (envelope) => {
          let body = toSqsJson(envelope);
          if (Buffer.byteLength(body) > INTER_STAGE_INLINE_LIMIT) {
            body = JSON.stringify(await storeClaim(s3, bucket, CLAIM_PREFIX, body));
          }
          return { MessageBody: body };
        }),
      );
      await sendInBatches(sqs, queueUrl, entries);
    },
  };
}

/** Reads an envelope from a stage's input message, resolving a claim check if there is one. */
export async function readEnvelope(s3: S3Client, body: string): Promise<ItemEnvelope> {
  const resolved = await resolveBody(s3, body);
  let parsed: unknown;
  try {
    parsed = JSON.parse(resolved);
  } catch (error) {
    throw new InvalidMessageError('message body is not JSON', { cause: error });
  }
  return parseEnvelope(parsed);
}
