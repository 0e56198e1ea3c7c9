import { parseArgs } from 'node:util';
import { startInspector } from '../inspect/server.ts';
import { info } from '../output.ts';
import { LocalState } from '../state/local-state.ts';
import { UsageError } from '../usage-error.ts';

const DEFAULT_PORT = 8790;

/** A local web page over the state folder on 127.0.0.1, until SIGINT or SIGTERM. */
export async function inspectCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      state: { type: 'string', default: '.syndicate' },
      port: { type: 'string', default: String(DEFAULT_PORT) },
    },
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new UsageError('inspect takes no arguments');
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError('--port must be an integer from 0 to 65535');
  const state = await LocalState.open(values.state);
  try {
    const inspector = await startInspector(state, port);
    const stopped = new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    info(`syndicate inspect: ${inspector.url} (state ${values.state}); Ctrl-C to stop`);
    await stopped;
    await inspector.close();
  } finally {
    await state.close();
  }
  info('syndicate inspect: stopped');
  return 0;
}
