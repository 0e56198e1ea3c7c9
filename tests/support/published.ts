import { QueueConsumer } from '../../consumer/index.ts';
import type { LocalPipeline } from '../../local/pipeline.ts';

/**
 * Everything on the pipeline's output queue, read as a consumer would (claim checks resolved, ninjs
 * validated), with the consumer that read it, to delete them.
 */
export async function readPublished(pipeline: LocalPipeline) {
  const consumer = new QueueConsumer({
    sqs: pipeline.clients.sqs,
    s3: pipeline.clients.s3,
    queueUrl: pipeline.resources.output.url,
    waitSeconds: 0,
    validate: true,
  });
  const messages = [];
  for await (const message of consumer.messages()) messages.push(message);
  return { consumer, messages };
}
