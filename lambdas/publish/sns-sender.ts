import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { TopicSender } from './topic-output.ts';

/** The SNS side of fan-out: one Publish per message, in the SDK's own request shape. */
export function createSnsSender(sns: SNSClient): TopicSender {
  return (input) => sns.send(new PublishCommand({ ...input }));
}
