import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { type FauxqsServer, startFauxqs } from 'fauxqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueConsumer } from '../../consumer/consumer.ts';
import { type SubscriptionInterest, subscriptionFilterPolicy } from '../../lambdas/publish/filter-policy.ts';
import { toOutputMessage } from '../../lambdas/publish/message.ts';
import { toNinjs } from '../../lambdas/publish/ninjs.ts';
import {
  createTopicOutput,
  TOPIC_INLINE_LIMIT,
  type TopicSender,
} from '../../lambdas/publish/topic-output.ts';
import type { ItemEnvelope } from '../../lambdas/shared/envelope.ts';
import { publishedEnvelope } from '../unit/publish/envelope-fixture.ts';

/**
 * Stands in for `sns.send(new PublishCommand(input))`: @aws-sdk/client-sns is
 * not a declared dependency yet, so this speaks SNS's query protocol to the
 * emulator directly. It is test scaffolding only; the code under test is the
 * topic output, the filter policies and fauxqs's SNS fan-out.
 */
function querySender(endpoint: string): TopicSender {
  return async (input) => {
    const form = new URLSearchParams({ Action: 'Publish', TopicArn: input.TopicArn, Message: input.Message });
    for (const [i, [name, value]] of Object.entries(input.MessageAttributes).entries()) {
      form.set(`MessageAttributes.entry.${i + 1}.Name`, name);
      form.set(`MessageAttributes.entry.${i + 1}.Value.DataType`, value.DataType ?? 'String');
      form.set(`MessageAttributes.entry.${i + 1}.Value.StringValue`, value.StringValue ?? '');
    }
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    if (!response.ok) throw new Error(`SNS publish failed: ${response.status} ${await response.text()}`);
  };
}

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const SUBSCRIBERS: Record<string, SubscriptionInterest> = {
  everything: {},
  'patriotwise-only': { outlets: ['patriotwise'] },
  'first-versions': { firstVersionsOnly: true },
};

let server: FauxqsServer;
let sqs: SQSClient;
let s3: S3Client;
const queueUrls = new Map<string, string>();

beforeAll(async () => {
  server = await startFauxqs({ host: 'localhost', port: 0, logger: false });
  const endpoint = `http://127.0.0.1:${server.port}`;
  sqs = new SQSClient({ region: 'us-east-1', endpoint, credentials, useQueueUrlAsEndpoint: false });
  s3 = new S3Client({ region: 'us-east-1', endpoint, credentials, forcePathStyle: true });
  server.createTopic('syndicate-output');
  server.createBucket('raw');
  for (const [queue, interest] of Object.entries(SUBSCRIBERS)) {
    queueUrls.set(queue, server.createQueue(queue).queueUrl);
    server.subscribe({
      topic: 'syndicate-output',
      queue,
      attributes: {
        RawMessageDelivery: 'true',
        FilterPolicy: JSON.stringify(subscriptionFilterPolicy(interest)),
      },
    });
  }
  // A team that forgot raw message delivery: the consumer helper unwraps SNS's envelope.
  queueUrls.set('enveloped', server.createQueue('enveloped').queueUrl);
  server.subscribe({
    topic: 'syndicate-output',
    queue: 'enveloped',
    attributes: { FilterPolicy: JSON.stringify(subscriptionFilterPolicy({ outlets: ['wire'] })) },
  });
});

afterAll(async () => {
  sqs?.destroy();
  s3?.destroy();
  await server?.stop();
});

function envelope(outlet: string, version: number, bodyText?: string): ItemEnvelope {
  const base = publishedEnvelope({ version, decision: version === 1 ? 'new' : 'version' });
  return {
    ...base,
    document: { ...base.document, outlet },
    ...(bodyText ? { item: { ...base.item, bodyText } } : {}),
  };
}

async function received(queue: string): Promise<string[]> {
  const queueUrl = queueUrls.get(queue) ?? '';
  const consumer = new QueueConsumer({ sqs, s3, queueUrl, waitSeconds: 0, validate: true });
  const seen: string[] = [];
  await consumer.process(async (m) => {
    seen.push(`${m.attributes.outlet} v${m.attributes.version}${m.claimChecked ? ' claim' : ''}`);
  });
  return seen.sort();
}

describe('fan-out through an SNS topic with filter policies', () => {
  it('delivers each message, unchanged, to the queues whose filter policy matches', async () => {
    const topicArn = 'arn:aws:sns:us-east-1:000000000000:syndicate-output';
    const output = createTopicOutput({
      send: querySender(`http://127.0.0.1:${server.port}/`),
      s3,
      topicArn,
      fifo: false,
      claimBucket: 'raw',
    });
    const big = 'A long report paragraph. '.repeat(Math.ceil(TOPIC_INLINE_LIMIT / 20));
    for (const e of [envelope('patriotwise', 1), envelope('patriotwise', 2), envelope('wire', 1, big)])
      await output.publish([toOutputMessage(e, toNinjs(e))]);

    expect(await received('everything')).toEqual(['patriotwise v1', 'patriotwise v2', 'wire v1 claim']);
    expect(await received('patriotwise-only')).toEqual(['patriotwise v1', 'patriotwise v2']);
    expect(await received('first-versions')).toEqual(['patriotwise v1', 'wire v1 claim']);
    expect(await received('enveloped')).toEqual(['wire v1 claim']);
  });
});
