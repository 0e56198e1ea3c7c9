import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bootstrapPoller } from '../../lambdas/poller/bootstrap.ts';
import { pollerConfigSchema } from '../../lambdas/poller/config.ts';
import { DynamoPollStateStore } from '../../lambdas/poller/poll-state.ts';
import type { PollerHandler } from '../../lambdas/poller/stage.ts';
import { MESSAGE_ATTRIBUTES } from '../../lambdas/publish/contract.ts';
import { sha256Hex } from '../../lambdas/shared/hash.ts';
import { createLogger } from '../../lambdas/shared/logger.ts';
import { OutletRegistry } from '../../lambdas/shared/outlets.ts';
import { startTestPipeline, type TestPipeline } from '../support/local-pipeline.ts';

type Route = (response: ServerResponse, headers: IncomingHttpHeaders) => void;

const BASE_BACKOFF = 60;
const MAX_BYTES = 8 * 1024;
const TIMEOUT_MS = 400;

let test: TestPipeline;
let server: Server;
let feedUrl: string;
let route: Route = (response) => response.end();
let requests: IncomingHttpHeaders[] = [];
let s3Writes: string[] = [];
let nowMs = Date.parse('2026-11-25T12:00:00Z');
let poll: PollerHandler;
let state: DynamoPollStateStore;

function rss(items: Array<{ guid: string; title: string; text: string }>): string {
  const entries = items
    .map(
      (i) =>
        `<item><title>${i.title}</title><link>https://epsilon.example/${i.guid}</link><guid>${i.guid}</guid>` +
        `<pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate><description>${i.text}</description></item>`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Epsilon</title>' +
    `<link>https://epsilon.example/</link><description>News</description>${entries}</channel></rss>`
  );
}
const FIRST = rss([
  { guid: 'e-1', title: 'Harbour reopens', text: 'The harbour reopened on Monday after repairs.' },
]);
const SECOND = rss([
  { guid: 'e-1', title: 'Harbour reopens', text: 'The harbour reopened on Monday after repairs.' },
  {
    guid: 'e-2',
    title: 'Council votes on budget',
    text: 'The council approved the budget by nine votes to four.',
  },
]);

const serveFeed =
  (body: string, etag: string): Route =>
  (response, headers) => {
    if (headers['if-none-match'] === etag) {
      response.writeHead(304, { etag });
      response.end();
      return;
    }
    response.writeHead(200, {
      'content-type': 'application/rss+xml; charset=utf-8',
      etag,
      'last-modified': 'Tue, 24 Nov 2026 10:00:00 GMT',
    });
    response.end(body);
  };

beforeAll(async () => {
  // Long enough that a slow handler on a loaded machine is not redelivered (and published twice):
  // these tests count messages, and at-least-once redelivery is not what they exercise.
  test = await startTestPipeline({ visibilityTimeout: 30 });
  server = createServer((request, response) => {
    requests.push(request.headers);
    request.resume();
    route(response, request.headers);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
  const { pipeline } = test;
  const config = pollerConfigSchema.parse({
    aws: { region: 'us-east-1', endpoints: pipeline.emulators.endpoints },
    rawBucket: pipeline.resources.bucket,
    indexTable: pipeline.resources.table,
    fetchTimeoutMs: TIMEOUT_MS,
    maxBodyBytes: MAX_BYTES,
    backoffBaseSeconds: BASE_BACKOFF,
  });
  poll = bootstrapPoller(config, {
    clients: pipeline.clients,
    // The feed server is on 127.0.0.1: the registration has to allow it, as it would for an internal feed.
    outlets: new OutletRegistry([{ id: 'epsilon', feeds: [feedUrl], allowPrivateAddresses: true }]),
    now: () => nowMs,
    logger: createLogger('poller', 'SILENT'),
  });
  state = new DynamoPollStateStore(pipeline.clients.dynamodb, pipeline.resources.table);
  pipeline.emulators.s3rver.on('event', (event: { Records: Array<{ s3: { object: { key: string } } }> }) => {
    for (const record of event.Records) s3Writes.push(record.s3.object.key);
  });
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await test?.close();
});

beforeEach(() => {
  requests = [];
  s3Writes = [];
});

async function published(): Promise<Array<{ outlet?: string; headline?: string }>> {
  await test.pipeline.waitForIdle();
  return (await test.pipeline.drainOutput()).map((m) => ({
    outlet: m.message.MessageAttributes?.[MESSAGE_ATTRIBUTES.outlet]?.StringValue,
    headline: (JSON.parse(m.body) as { headlines?: Array<{ value: string }> }).headlines?.[0]?.value,
  }));
}

describe('polling a registered feed, in order', () => {
  it('200: stores the feed under its outlet with its Content-Type, and its item is published', async () => {
    route = serveFeed(FIRST, '"v1"');
    const summary = await poll();
    expect(summary).toMatchObject({ feeds: 1, stored: 1 });
    const key = `incoming/epsilon/${sha256Hex(FIRST)}`;
    expect(s3Writes).toEqual([key]);
    const head = await test.pipeline.clients.s3.send(
      new HeadObjectCommand({ Bucket: test.pipeline.resources.bucket, Key: key }),
    );
    expect(head.ContentType).toBe('application/rss+xml; charset=utf-8');
    expect(await published()).toEqual([{ outlet: 'epsilon', headline: 'Harbour reopens' }]);
  });

  it('304: sends the validators it was given and stores nothing', async () => {
    const summary = await poll();
    expect(summary).toMatchObject({ notModified: 1, stored: 0 });
    expect(requests[0]?.['if-none-match']).toBe('"v1"');
    expect(requests[0]?.['if-modified-since']).toBe('Tue, 24 Nov 2026 10:00:00 GMT');
    expect(s3Writes).toEqual([]);
  });

  it('changed: a new body is stored and only its new item comes out', async () => {
    route = serveFeed(SECOND, '"v2"');
    expect(await poll()).toMatchObject({ stored: 1 });
    expect(s3Writes).toEqual([`incoming/epsilon/${sha256Hex(SECOND)}`]);
    expect(await published()).toEqual([{ outlet: 'epsilon', headline: 'Council votes on budget' }]);
  });

  it('unchanged: the same bytes under a new ETag are not stored again', async () => {
    route = serveFeed(SECOND, '"v2-regenerated"');
    expect(await poll()).toMatchObject({ unchanged: 1, stored: 0 });
    expect(requests).toHaveLength(1);
    expect(s3Writes).toEqual([]);
    expect((await state.get(feedUrl))?.etag).toBe('"v2-regenerated"');
  });

  it('error with Retry-After: waits as told, skips until then, and keeps its validators', async () => {
    route = (response) => {
      response.writeHead(503, { 'retry-after': '600' });
      response.end('busy');
    };
    const failed = await poll();
    expect(failed.results[0]).toMatchObject({ result: 'failed', reason: 'HTTP 503', retryInSeconds: 600 });
    const recorded = await state.get(feedUrl);
    expect(recorded).toMatchObject({ failures: 1, lastStatus: 503, contentHash: sha256Hex(SECOND) });
    expect(recorded?.nextAttemptAt).toBe(Math.floor(nowMs / 1000) + 600);

    nowMs += 599_000;
    requests = [];
    expect(await poll()).toMatchObject({ skipped: 1 });
    expect(requests).toEqual([]);
  });

  it('repeated errors back off exponentially, and a success resets the count', async () => {
    route = (response) => {
      response.writeHead(500);
      response.end();
    };
    nowMs += 2_000;
    expect((await poll()).results[0]).toMatchObject({ result: 'failed', retryInSeconds: BASE_BACKOFF * 2 });
    nowMs += BASE_BACKOFF * 2 * 1000;
    expect((await poll()).results[0]).toMatchObject({ result: 'failed', retryInSeconds: BASE_BACKOFF * 4 });
    expect((await state.get(feedUrl))?.failures).toBe(3);

    route = serveFeed(SECOND, '"v2-regenerated"');
    nowMs += BASE_BACKOFF * 4 * 1000;
    expect(await poll()).toMatchObject({ notModified: 1 });
    const recovered = await state.get(feedUrl);
    expect(recovered?.failures).toBe(0);
    expect(recovered?.nextAttemptAt).toBeUndefined();
    expect(s3Writes).toEqual([]);
  });

  it('a server that never answers times out and backs off', async () => {
    const pending: ServerResponse[] = [];
    route = (response) => pending.push(response);
    const summary = await poll();
    for (const response of pending) response.destroy();
    expect(summary.results[0]).toMatchObject({
      result: 'failed',
      reason: `timed out after ${TIMEOUT_MS} ms`,
    });
    expect(s3Writes).toEqual([]);
    nowMs += 24 * 3600 * 1000;
  });

  it('a body over the size cap is refused without being stored', async () => {
    const huge = rss(
      Array.from({ length: 200 }, (_, i) => ({ guid: `h-${i}`, title: `Item ${i}`, text: 'x'.repeat(100) })),
    );
    expect(huge.length).toBeGreaterThan(MAX_BYTES);
    route = (response) => {
      // Chunked, with no Content-Length, so the cap must hold while reading.
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.end(huge);
    };
    const summary = await poll();
    expect(summary.results[0]).toMatchObject({
      result: 'failed',
      reason: `body larger than ${MAX_BYTES} bytes`,
    });
    expect(s3Writes).toEqual([]);
  });

  it('resolves relative links in a polled feed against the URL it was fetched from', async () => {
    nowMs += 24 * 3600 * 1000;
    const relative =
      '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Epsilon</title>' +
      '<item><title>Ferry timetable changes</title><link>stories/ferry-timetable</link><guid>e-rel</guid>' +
      '<description>The winter ferry timetable starts on Monday with two extra evening sailings.</description>' +
      '</item></channel></rss>';
    route = serveFeed(relative, '"v-rel"');
    await poll();
    await test.pipeline.waitForIdle();
    const [message] = await test.pipeline.drainOutput();
    const ninjs = JSON.parse(message?.body ?? '{}') as { altIds?: Array<{ role: string; value: string }> };
    const url = ninjs.altIds?.find((a) => a.role === 'syndicate:canonical-url')?.value;
    expect(url).toBe(new URL('stories/ferry-timetable', feedUrl).toString());
  });
});
