import { parseArgs } from 'node:util';
import { consumerClients } from '../../consumer/clients.ts';
import { QueueConsumer } from '../../consumer/consumer.ts';
import type { PublishedMessage } from '../../consumer/published-message.ts';
import { clientOptions, localEndpoints, noLocalServe } from '../local-endpoints.ts';
import { info, writeLine } from '../output.ts';
import { UsageError } from '../usage-error.ts';

/** Reads a whole-number option within bounds; anything else is a usage error. */
export function integerOption(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`${name} must be a whole number ${min}–${max}`);
  return n;
}

function toLine(message: PublishedMessage): string {
  return JSON.stringify({
    messageId: message.messageId,
    idempotencyKey: message.idempotencyKey,
    attributes: message.attributes,
    claimChecked: message.claimChecked,
    receiveCount: message.receiveCount,
    ...(message.groupId ? { groupId: message.groupId } : {}),
    ninjs: message.ninjs,
  });
}

/**
 * Prints the messages on an output queue as JSON lines, claim checks
 * resolved, until the queue is drained or --max is reached. Without --delete
 * the messages stay on the queue and reappear after their visibility timeout.
 */
export async function consumeCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'queue-url': { type: 'string' },
      state: { type: 'string', default: '.syndicate' },
      endpoint: { type: 'string' },
      's3-endpoint': { type: 'string' },
      max: { type: 'string' },
      wait: { type: 'string', default: '5' },
      delete: { type: 'boolean', default: false },
      validate: { type: 'boolean', default: false },
    },
  });
  const local = localEndpoints(values.state);
  const queueUrl = values['queue-url'] ?? local?.output.url;
  if (!queueUrl) throw noLocalServe(values.state, 'consume needs --queue-url');
  const max = values.max === undefined ? undefined : integerOption('--max', values.max, 1, 1_000_000);
  const wait = integerOption('--wait', values.wait, 0, 20);
  // Locally SQS and S3 listen on ports of their own; on AWS both endpoints are left out.
  const { sqs, s3 } = consumerClients(
    clientOptions(local, [queueUrl], { endpoint: values.endpoint, s3Endpoint: values['s3-endpoint'] }),
  );
  try {
    const consumer = new QueueConsumer({
      sqs,
      s3,
      queueUrl,
      waitSeconds: wait,
      validate: values.validate,
      ...(max !== undefined ? { maxMessages: max } : {}),
    });
    let count = 0;
    if (values.delete) {
      const result = await consumer.process(async (message) => writeLine(toLine(message)));
      count = result.processed;
    } else {
      for await (const message of consumer.messages()) {
        await writeLine(toLine(message));
        count++;
      }
    }
    info(
      `syndicate consume: ${count} message(s)${values.delete ? ' printed and deleted' : ' printed (left on the queue)'}`,
    );
    return 0;
  } finally {
    sqs.destroy();
    s3.destroy();
  }
}
