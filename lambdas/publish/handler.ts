import type { Tracer } from '@aws-lambda-powertools/tracer';
import { SNSClient } from '@aws-sdk/client-sns';
import { createTracer } from '../shared/tracing.ts';
import { bootstrapPublish } from './bootstrap.ts';
import { loadPublishConfig } from './config.ts';
import { createSnsSender } from './sns-sender.ts';
import type { TopicSender } from './topic-output.ts';

/**
 * Only deployments that fan out through a topic build the SNS client. Its code is imported
 * statically all the same: import()ing it made esbuild wrap much of the AWS SDK, which the
 * S3 and SQS clients share, for lazy initialisation, and that cost every cold start more
 * than loading the SNS module does (lib/bundle-stubs/event-streams.mjs explains the wrapping).
 */
function snsSender(region: string, tracer: Tracer | undefined): TopicSender {
  const client = new SNSClient({ region });
  return createSnsSender(tracer ? tracer.captureAWSv3Client(client) : client);
}

// Lambda entry point: configuration is validated, and clients and the tracer are built, once per cold start.
const config = loadPublishConfig();
const tracer = await createTracer('publish');
export const handler = bootstrapPublish(config, {
  tracer,
  ...(config.outputTopicArn ? { topicSender: snsSender(config.aws.region, tracer) } : {}),
});
