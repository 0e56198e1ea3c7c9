import type { Tracer } from '@aws-lambda-powertools/tracer';
import { createTracer } from '../shared/tracing.ts';
import { bootstrapPublish } from './bootstrap.ts';
import { loadPublishConfig } from './config.ts';
import type { TopicSender } from './topic-output.ts';

/** Only deployments that fan out through a topic load (and pay the cold start of) the SNS client. */
async function snsSender(region: string, tracer: Tracer | undefined): Promise<TopicSender> {
  const [{ SNSClient }, { createSnsSender }] = await Promise.all([
    import('@aws-sdk/client-sns'),
    import('./sns-sender.ts'),
  ]);
  const client = new SNSClient({ region });
  return createSnsSender(tracer ? tracer.captureAWSv3Client(client) : client);
}

// Lambda entry point: configuration is validated, and clients and the tracer are built, once per cold start.
const config = loadPublishConfig();
const tracer = await createTracer('publish');
export const handler = bootstrapPublish(config, {
  tracer,
  ...(config.outputTopicArn ? { topicSender: await snsSender(config.aws.region, tracer) } : {}),
});
