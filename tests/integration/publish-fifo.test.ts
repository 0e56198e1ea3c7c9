import { readFileSync } from 'node:fs';
import { CreateQueueCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { afterEach, describe, expect, it } from 'vitest';
import { idempotencyKey, MESSAGE_ATTRIBUTES } from '../../lambdas/publish/contract.ts';
import { toOutputMessage } from '../../lambdas/publish/message.ts';
import { toNinjs } from '../../lambdas/publish/ninjs.ts';
import { createOutputQueue } from '../../lambdas/publish/output-queue.ts';
import { startTestPipeline, type TestPipeline } from '../support/local-pipeline.ts';
import { SEED_ARTICLE } from '../support/paths.ts';
import { publishedEnvelope } from '../unit/publish/envelope-fixture.ts';

let running: TestPipeline | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe('FIFO output queue', () => {
  it('does not double-publish when the publish stage handles the same record twice', async () => {
    let invocations = 0;
    running = await startTestPipeline({
      fifoOutput: true,
      visibilityTimeout: 30,
      // A redelivery after a successful send (e.g. the function timed out before SQS deleted the record).
      wrapHandler: (stage, handler) =>
        stage !== 'publish'
          ? handler
          : async (event) => {
              invocations++;
              await handler(event);
              return handler(event);
            },
    });
    const { pipeline } = running;
    expect(pipeline.resources.output.url.endsWith('.fifo')).toBe(true);
    await pipeline.ingest('patriotwise', readFileSync(SEED_ARTICLE));
    await pipeline.waitForIdle();

    const published = await pipeline.drainOutput();
    expect(invocations).toBeGreaterThan(0);
    expect(published).toHaveLength(1);
    const [only] = published;
    const ninjs = JSON.parse(only?.body ?? '{}');
    const system = only?.message.Attributes ?? {};
    expect(system.MessageGroupId).toBe(
      only?.message.MessageAttributes?.[MESSAGE_ATTRIBUTES.storyId]?.StringValue,
    );
    expect(system.MessageDeduplicationId).toBe(idempotencyKey(ninjs.uri, ninjs.version));
  });

  it('keeps both copies on a standard queue, which is why consumers dedupe on uri + version', async () => {
    running = await startTestPipeline();
    const { pipeline } = running;
    const { sqs, s3 } = pipeline.clients;
    const created = await sqs.send(new CreateQueueCommand({ QueueName: 'standard-copy' }));
    const queueUrl = created.QueueUrl ?? '';
    const output = createOutputQueue({
      sqs,
      s3,
      queueUrl,
      fifo: false,
      claimBucket: pipeline.resources.bucket,
    });
    const envelope = publishedEnvelope();
    const message = toOutputMessage(envelope, toNinjs(envelope));
    await output.publish([message]);
    await output.publish([message]);
    const received = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }),
    );
    expect(received.Messages).toHaveLength(2);
  });
});
