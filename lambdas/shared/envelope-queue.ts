import type { S3Client } from '@aws-sdk/client-s3';
import {
  SendMessageBatchCommand,
  type SendMessageBatchRequestEntry,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { resolveBody, storeClaim } from './claim-check.ts';
import { type ItemEnvelope, parseEnvelope } from './envelope.ts';
import { InvalidMessageError, TransientError } from './errors.ts';
import { toSqsJson } from './sqs-body.ts';

/** Bodies above this go through a claim check; well under SQS's 1 MiB so attributes always fit. */
export const INTER_STAGE_INLINE_LIMIT = 240 * 1024;
const CLAIM_PREFIX = 'work/claims/';
const SQS_BATCH = 10;
const SENDS_IN_FLIGHT = 4;

export interface EnvelopeQueue {
  send(envelopes: readonly ItemEnvelope[]): Promise<void>;
}

/** Sends envelopes to the next stage in batches of ten, each batch checked for partial failure. */
export function createEnvelopeQueue(deps: {
  sqs: SQSClient;
  s3: S3Client;
  queueUrl: string;
  bucket: string;
}): EnvelopeQueue {
  const { sqs, s3, queueUrl, bucket } = deps;
  const sendBatch = async (chunk: readonly ItemEnvelope[]): Promise<void> => {
    const entries: SendMessageBatchRequestEntry[] = [];
    for (const [offset, envelope] of chunk.entries()) {
      let body = toSqsJson(envelope);
      if (Buffer.byteLength(body) > INTER_STAGE_INLINE_LIMIT) {
        body = JSON.stringify(await storeClaim(s3, bucket, CLAIM_PREFIX, body));
      }
      entries.push({ Id: String(offset), MessageBody: body });
    }
    const result = await sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }));
    if (result.Failed && result.Failed.length > 0) {
      const first = result.Failed[0];
      // Re-sending the whole record later is safe: every stage downstream is idempotent per arrival.
      throw new TransientError(
        `SQS refused ${result.Failed.length} message(s): ${first?.Code} ${first?.Message ?? ''}`,
      );
    }
  };
  return {
    async send(envelopes) {
      const chunks: ItemEnvelope[][] = [];
      for (let start = 0; start < envelopes.length; start += SQS_BATCH) {
        chunks.push(envelopes.slice(start, start + SQS_BATCH));
      }
      // A few batches in flight at once: a large feed's items leave in a fraction of the sequential time,
      // without opening more connections than the SDK's pool keeps.
      let nextChunk = 0;
      const worker = async () => {
        while (nextChunk < chunks.length) {
          const chunk = chunks[nextChunk++];
          if (chunk) await sendBatch(chunk);
        }
      };
      await Promise.all(Array.from({ length: Math.min(SENDS_IN_FLIGHT, chunks.length) }, worker));
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
