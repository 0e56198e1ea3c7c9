import { parseArgs } from 'node:util';
import { consumerClients } from '../../consumer/clients.ts';
import { redrive } from '../../consumer/redrive.ts';
import type { LocalEndpoints } from '../../local/endpoints-file.ts';
import { STAGES, type Stage } from '../../local/provision.ts';
import { clientOptions, localEndpoints, noLocalServe } from '../local-endpoints.ts';
import { info, writeLine } from '../output.ts';
import { UsageError } from '../usage-error.ts';
import { integerOption } from './consume.ts';

const QUEUE_NAMES: readonly string[] = [...STAGES, 'output'];

/**
 * A queue URL, or a stage name (`output` included) standing for that stage's
 * dead-letter queue (`--from`) or queue (`--to`) in the local endpoints file.
 */
function queueUrl(value: string, which: 'url' | 'dlqUrl', local: LocalEndpoints | undefined, state: string) {
  if (!QUEUE_NAMES.includes(value)) return value;
  if (!local) throw noLocalServe(state, `"${value}" names a local queue: give its URL`);
  const pair = value === 'output' ? local.output : local.stages[value as Stage];
  return pair[which];
}

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
      state: { type: 'string', default: '.syndicate' },
      endpoint: { type: 'string' },
      max: { type: 'string' },
      wait: { type: 'string', default: '1' },
    },
  });
  if (!values.from || !values.to) throw new UsageError('redrive needs --from and --to');
  const local = localEndpoints(values.state);
  const from = queueUrl(values.from, 'dlqUrl', local, values.state);
  const to = queueUrl(values.to, 'url', local, values.state);
  if (from === to) throw new UsageError('--from and --to must be different queues');
  const max = values.max === undefined ? undefined : integerOption('--max', values.max, 1, 1_000_000);
  const { sqs, s3 } = consumerClients(clientOptions(local, [from, to], { endpoint: values.endpoint }));
  s3.destroy();
  try {
    const outcomes = await redrive({
      sqs,
      from,
      to,
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
