import { describeError } from '../lambdas/shared/errors.ts';
import { PARSE_USAGE, parseCommand } from './commands/parse.ts';
import { RUN_USAGE, runCommand } from './commands/run.ts';
import { info } from './output.ts';
import { UsageError } from './usage-error.ts';

type Command = (argv: string[]) => Promise<number>;

const COMMANDS: Record<string, { run: Command; usage: string }> = {
  run: { run: runCommand, usage: RUN_USAGE },
  parse: { run: parseCommand, usage: PARSE_USAGE },
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
