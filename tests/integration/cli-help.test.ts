import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { COMMAND_HELP } from '../../cli/usage.ts';
import { PROJECT_ROOT } from '../support/paths.ts';

function syndicate(...args: string[]) {
  const result = spawnSync(process.execPath, [`${PROJECT_ROOT}bin/syndicate.js`, ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const COMMANDS = Object.keys(COMMAND_HELP) as Array<keyof typeof COMMAND_HELP>;

describe('syndicate --help', () => {
  it('lists every command with exit 0', () => {
    const result = syndicate('--help');
    expect(result.status).toBe(0);
    for (const name of COMMANDS) expect(result.stderr).toContain(`  syndicate ${name} `);
  });

  it.each(COMMANDS)('%s --help and -h print its usage and exit 0, doing nothing else', (name) => {
    for (const flag of ['--help', '-h']) {
      const result = syndicate(name, flag);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stderr).toBe(`usage: ${COMMAND_HELP[name].usage}\n\n${COMMAND_HELP[name].summary}\n`);
      expect(result.stdout).toBe('');
    }
  });

  it('wins over other arguments and is also `syndicate help CMD`', () => {
    const late = syndicate('push', '--outlet', 'x', '--help');
    expect(late.status).toBe(0);
    expect(late.stderr).toMatch(/^usage: syndicate push /);
    const help = syndicate('help', 'consume');
    expect(help.status).toBe(0);
    expect(help.stderr).toMatch(/^usage: syndicate consume /);
  });

  it('keeps exit 2 for usage errors', () => {
    const unknown = syndicate('run', '--no-such-option', 'x');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain(`usage: ${COMMAND_HELP.run.usage}`);
    expect(syndicate('parse').status).toBe(2);
    expect(syndicate('no-such-command').status).toBe(2);
    expect(syndicate('help', 'no-such-command').status).toBe(2);
    expect(syndicate().status).toBe(2);
  });
});
