import type { SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { bootstrapPublish } from '../../../lambdas/publish/bootstrap.ts';
import { loadPublishConfig } from '../../../lambdas/publish/config.ts';
import { MESSAGE_ATTRIBUTES } from '../../../lambdas/publish/contract.ts';
import type { TopicPublishInput } from '../../../lambdas/publish/topic-output.ts';
import { createAwsClients } from '../../../lambdas/shared/clients.ts';
import { ConfigError } from '../../../lambdas/shared/errors.ts';
import { createLogger } from '../../../lambdas/shared/logger.ts';
import { sqsRecord } from '../../support/sqs-record.ts';
import { publishedEnvelope } from './envelope-fixture.ts';

const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:syndicate-output';
const env = {
  RAW_BUCKET: 'raw',
  NEXT_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/syndicate-output',
  DLQ_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/syndicate-publish-dlq',
};

function recordOf(body: string): SQSEvent {
  return { Records: [sqsRecord('m-1', body)] };
}

describe('publish configuration and wiring', () => {
  it('reads the output topic when the deployment fans out, and rejects a malformed one', () => {
    expect(loadPublishConfig({ ...env, OUTPUT_TOPIC_ARN: TOPIC }).outputTopicArn).toBe(TOPIC);
    expect(loadPublishConfig(env).outputTopicArn).toBeUndefined();
    expect(() => loadPublishConfig({ ...env, OUTPUT_TOPIC_ARN: 'syndicate-output' })).toThrow(ConfigError);
  });

  it('refuses to start with a topic but no way to publish to it', () => {
    const config = loadPublishConfig({ ...env, OUTPUT_TOPIC_ARN: TOPIC });
    expect(() => bootstrapPublish(config)).toThrow(/OUTPUT_TOPIC_ARN/);
  });

  it('publishes to the topic, not the queue, with the contract attributes', async () => {
    const config = loadPublishConfig({ ...env, AWS_REGION: 'eu-west-1', OUTPUT_TOPIC_ARN: TOPIC });
    const sent: TopicPublishInput[] = [];
    const clients = createAwsClients(config.aws);
    const handler = bootstrapPublish(config, {
      clients,
      logger: createLogger('publish', 'SILENT'),
      topicSender: async (input) => {
        sent.push(input);
      },
    });
    const envelope = publishedEnvelope();
    const result = await handler(recordOf(JSON.stringify(envelope)));
    for (const client of Object.values(clients)) client.destroy();
    expect(result.batchItemFailures).toEqual([]);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.TopicArn).toBe(TOPIC);
    expect(JSON.parse(sent[0]?.Message ?? '{}').uri).toBe(envelope.dedupe?.uri);
    expect(sent[0]?.MessageAttributes[MESSAGE_ATTRIBUTES.storyId]?.StringValue).toBe(
      envelope.dedupe?.storyId,
    );
    expect(sent[0]?.MessageGroupId).toBeUndefined();
  });
});
