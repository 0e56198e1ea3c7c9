import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ALT_ID_ROLES } from '../../lambdas/publish/ninjs.ts';
import { sha256Hex } from '../../lambdas/shared/hash.ts';
import { type CliProcess, exitCode, waitFor } from '../support/cli-process.ts';
import { PROJECT_ROOT, SEED_ARTICLE } from '../support/paths.ts';
import { tempDir } from '../support/temp-dir.ts';

/**
 * `syndicate serve` and `syndicate push` as a person runs them: separate
 * processes, real HTTP on 127.0.0.1, and a SIGTERM to stop the server.
 */
const SECRET = 'zeta-secret-0123456789abcdef';

type Child = CliProcess;

function runCommand(module: string, exportName: string, args: string[]): Child {
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
  const record: Child = { process: child, stdout: '', stderr: '' };
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
let server: Child | undefined;

beforeAll(() => {
  state = tempDir('syndicate-serve-');
  secretsFile = join(state.path, 'secrets.json');
  writeFileSync(secretsFile, JSON.stringify({ zeta: SECRET }));
});

afterAll(async () => {
  const pid = server?.process.pid;
  if (server && pid !== undefined && server.process.exitCode === null) {
    process.kill(pid, 'SIGKILL');
    await exitCode(server);
  }
  state?.remove();
});

it('serve takes a signed push from the push command, prints the published message, and stops on SIGTERM', async () => {
  server = runCommand('serve', 'serveCommand', [
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

  const push = runCommand('push', 'pushCommand', [
    '--outlet',
    'zeta',
    '--secret-file',
    secretsFile,
    '--url',
    url,
    SEED_ARTICLE,
  ]);
  expect(await exitCode(push)).toBe(0);
  const documentId = sha256Hex(await import('node:fs').then((fs) => fs.readFileSync(SEED_ARTICLE)));
  expect(JSON.parse(push.stdout.trim())).toEqual({ documentId, outlet: 'zeta', format: 'article' });

  const line = await waitFor('a published message on stdout', () =>
    server?.stdout.split('\n').find((l) => l.includes('"standard"')),
  );
  const ninjs = JSON.parse(line) as { altIds: Array<{ role: string; value: string }> };
  expect(ninjs.altIds).toContainEqual({ role: ALT_ID_ROLES.outlet, value: 'zeta' });
  expect(ninjs.altIds).toContainEqual({ role: ALT_ID_ROLES.documentId, value: documentId });

  const wrongSecret = join(state.path, 'wrong-secret.txt');
  writeFileSync(wrongSecret, 'not-the-zeta-secret-0123456789\n');
  const refused = runCommand('push', 'pushCommand', [
    '--outlet',
    'zeta',
    '--secret-file',
    wrongSecret,
    '--url',
    url,
    SEED_ARTICLE,
  ]);
  expect(await exitCode(refused)).toBe(1);
  expect(JSON.parse(refused.stdout.trim())).toEqual({
    error: 'unauthorized',
    message: 'signature does not match',
  });
  expect(refused.stderr).toMatch(/refused with HTTP 401/);

  const pid = server.process.pid;
  expect(pid).toBeDefined();
  process.kill(pid as number, 'SIGTERM');
  expect(await exitCode(server)).toBe(0);
  expect(server.stderr).toMatch(/syndicate serve: stopped/);
});
