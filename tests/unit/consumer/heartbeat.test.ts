import { ChangeMessageVisibilityCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startHeartbeat } from '../../../consumer/heartbeat.ts';

function fakeSqs(fail = false): { sqs: SQSClient; calls: ChangeMessageVisibilityCommand[] } {
  const calls: ChangeMessageVisibilityCommand[] = [];
  const sqs = {
    send: async (command: ChangeMessageVisibilityCommand) => {
      calls.push(command);
      if (fail) throw new Error('receipt handle expired');
      return {};
    },
  } as unknown as SQSClient;
  return { sqs, calls };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('startHeartbeat', () => {
  it('extends the visibility of the message on every beat until stopped', async () => {
    vi.useFakeTimers();
    const { sqs, calls } = fakeSqs();
    const beat = startHeartbeat(sqs, 'http://q', 'handle-1', { everyMs: 1000, extendSeconds: 30 });
    await vi.advanceTimersByTimeAsync(3500);
    await beat.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(3);
    expect(beat.extensions).toBe(3);
    expect(calls[0]).toBeInstanceOf(ChangeMessageVisibilityCommand);
    expect(calls[0]?.input).toEqual({
      QueueUrl: 'http://q',
      ReceiptHandle: 'handle-1',
      VisibilityTimeout: 30,
    });
  });

  it('reports a failed extension when stopped instead of losing it', async () => {
    vi.useFakeTimers();
    const { sqs } = fakeSqs(true);
    const beat = startHeartbeat(sqs, 'http://q', 'handle-1', { everyMs: 1000, extendSeconds: 30 });
    await vi.advanceTimersByTimeAsync(1500);
    await expect(beat.stop()).rejects.toThrow(/receipt handle expired/);
  });
});
