import type { SQSClient } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { TransientError } from '../../../lambdas/shared/errors.ts';
import {
  entryBytes,
  SQS_BATCH_BYTES,
  SQS_BATCH_ENTRIES,
  sendInBatches,
  toSqsBatches,
} from '../../../lambdas/shared/sqs-batches.ts';

const entry = (bytes: number) => ({ MessageBody: 'x'.repeat(bytes) });

describe('SQS batches', () => {
  it('puts at most ten entries in a batch, renumbering ids within each', () => {
    const batches = toSqsBatches(Array.from({ length: 23 }, () => entry(10)));
    expect(batches.map((b) => b.length)).toEqual([10, 10, 3]);
    expect(batches[1]?.map((e) => e.Id)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(SQS_BATCH_ENTRIES).toBe(10);
  });

  it('starts a new batch before the payload would pass the limit, and sends a large message alone', () => {
    const third = Math.floor(SQS_BATCH_BYTES / 3);
    const batches = toSqsBatches([
      entry(third),
      entry(third),
      entry(third),
      entry(SQS_BATCH_BYTES + 1),
      entry(1),
    ]);
    expect(batches.map((b) => b.length)).toEqual([3, 1, 1]);
    for (const batch of batches.slice(0, 1))
      expect(batch.reduce((sum, e) => sum + entryBytes(e), 0)).toBeLessThanOrEqual(SQS_BATCH_BYTES);
  });

  it('counts attributes in the payload', () => {
    expect(
      entryBytes({
        Id: '0',
        MessageBody: 'abc',
        MessageAttributes: { uri: { DataType: 'String', StringValue: 'urn:x' } },
      }),
    ).toBe(3 + 3 + 6 + 5);
  });

  it('sends every batch, and fails the call when SQS refuses any entry', async () => {
    const sent: number[] = [];
    const sqs = {
      async send(command: { input: { Entries: Array<{ Id: string }> } }) {
        sent.push(command.input.Entries.length);
        return sent.length === 2 ? { Failed: [{ Id: '0', Code: 'InternalError', SenderFault: false }] } : {};
      },
    } as unknown as SQSClient;
    await expect(
      sendInBatches(
        sqs,
        'q',
        Array.from({ length: 25 }, () => entry(5)),
      ),
    ).rejects.toThrow(TransientError);
    expect(sent.reduce((a, b) => a + b, 0)).toBe(25);
    await expect(sendInBatches(sqs, 'q', [])).resolves.toBeUndefined();
  });
});
