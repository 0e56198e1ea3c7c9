import { describeError } from '../lambdas/shared/errors.ts';
import { info } from './output.ts';
import { COMMAND_HELP, type CommandName } from './usage.ts';
import { UsageError } from './usage-error.ts';

type Command = (argv: string[]) => Promise<number>;

/**
 * Each command's modules load only when it runs (a dynamic import, its own
 * chunk in the built CLI), so `--help`, `push` or `consume` do not pay for the
 * pipeline, the emulators and every SDK client.
 */
const LOADERS: Record<CommandName, () => Promise<Command>> = {
  run: async () => (await import('./commands/run.ts')).runCommand,
  parse: async () => (await import('./commands/parse.ts')).parseCommand,
  push: async () => (await import('./commands/push.ts')).pushCommand,
  serve: async () => (await import('./commands/serve.ts')).serveCommand,
  consume: async () => (await import('./commands/consume.ts')).consumeCommand,
  redrive: async () => (await import('./commands/redrive.ts')).redriveCommand,
  replay: async () => (await import('./commands/replay.ts')).replayCommand,
  explain: async () => (await import('./commands/explain.ts')).explainCommand,
  inspect: async () => (await import('./commands/inspect.ts')).inspectCommand,
};

export const USAGE = ['usage:', ...Object.values(COMMAND_HELP).map((c) => `  ${c.usage}`)].join('\n');

const isCommand = (name: string): name is CommandName => Object.hasOwn(COMMAND_HELP, name);

/** `--help` or `-h` anywhere before a `--` asks for help, as in git and npm. */
export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

/** `usage: …` and the summary; on stderr like every message of the CLI, since stdout carries only data. */
export function commandHelp(name: CommandName): string {
  const { usage, summary } = COMMAND_HELP[name];
  return `usage: ${usage}\n\n${summary}`;
}

/** The `syndicate` CLI: 0 success, 1 something was rejected, 2 usage error. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const topic = rest[0];
    if (name === 'help' && topic !== undefined) {
      if (!isCommand(topic)) {
        info(`syndicate: unknown command "${topic}"\n${USAGE}`);
        return 2;
      }
      info(commandHelp(topic));
      return 0;
    }
    info(USAGE);
    return name ? 0 : 2;
  }
  if (!isCommand(name)) {
    info(`syndicate: unknown command "${name}"\n${USAGE}`);
    return 2;
  }
  if (wantsHelp(rest)) {
    info(commandHelp(name));
    return 0;
  }
  try {
    const command = await LOADERS[name]();
    return await command(rest);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      info(`syndicate ${name}: ${describeError(error)}\nusage: ${COMMAND_HELP[name].usage}`);
      return 2;
    }
    info(`syndicate ${name}: ${describeError(error)}`);
    return 1;
  }
}
