import { readFileSync } from 'node:fs';
import type { SQSEvent } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTRACT_VERSION, MESSAGE_ATTRIBUTES, NINJS_CONTENT_TYPE } from '../../lambdas/publish/contract.ts';
import { ALT_ID_ROLES } from '../../lambdas/publish/ninjs.ts';
import type { StageHandler } from '../../local/pipeline.ts';
import { startTestPipeline, type TestPipeline } from '../support/local-pipeline.ts';
import { SEED_ARTICLE } from '../support/paths.ts';
import { readPublished } from '../support/published.ts';

/**
 * Stage queues hide a record this long while a handler works on it: long enough that a slow, loaded
 * machine does not see a redelivery (which at-least-once allows, and which would publish twice).
 */
const NO_REDELIVERY = 30;

let running: TestPipeline | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** Fault injection: publish receives envelopes whose uri is not a URI, as a faulty dedupe stage would send. */
function breakUris(handler: StageHandler): StageHandler {
  return (event: SQSEvent) =>
    handler({
      Records: event.Records.map((record) => {
        const envelope = JSON.parse(record.body);
        envelope.dedupe.uri = 'not a uri';
        return { ...record, body: JSON.stringify(envelope) };
      }),
    });
}

describe('publishing to the output queue', () => {
  it('sends the seed article as one ninjs message with every contract attribute', async () => {
    running = await startTestPipeline({ visibilityTimeout: NO_REDELIVERY });
    const { pipeline } = running;
    await pipeline.ingest('patriotwise', readFileSync(SEED_ARTICLE));
    await pipeline.waitForIdle();

    const { consumer, messages } = await readPublished(pipeline);
    expect(messages).toHaveLength(1);
    const [message] = messages;
    if (!message) throw new Error('no message');
    const storyId = (message.ninjs.altIds as Array<{ role: string; value: string }>).find(
      (a) => a.role === ALT_ID_ROLES.storyId,
    )?.value;
    expect(message.attributes).toMatchObject({
      [MESSAGE_ATTRIBUTES.outlet]: 'patriotwise',
      [MESSAGE_ATTRIBUTES.storyId]: storyId,
      [MESSAGE_ATTRIBUTES.uri]: message.ninjs.uri,
      [MESSAGE_ATTRIBUTES.version]: '1',
      [MESSAGE_ATTRIBUTES.decision]: 'new',
      [MESSAGE_ATTRIBUTES.contentType]: NINJS_CONTENT_TYPE,
      [MESSAGE_ATTRIBUTES.contractVersion]: CONTRACT_VERSION,
    });
    expect(message.raw.MessageAttributes?.[MESSAGE_ATTRIBUTES.version]?.DataType).toBe('Number');
    expect(message.ninjs.uri).toMatch(/^urn:syndicate:patriotwise:/);
    await consumer.delete(messages);
    expect(await pipeline.drainOutput()).toHaveLength(0);
  });

  it('sends a document that fails ninjs validation to the publish DLQ with the reason, not to consumers', async () => {
    running = await startTestPipeline({
      visibilityTimeout: NO_REDELIVERY,
      wrapHandler: (stage, handler) => (stage === 'publish' ? breakUris(handler) : handler),
    });
    const { pipeline } = running;
    await pipeline.ingest('patriotwise', readFileSync(SEED_ARTICLE));
    await pipeline.waitForIdle();

    expect(await pipeline.drainOutput()).toHaveLength(0);
    const letters = await pipeline.deadLetters();
    expect(letters.length).toBeGreaterThan(0);
    for (const letter of letters) {
      expect(letter.stage).toBe('publish');
      expect(letter.code).toBe('ninjs-invalid');
      expect(letter.reason).toContain('/uri');
      expect(JSON.parse(letter.body).dedupe.uri).toBe('not a uri');
    }
  });
});
