import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ninjsErrors } from '../../lambdas/publish/validate.ts';
import { type CliProcess, exitCode, waitFor } from '../support/cli-process.ts';
import { PROJECT_ROOT } from '../support/paths.ts';
import { tempDir } from '../support/temp-dir.ts';

/** A kill pushed as `syndicate push --kill ID` (a signed DELETE) to `syndicate serve`, as processes. */
const SECRET = 'lakeshore-secret-0123456789abcdef';
const STORY = `${PROJECT_ROOT}fixtures/withdrawals/story.ninjs.json`;
const STORY_ID = 'urn:newsml:lakeshore.example:2026:harbor-dredging';

function command(module: string, exportName: string, args: string[]): CliProcess {
  const script =
    `const m = await import(${JSON.stringify(`./cli/commands/${module}.ts`)});` +
    `process.exitCode = await m.${exportName}(process.argv.slice(1));`;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script, '--', ...args],
    {
      cwd: PROJECT_ROOT,
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const record: CliProcess = { process: child, stdout: '', stderr: '' };
  child.stdout?.on('data', (chunk: Buffer) => {
    record.stdout += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    record.stderr += chunk.toString('utf8');
  });
  return record;
}

let state: { path: string; remove: () => void };
let secretsFile: string;
let server: CliProcess | undefined;

beforeAll(() => {
  state = tempDir('syndicate-kill-');
  secretsFile = join(state.path, 'secrets.json');
  writeFileSync(secretsFile, JSON.stringify({ lakeshore: SECRET }));
});

afterAll(async () => {
  const pid = server?.process.pid;
  if (server && pid !== undefined && server.process.exitCode === null) {
    process.kill(pid, 'SIGKILL');
    await exitCode(server);
  }
  state?.remove();
});

const published = () =>
  (server?.stdout ?? '')
    .split('\n')
    .filter((line) => line.includes('"standard"'))
    .map((line) => JSON.parse(line) as { uri: string; version: string; pubStatus: string });

it('serve publishes the canceled version of a story killed with push --kill, and refuses --kill with --withhold', async () => {
  server = command('serve', 'serveCommand', [
    '--state',
    join(state.path, 'state'),
    '--port',
    '0',
    '--secrets',
    secretsFile,
  ]);
  const url = await waitFor(
    'serve to listen',
    () => server?.stderr.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/)?.[1],
  );
  const auth = ['--outlet', 'lakeshore', '--secret-file', secretsFile, '--url', url];

  expect(await exitCode(command('push', 'pushCommand', [...auth, STORY]))).toBe(0);
  const [story] = await waitFor('the story', () => (published().length === 1 ? published() : undefined));

  const kill = command('push', 'pushCommand', [...auth, '--kill', STORY_ID]);
  expect(await exitCode(kill)).toBe(0);
  expect(JSON.parse(kill.stdout.trim())).toMatchObject({ outlet: 'lakeshore', format: 'ninjs' });
  expect(kill.stderr).toMatch(/kill of urn:newsml/);
  const canceled = await waitFor('the canceled version', () =>
    published().find((m) => m.pubStatus === 'canceled'),
  );
  expect(canceled).toMatchObject({ uri: story?.uri, version: '2' });
  expect(ninjsErrors(canceled)).toEqual([]);

  const both = command('push', 'pushCommand', [...auth, '--kill', STORY_ID, '--withhold', STORY_ID]);
  // A usage error (main turns it into exit 2): nothing is sent.
  expect(await exitCode(both)).not.toBe(0);
  expect(both.stderr).toMatch(/--kill or --withhold, not both/);

  const pid = server.process.pid as number;
  process.kill(pid, 'SIGTERM');
  expect(await exitCode(server)).toBe(0);
});
