import {
  ChangeMessageVisibilityCommand,
  DeleteMessageBatchCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueueConsumer } from '../../../consumer/consumer.ts';
import { QueueOperationError } from '../../../consumer/errors.ts';
import { toOutputMessage } from '../../../lambdas/publish/message.ts';
import { toNinjs } from '../../../lambdas/publish/ninjs.ts';
import { publishedEnvelope } from '../publish/envelope-fixture.ts';

function contractMessage(n: number): Message {
  const envelope = publishedEnvelope({ version: n });
  const out = toOutputMessage(envelope, toNinjs(envelope));
  return { MessageId: `m-${n}`, ReceiptHandle: `r-${n}`, Body: out.body, MessageAttributes: out.attributes };
}

/** An SQS stand-in that hands out the given batches, then nothing, and records deletes. */
function scriptedSqs(batches: Message[][], failDeletes = false) {
  const deleted: string[] = [];
  const extended: string[] = [];
  let receives = 0;
  const sqs = {
    send: async (command: unknown) => {
      if (command instanceof ReceiveMessageCommand) {
        receives++;
        return { Messages: batches.shift() ?? [] };
      }
      if (command instanceof DeleteMessageBatchCommand) {
        const entries = command.input.Entries ?? [];
        if (failDeletes)
          return { Failed: entries.map((e) => ({ Id: e.Id, Code: 'ReceiptHandleIsInvalid' })) };
        deleted.push(...entries.map((e) => e.ReceiptHandle ?? ''));
        return { Successful: entries.map((e) => ({ Id: e.Id })) };
      }
      if (command instanceof ChangeMessageVisibilityCommand) {
        extended.push(command.input.ReceiptHandle ?? '');
        return {};
      }
      throw new Error('unexpected command');
    },
  } as unknown as SQSClient;
  return { sqs, deleted, extended, receives: () => receives };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('QueueConsumer', () => {
  it('keeps extending a message for as long as a slow handler runs, then deletes it', async () => {
    vi.useFakeTimers();
    const { sqs, deleted, extended } = scriptedSqs([[contractMessage(1)]]);
    const consumer = new QueueConsumer({ sqs, queueUrl: 'q', waitSeconds: 0 });
    const slow = () => new Promise<void>((resolve) => setTimeout(resolve, 3500));
    const run = consumer.process(slow, { heartbeat: { everyMs: 1000, extendSeconds: 5 } });
    await vi.advanceTimersByTimeAsync(4000);
    await expect(run).resolves.toEqual({ processed: 1 });
    expect(extended).toEqual(['r-1', 'r-1', 'r-1']);
    expect(deleted).toEqual(['r-1']);
  });

  it('yields every message until the queue is drained', async () => {
    const { sqs, receives } = scriptedSqs([[contractMessage(1), contractMessage(2)], [contractMessage(3)]]);
    const consumer = new QueueConsumer({ sqs, queueUrl: 'q', waitSeconds: 0 });
    const versions: string[] = [];
    for await (const message of consumer.messages()) versions.push(message.ninjs.version);
    expect(versions).toEqual(['1', '2', '3']);
    expect(receives()).toBe(3);
  });

  it('stops at maxMessages without receiving more', async () => {
    const { sqs, receives } = scriptedSqs([[contractMessage(1), contractMessage(2)], [contractMessage(3)]]);
    const consumer = new QueueConsumer({ sqs, queueUrl: 'q', waitSeconds: 0, maxMessages: 2 });
    const ids: string[] = [];
    for await (const message of consumer.messages()) ids.push(message.messageId);
    expect(ids).toEqual(['m-1', 'm-2']);
    expect(receives()).toBe(1);
  });

  it('deletes what was handled, leaves the failed message, and rethrows the handler error', async () => {
    const { sqs, deleted } = scriptedSqs([[contractMessage(1), contractMessage(2), contractMessage(3)]]);
    const consumer = new QueueConsumer({ sqs, queueUrl: 'q', waitSeconds: 0 });
    const run = consumer.process(async (message) => {
      if (message.messageId === 'm-2') throw new Error('handler broke');
    });
    await expect(run).rejects.toThrow('handler broke');
    expect(deleted).toEqual(['r-1']);
  });

  it('reports messages SQS refused to delete', async () => {
    const { sqs } = scriptedSqs([[contractMessage(1)]], true);
    const consumer = new QueueConsumer({ sqs, queueUrl: 'q', waitSeconds: 0 });
    const error = await consumer.process(async () => {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueueOperationError);
    expect((error as QueueOperationError).failedMessageIds).toEqual(['m-1']);
  });

  it('refuses a long poll SQS would not accept', () => {
    const { sqs } = scriptedSqs([]);
    expect(() => new QueueConsumer({ sqs, queueUrl: 'q', waitSeconds: 30 })).toThrow(RangeError);
  });
});
