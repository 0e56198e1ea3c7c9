import { describeError } from '../lambdas/shared/errors.ts';
import { CONSUME_USAGE, consumeCommand } from './commands/consume.ts';
import { PARSE_USAGE, parseCommand } from './commands/parse.ts';
import { PUSH_USAGE, pushCommand } from './commands/push.ts';
import { REDRIVE_USAGE, redriveCommand } from './commands/redrive.ts';
import { REPLAY_USAGE, replayCommand } from './commands/replay.ts';
import { RUN_USAGE, runCommand } from './commands/run.ts';
import { SERVE_USAGE, serveCommand } from './commands/serve.ts';
import { info } from './output.ts';
import { UsageError } from './usage-error.ts';

type Command = (argv: string[]) => Promise<number>;

const COMMANDS: Record<string, { run: Command; usage: string }> = {
  run: { run: runCommand, usage: RUN_USAGE },
  parse: { run: parseCommand, usage: PARSE_USAGE },
  push: { run: pushCommand, usage: PUSH_USAGE },
  serve: { run: serveCommand, usage: SERVE_USAGE },
  consume: { run: consumeCommand, usage: CONSUME_USAGE },
  redrive: { run: redriveCommand, usage: REDRIVE_USAGE },
  replay: { run: replayCommand, usage: REPLAY_USAGE },
};

export const USAGE = ['usage:', ...Object.values(COMMANDS).map((c) => `  ${c.usage}`)].join('\n');

/** The `syndicate` CLI: 0 success, 1 something was rejected, 2 usage error. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    info(USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    info(`syndicate: unknown command "${name}"\n${USAGE}`);
    return 2;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      info(`syndicate ${name}: ${describeError(error)}\nusage: ${command.usage}`);
      return 2;
    }
    info(`syndicate ${name}: ${describeError(error)}`);
    return 1;
  }
}
