import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ninjsErrors } from '../../lambdas/publish/validate.ts';
import { EMULATOR_CREDENTIALS } from '../../local/emulators.ts';
import { type CliProcess, exitCode, startCli, stopCli, waitFor } from '../support/cli-process.ts';
import { longFeed } from '../support/long-feed.ts';
import { SEED_ARTICLE } from '../support/paths.ts';
import { tempDir } from '../support/temp-dir.ts';

const MIB = 1024 * 1024;
const MAX_BODY_BYTES = 2_000_000;
const state = tempDir('syndicate-consume-serve-');
let server: CliProcess | undefined;

afterAll(async () => {
  await stopCli(server);
  state.remove();
});

interface PrintedMessage {
  messageId: string;
  idempotencyKey: string;
  claimChecked: boolean;
  attributes: Record<string, string>;
  ninjs: { headlines: Array<{ value: string }> };
}

it('syndicate consume, run exactly as serve prints it, reads what serve publishes, claim checks included', async () => {
  const secrets = join(state.path, 'secrets.json');
  const stateDir = join(state.path, 'state');
  writeFileSync(secrets, JSON.stringify({ kappa: 'kappa-secret-0123456789abcdef' }));
  server = startCli([
    'serve',
    '--state',
    stateDir,
    '--port',
    '0',
    '--secrets',
    secrets,
    '--max-body-bytes',
    String(MAX_BODY_BYTES),
    '--keep-output',
  ]);
  const url = await waitFor(
    'serve to listen',
    () => server?.stderr.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/)?.[1],
  );
  const printed = await waitFor('the consume hint', () =>
    server?.stderr.match(/read it with: (syndicate consume .+)$/m)?.[1]?.trim(),
  );

  // The endpoints file names the local queues and the keys the S3 emulator checks.
  const endpointsFile = join(stateDir, 'endpoints.json');
  const endpoints = JSON.parse(readFileSync(endpointsFile, 'utf8'));
  expect(endpoints.endpoints.push).toBe(`${url}/push`);
  expect(endpoints.output.url).toMatch(/^http:\/\/.+output/);
  expect(endpoints.stages.publish.dlqUrl).toMatch(/^http:/);
  expect(endpoints.credentials).toEqual(EMULATOR_CREDENTIALS);

  const push = (file: string) =>
    startCli(['push', '--outlet', 'kappa', '--secret-file', secrets, '--url', url, file]);
  const big = join(state.path, 'long-feed.json');
  writeFileSync(big, longFeed(5000));
  const tooBig = join(state.path, 'too-big.json');
  writeFileSync(tooBig, longFeed(15_000));
  expect(readFileSync(big).byteLength).toBeLessThan(MAX_BODY_BYTES);
  expect(readFileSync(tooBig).byteLength).toBeGreaterThan(MAX_BODY_BYTES);

  for (const file of [SEED_ARTICLE, big]) expect(await exitCode(push(file))).toBe(0);
  // --max-body-bytes is the limit: a body over it is refused before anything is stored.
  const refused = push(tooBig);
  expect(await exitCode(refused)).toBe(1);
  expect(refused.stderr).toContain('refused with HTTP 413');
  expect(JSON.parse(refused.stdout).error).toBe('too-large');

  // The pipeline needs a moment; consume long-polls, and is run again a bounded number of times.
  // Without --delete what it read stays hidden on the queue for a while, so each run adds the new ones.
  const [command, subcommand, ...args] = printed.split(/\s+/);
  expect([command, subcommand]).toEqual(['syndicate', 'consume']);
  const messages = new Map<string, PrintedMessage>();
  for (let attempt = 0; attempt < 12 && messages.size < 2; attempt++) {
    const consume = startCli(['consume', ...args]);
    expect(await exitCode(consume), consume.stderr).toBe(0);
    for (const line of consume.stdout.split('\n').filter((l) => l.trim().length > 0)) {
      const message = JSON.parse(line) as PrintedMessage;
      messages.set(message.messageId, message);
    }
  }
  expect(messages.size).toBe(2);
  const byClaim = [...messages.values()].sort((a, b) => Number(a.claimChecked) - Number(b.claimChecked));
  const [seed, long] = byClaim;
  expect(seed?.claimChecked).toBe(false);
  expect(seed?.attributes.outlet).toBe('kappa');
  expect(seed?.idempotencyKey).toMatch(/^[0-9a-f]{64}$/);
  expect(ninjsErrors(seed?.ninjs)).toEqual([]);
  expect(seed?.ninjs.headlines[0]?.value).toBe('Kremlin Tells Top Officials They Cannot Resign');
  expect(long?.claimChecked).toBe(true);
  expect(Buffer.byteLength(JSON.stringify(long?.ninjs))).toBeGreaterThan(MIB);
  expect(long?.ninjs.headlines[0]?.value).toBe('Council publishes the full harbour report');
  // serve printed nothing itself: the messages were left for the consumer.
  expect(server.stdout.trim()).toBe('');

  await stopCli(server, 'SIGTERM');
  expect(server.process.exitCode).toBe(0);
  // Its ports are gone with it, so is the file pointing at them.
  expect(existsSync(endpointsFile)).toBe(false);
});
