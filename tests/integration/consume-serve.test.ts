import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ninjsErrors } from '../../lambdas/publish/validate.ts';
import { type CliProcess, exitCode, startCli, stopCli, waitFor } from '../support/cli-process.ts';
import { SEED_ARTICLE } from '../support/paths.ts';
import { tempDir } from '../support/temp-dir.ts';

const state = tempDir('syndicate-consume-serve-');
let server: CliProcess | undefined;

afterAll(async () => {
  await stopCli(server);
  state.remove();
});

it('syndicate consume reads what syndicate serve publishes', async () => {
  const secrets = join(state.path, 'secrets.json');
  writeFileSync(secrets, JSON.stringify({ kappa: 'kappa-secret-0123456789abcdef' }));
  server = startCli([
    'serve',
    '--state',
    join(state.path, 'state'),
    '--port',
    '0',
    '--secrets',
    secrets,
    '--keep-output',
  ]);
  const url = await waitFor(
    'serve to listen',
    () => server?.stderr.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/)?.[1],
  );
  const consumeArgs = await waitFor('the consume hint', () =>
    server?.stderr
      .match(/read it with: syndicate consume (.+)$/m)?.[1]
      ?.trim()
      .split(/\s+/),
  );

  const push = startCli(['push', '--outlet', 'kappa', '--secret-file', secrets, '--url', url, SEED_ARTICLE]);
  expect(await exitCode(push)).toBe(0);

  // The pipeline needs a moment; consume long-polls, and is retried a bounded number of times.
  let lines: string[] = [];
  for (let attempt = 0; attempt < 10 && lines.length === 0; attempt++) {
    const consume = startCli(['consume', ...consumeArgs, '--max', '10', '--wait', '2', '--delete']);
    expect(await exitCode(consume)).toBe(0);
    lines = consume.stdout.split('\n').filter((line) => line.trim().length > 0);
  }
  expect(lines).toHaveLength(1);
  const printed = JSON.parse(lines[0] ?? '{}') as {
    idempotencyKey: string;
    attributes: Record<string, string>;
    ninjs: { headlines: Array<{ value: string }> };
  };
  const { ninjs } = printed;
  expect(printed.attributes.outlet).toBe('kappa');
  expect(printed.idempotencyKey).toMatch(/^[0-9a-f]{64}$/);
  expect(ninjsErrors(ninjs)).toEqual([]);
  expect(ninjs.headlines[0]?.value).toBe('Kremlin Tells Top Officials They Cannot Resign');
  // serve printed nothing itself: the message was left for the consumer.
  expect(server.stdout.trim()).toBe('');

  await stopCli(server, 'SIGTERM');
  expect(server.process.exitCode).toBe(0);
});
