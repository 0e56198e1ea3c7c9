import { readFileSync } from 'node:fs';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { consumeCommand } from '../../cli/commands/consume.ts';
import { redriveCommand } from '../../cli/commands/redrive.ts';
import { MESSAGE_ATTRIBUTES } from '../../lambdas/publish/contract.ts';
import { startTestPipeline, type TestPipeline } from '../support/local-pipeline.ts';
import { SEED_ARTICLE } from '../support/paths.ts';

let running: TestPipeline | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await running?.close();
  running = undefined;
});

/** Runs a CLI command in-process and returns its exit code and the JSON lines it printed. */
async function run(command: (argv: string[]) => Promise<number>, argv: string[]) {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const code = await command(argv);
    const lines = chunks.join('').split('\n').filter(Boolean);
    return { code, lines: lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
  } finally {
    spy.mockRestore();
  }
}

describe('syndicate consume', () => {
  it('prints what the pipeline published as JSON lines and deletes it with --delete', async () => {
    // Stages hide a record for 30 s while working on it, so a slow machine does not see redeliveries.
    running = await startTestPipeline({ visibilityTimeout: 30 });
    const { pipeline } = running;
    await pipeline.ingest('patriotwise', readFileSync(SEED_ARTICLE));
    await pipeline.waitForIdle();
    const args = [
      '--queue-url',
      pipeline.resources.output.url,
      '--endpoint',
      pipeline.emulators.endpoints.sqs,
      '--s3-endpoint',
      pipeline.emulators.endpoints.s3,
      '--wait',
      '0',
      '--validate',
    ];

    const first = await run(consumeCommand, [...args, '--delete']);
    expect(first.code).toBe(0);
    expect(first.lines).toHaveLength(1);
    const [line] = first.lines;
    if (!line) throw new Error('no line printed');
    const ninjs = line.ninjs as { uri: string; headlines: Array<{ value: string }> };
    expect(ninjs.headlines[0]?.value).toBe('Kremlin Tells Top Officials They Cannot Resign');
    expect((line.attributes as Record<string, string>)[MESSAGE_ATTRIBUTES.uri]).toBe(ninjs.uri);
    expect(line.idempotencyKey).toMatch(/^[0-9a-f]{64}$/);

    const again = await run(consumeCommand, args);
    expect(again).toEqual({ code: 0, lines: [] });
  });

  it('refuses to run without a queue', async () => {
    await expect(consumeCommand(['--wait', '1'])).rejects.toThrow(/--queue-url/);
  });
});

describe('syndicate redrive', () => {
  it('moves dead letters back after a fix, and they are published', async () => {
    let broken = true;
    running = await startTestPipeline({
      maxReceiveCount: 2,
      // An outage in publish: every attempt fails until "fixed", so SQS parks the record in the DLQ.
      wrapHandler: (stage, handler) =>
        stage === 'publish'
          ? async (event) => {
              if (broken) throw new Error('publish is down');
              return handler(event);
            }
          : handler,
    });
    const { pipeline } = running;
    const publish = pipeline.resources.stages.publish;
    await pipeline.ingest('patriotwise', readFileSync(SEED_ARTICLE));
    await pipeline.waitForIdle();
    expect(await pipeline.drainOutput()).toHaveLength(0);

    broken = false;
    const endpoint = ['--endpoint', pipeline.emulators.endpoints.sqs, '--wait', '0'];
    const moved = await run(redriveCommand, ['--from', publish.dlqUrl, '--to', publish.url, ...endpoint]);
    expect(moved.code).toBe(0);
    // At least once: on a loaded machine tag may redeliver before publish failed, parking two copies.
    expect(moved.lines.length).toBeGreaterThanOrEqual(1);
    expect(moved.lines.every((line) => line.moved === true)).toBe(true);
    await pipeline.waitForIdle();

    // At least once: a loaded machine may redeliver, so count distinct (uri, version) pairs.
    const published = (await pipeline.drainOutput()).map(({ body }) => JSON.parse(body));
    expect(new Set(published.map((d) => `${d.uri}\n${d.version}`)).size).toBe(1);
    expect(published[0]?.uri).toMatch(/^urn:syndicate:patriotwise:/);
    const empty = await run(redriveCommand, ['--from', publish.dlqUrl, '--to', publish.url, ...endpoint]);
    expect(empty).toEqual({ code: 0, lines: [] });
  });
});

async function queue(sqs: SQSClient, name: string): Promise<string> {
  return (await sqs.send(new CreateQueueCommand({ QueueName: name }))).QueueUrl ?? '';
}

/** A pipeline, an empty target queue, and a dead-letter queue holding three letters with reasons. */
async function threeDeadLetters() {
  running = await startTestPipeline();
  const { pipeline } = running;
  const { sqs } = pipeline.clients;
  const [dlq, target] = [await queue(sqs, 'letters'), await queue(sqs, 'target')];
  for (const n of [1, 2, 3]) {
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: dlq,
        MessageBody: `{"n":${n}}`,
        MessageAttributes: { 'syndicate.error.reason': { DataType: 'String', StringValue: `reason ${n}` } },
      }),
    );
  }
  return { sqs, dlq, target, endpoint: ['--endpoint', pipeline.emulators.endpoints.sqs, '--wait', '0'] };
}

describe('syndicate redrive, message handling', () => {
  it('leaves every letter in the dead-letter queue when the send fails', async () => {
    const { sqs, dlq, target, endpoint } = await threeDeadLetters();

    const missing = `${target}-missing`;
    await expect(redriveCommand(['--from', dlq, '--to', missing, ...endpoint])).rejects.toThrow();
    const held = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: dlq,
        AttributeNames: ['ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    // Not sent, so not deleted: the letters are only hidden for the move's visibility timeout.
    expect(held.Attributes?.ApproximateNumberOfMessagesNotVisible).toBe('3');
  });

  it('moves up to --max letters with their attributes', async () => {
    const { sqs, dlq, target, endpoint } = await threeDeadLetters();
    const moved = await run(redriveCommand, ['--from', dlq, '--to', target, '--max', '2', ...endpoint]);
    expect(moved.code).toBe(0);
    expect(moved.lines.map((l) => l.reason).sort()).toEqual(['reason 1', 'reason 2'].sort());

    const received = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: target,
        MaxNumberOfMessages: 10,
        MessageAttributeNames: ['All'],
      }),
    );
    const copies = received.Messages ?? [];
    expect(copies).toHaveLength(2);
    for (const copy of copies) {
      const n = JSON.parse(copy.Body ?? '{}').n;
      expect(copy.MessageAttributes?.['syndicate.error.reason']?.StringValue).toBe(`reason ${n}`);
    }
    const rest = await run(redriveCommand, ['--from', dlq, '--to', target, ...endpoint]);
    expect(rest.lines).toHaveLength(1);
  });

  it('keeps the group and deduplication ids when moving between FIFO queues', async () => {
    running = await startTestPipeline();
    const { pipeline } = running;
    const { sqs } = pipeline.clients;
    const fifo = async (name: string) =>
      (await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: { FifoQueue: 'true' } })))
        .QueueUrl ?? '';
    const [dlq, target] = [await fifo('letters.fifo'), await fifo('target.fifo')];
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: dlq,
        MessageBody: '{"n":1}',
        MessageGroupId: 'story-1',
        MessageDeduplicationId: 'uri-and-version',
      }),
    );
    const endpoint = ['--endpoint', pipeline.emulators.endpoints.sqs, '--wait', '0'];
    const moved = await run(redriveCommand, ['--from', dlq, '--to', target, ...endpoint]);
    expect(moved.lines.map((l) => l.moved)).toEqual([true]);
    const received = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: target, MessageSystemAttributeNames: ['All'] }),
    );
    const copy = received.Messages?.[0];
    expect(copy?.Attributes?.MessageGroupId).toBe('story-1');
    expect(copy?.Attributes?.MessageDeduplicationId).toBe('uri-and-version');
  });
});
