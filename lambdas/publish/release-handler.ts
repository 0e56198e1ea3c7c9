import { SNSClient } from '@aws-sdk/client-sns';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { TransientError } from '../shared/errors.ts';
import { createTracer } from '../shared/tracing.ts';
import { loadReleaseConfig } from './config.ts';
import { bootstrapRelease } from './release-bootstrap.ts';
import { createSnsSender } from './sns-sender.ts';

// Lambda entry point of the release function: the held queue's timers, and the sweep on a schedule.
const config = loadReleaseConfig();
const tracer = await createTracer('release');
const sns = config.outputTopicArn ? new SNSClient({ region: config.aws.region }) : undefined;
const { release, sweep } = bootstrapRelease(config, {
  tracer,
  ...(sns ? { topicSender: createSnsSender(tracer ? tracer.captureAWSv3Client(sns) : sns) } : {}),
});

function isSqsEvent(event: unknown): event is SQSEvent {
  return typeof event === 'object' && event !== null && Array.isArray((event as SQSEvent).Records);
}

/** One function, two triggers: an SQS batch of timers, or the schedule's event (anything else). */
export async function handler(event: unknown, context?: Context): Promise<SQSBatchResponse | undefined> {
  if (isSqsEvent(event)) return release(event, context);
  const summary = await sweep();
  // Failed so the function's error alarm sees it; the items stay held and the next sweep retries.
  if (summary.failed > 0) throw new TransientError(`${summary.failed} held item(s) could not be released`);
  return undefined;
}
