import {
  SendMessageBatchCommand,
  type SendMessageBatchRequestEntry,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { TransientError } from './errors.ts';

/** SendMessageBatch takes at most ten entries. */
export const SQS_BATCH_ENTRIES = 10;
/**
 * Payload a batch may carry. SQS has allowed 1 MiB since 2025, but 256 KiB is
 * what every SQS endpoint (and emulator) accepts; a single larger message
 * still goes, alone in its batch.
 */
export const SQS_BATCH_BYTES = 256 * 1024;
const SENDS_IN_FLIGHT = 4;

/** The bytes SQS counts for an entry: body plus attribute names, types and values. */
export function entryBytes(entry: SendMessageBatchRequestEntry): number {
  let bytes = Buffer.byteLength(entry.MessageBody ?? '');
  for (const [name, value] of Object.entries(entry.MessageAttributes ?? {})) {
    bytes += Buffer.byteLength(name) + Buffer.byteLength(value.DataType ?? '');
    bytes += Buffer.byteLength(value.StringValue ?? '') + (value.BinaryValue?.byteLength ?? 0);
  }
  return bytes;
}

/** Consecutive entries cut into batches of at most ten entries and SQS_BATCH_BYTES (ids renumbered per batch). */
export function toSqsBatches(
  entries: readonly Omit<SendMessageBatchRequestEntry, 'Id'>[],
): SendMessageBatchRequestEntry[][] {
  const batches: SendMessageBatchRequestEntry[][] = [];
  let current: SendMessageBatchRequestEntry[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = entryBytes({ ...entry, Id: '' });
    if (current.length > 0 && (current.length >= SQS_BATCH_ENTRIES || bytes + size > SQS_BATCH_BYTES)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push({ ...entry, Id: String(current.length) });
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Sends the entries in as few SendMessageBatch calls as the limits allow, a
 * few in flight at once. Any entry SQS refuses fails the whole call: every
 * stage downstream is idempotent per arrival, so sending the rest again on
 * the retry is safe.
 */
export async function sendInBatches(
  sqs: SQSClient,
  queueUrl: string,
  entries: readonly Omit<SendMessageBatchRequestEntry, 'Id'>[],
): Promise<void> {
  const batches = toSqsBatches(entries);
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++];
      if (!batch) continue;
      const result = await sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: batch }));
      if (result.Failed && result.Failed.length > 0) {
        const first = result.Failed[0];
        throw new TransientError(
          `SQS refused ${result.Failed.length} message(s): ${first?.Code} ${first?.Message ?? ''}`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(SENDS_IN_FLIGHT, batches.length) }, worker));
}
