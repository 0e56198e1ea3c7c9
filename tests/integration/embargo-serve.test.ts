import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ninjsErrors } from '../../lambdas/publish/validate.ts';
import { type CliProcess, exitCode, stopCli, waitFor } from '../support/cli-process.ts';
import { PROJECT_ROOT } from '../support/paths.ts';
import { tempDir } from '../support/temp-dir.ts';

/**
 * `syndicate serve` holding embargoed pushes: one released by its timer while
 * serve runs, one held across a stop and released by the next serve's start.
 */
const SECRET = 'embargo-secret-0123456789abcdef';
const story = JSON.parse(readFileSync(`${PROJECT_ROOT}fixtures/withdrawals/story.ninjs.json`, 'utf8'));

function runCommand(module: string, exportName: string, args: string[]): CliProcess {
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
  state = tempDir('syndicate-embargo-serve-');
  secretsFile = join(state.path, 'secrets.json');
  writeFileSync(secretsFile, JSON.stringify({ zeta: SECRET }));
});

afterAll(async () => {
  await stopCli(server);
  state?.remove();
});

async function serve(): Promise<{ child: CliProcess; url: string }> {
  const child = runCommand('serve', 'serveCommand', [
    '--state',
    join(state.path, 'state'),
    '--port',
    '0',
    '--secrets',
    secretsFile,
  ]);
  server = child;
  const url = await waitFor(
    'serve to listen',
    () => child.stderr.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/)?.[1],
  );
  return { child, url };
}

/** Pushes the story under `uri` with its own headline, embargoed until `until`. */
async function push(url: string, uri: string, headline: string, until: Date, body: string): Promise<void> {
  const file = join(state.path, `${headline.replaceAll(/\W+/g, '-')}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      ...story,
      uri,
      embargoedUntil: until.toISOString(),
      headlines: [{ role: 'main', value: headline }],
      bodies: [{ role: 'main', contentType: 'text/plain', value: body }],
    }),
  );
  const pushed = runCommand('push', 'pushCommand', [
    '--outlet',
    'zeta',
    '--secret-file',
    secretsFile,
    '--url',
    url,
    file,
  ]);
  expect(await exitCode(pushed)).toBe(0);
}

const published = (child: CliProcess) =>
  child.stdout.split('\n').filter((line) => line.includes('"standard"'));

it('serve releases an embargoed push by its timer, and one held across a stop at its next start', async () => {
  const first = await serve();
  const soon = new Date(Date.now() + 12_000);
  await push(
    first.url,
    'tag:zeta,2026:ferry',
    'Ferry Service Returns After Winter Repairs',
    soon,
    'The island ferry resumed its crossings on Monday after eleven weeks in dry dock, where crews replaced both engines.',
  );
  const later = new Date(Date.now() + 25_000);
  await push(
    first.url,
    'tag:zeta,2026:school',
    'School District Names New Superintendent',
    later,
    'The school board on Wednesday chose Daniel Okafor, a former science teacher, to lead the district from July.',
  );
  // Released by its timer: serve's own sweep runs only every 30 s.
  const line = await waitFor('the first release on stdout', () => published(first.child)[0], 40_000);
  const at = Date.now();
  expect(at).toBeGreaterThanOrEqual(soon.getTime());
  expect(at).toBeLessThan(soon.getTime() + 10_000);
  const ninjs = JSON.parse(line);
  expect(ninjsErrors(ninjs)).toEqual([]);
  expect(ninjs.embargoedUntil).toBe(soon.toISOString());
  expect(ninjs.headlines[0].value).toBe('Ferry Service Returns After Winter Repairs');

  // Stopped while the second is still held: its timer dies with serve's in-memory queue.
  expect(Date.now()).toBeLessThan(later.getTime());
  process.kill(first.child.process.pid as number, 'SIGTERM');
  expect(await exitCode(first.child)).toBe(0);
  expect(published(first.child)).toHaveLength(1);

  await new Promise((resolve) => setTimeout(resolve, Math.max(0, later.getTime() - Date.now() + 500)));
  const second = await serve();
  const released = await waitFor('the held item after the restart', () => published(second.child)[0], 30_000);
  const held = JSON.parse(released);
  expect(ninjsErrors(held)).toEqual([]);
  expect(held.headlines[0].value).toBe('School District Names New Superintendent');
  expect(held.embargoedUntil).toBe(later.toISOString());
  process.kill(second.child.process.pid as number, 'SIGTERM');
  expect(await exitCode(second.child)).toBe(0);
  // Once: not the ferry again, not the school twice.
  expect(published(second.child)).toHaveLength(1);
}, 150_000);
