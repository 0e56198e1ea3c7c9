import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PollSummary } from '../../lambdas/poller/stage.ts';
import { ALT_ID_ROLES } from '../../lambdas/publish/ninjs.ts';
import { OutletRegistry } from '../../lambdas/shared/outlets.ts';
import { serveLocal } from '../../local/ingest-serve.ts';
import { tempDir } from '../support/temp-dir.ts';

const FEED =
  '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Theta</title>' +
  '<id>urn:theta</id><updated>2026-11-24T09:00:00Z</updated><entry><id>urn:theta:1</id>' +
  '<title>Bridge closed for repairs</title><updated>2026-11-24T09:00:00Z</updated>' +
  '<link href="https://theta.example/1"/><summary>The bridge closes for two weeks.</summary></entry></feed>';

let server: Server;
let feedUrl: string;
let hits = 0;
let dir: { path: string; remove: () => void };

beforeAll(async () => {
  dir = tempDir('syndicate-serve-poll-');
  server = createServer((_request, response) => {
    hits++;
    response.writeHead(200, { 'content-type': 'application/atom+xml', etag: '"t1"' });
    response.end(FEED);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/atom.xml`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  dir?.remove();
});

it('serve polls registered feeds on its timer and shows what they publish', async () => {
  const secretsFile = join(dir.path, 'secrets.json');
  writeFileSync(secretsFile, JSON.stringify({ theta: 'theta-secret-0123456789' }));
  const controller = new AbortController();
  const outputs: string[] = [];
  const polls: PollSummary[] = [];
  const errors: unknown[] = [];
  const stopAfter = setTimeout(() => controller.abort(), 40_000);
  await serveLocal({
    stateDir: join(dir.path, 'state'),
    secretsFile,
    outlets: new OutletRegistry([{ id: 'theta', feeds: [feedUrl] }]),
    pollSeconds: 1,
    drainIntervalMs: 100,
    logLevel: 'SILENT',
    signal: controller.signal,
    onOutput: (body) => {
      outputs.push(body);
      // Stop once the first message is out and a second poll has happened.
      if (polls.length >= 2) controller.abort();
    },
    onPoll: (summary) => {
      polls.push(summary);
      if (polls.length >= 2 && outputs.length > 0) controller.abort();
    },
    onError: (error) => errors.push(error),
  });
  clearTimeout(stopAfter);
  expect(errors).toEqual([]);
  expect(polls[0]).toMatchObject({ feeds: 1, stored: 1 });
  expect(polls[1]).toMatchObject({ feeds: 1, unchanged: 1, stored: 0 });
  expect(hits).toBeGreaterThanOrEqual(2);
  expect(outputs).toHaveLength(1);
  const ninjs = JSON.parse(outputs[0] ?? '{}') as { altIds: Array<{ role: string; value: string }> };
  expect(ninjs.altIds).toContainEqual({ role: ALT_ID_ROLES.outlet, value: 'theta' });
});
