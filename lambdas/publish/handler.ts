import { SNSClient } from '@aws-sdk/client-sns';
import { bootstrapPublish } from './bootstrap.ts';
import { loadPublishConfig } from './config.ts';
import { createSnsSender } from './sns-sender.ts';

// Lambda entry point: configuration is validated and clients are built once per cold start.
const config = loadPublishConfig();
export const handler = bootstrapPublish(config, {
  ...(config.outputTopicArn
    ? { topicSender: createSnsSender(new SNSClient({ region: config.aws.region })) }
    : {}),
});
