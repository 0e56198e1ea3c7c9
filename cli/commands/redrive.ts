import { parseArgs } from 'node:util';
import { consumerClients } from '../../consumer/clients.ts';
import { redrive } from '../../consumer/redrive.ts';
import { info, writeLine } from '../output.ts';
import { UsageError } from '../usage-error.ts';
import { integerOption } from './consume.ts';

/**
 * Moves dead letters back to a queue after a fix, body and attributes
 * unchanged; one JSON line per message. Each is deleted from the dead-letter
 * queue only after its copy was accepted. Exit 1 if any could not be moved.
 */
export async function redriveCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      endpoint: { type: 'string' },
      max: { type: 'string' },
      wait: { type: 'string', default: '1' },
    },
  });
  if (!values.from || !values.to) throw new UsageError('redrive needs --from and --to');
  if (values.from === values.to) throw new UsageError('--from and --to must be different queues');
  const max = values.max === undefined ? undefined : integerOption('--max', values.max, 1, 1_000_000);
  const { sqs, s3 } = consumerClients(values.endpoint ? { sqsEndpoint: values.endpoint } : {});
  s3.destroy();
  try {
    const outcomes = await redrive({
      sqs,
      from: values.from,
      to: values.to,
      waitSeconds: integerOption('--wait', values.wait, 0, 20),
      ...(max !== undefined ? { maxMessages: max } : {}),
    });
    for (const outcome of outcomes) await writeLine(JSON.stringify(outcome));
    const failed = outcomes.filter((o) => !o.moved).length;
    info(`syndicate redrive: ${outcomes.length - failed} moved, ${failed} left in the dead-letter queue`);
    return failed > 0 ? 1 : 0;
  } finally {
    sqs.destroy();
  }
}
