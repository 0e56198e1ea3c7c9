import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PollSummary } from '../../lambdas/poller/stage.ts';
import { ALT_ID_ROLES } from '../../lambdas/publish/ninjs.ts';
import { ninjsErrors } from '../../lambdas/publish/validate.ts';
import { OutletRegistry } from '../../lambdas/shared/outlets.ts';
import { pushDocument } from '../../local/ingest-client.ts';
import { serveLocal } from '../../local/ingest-serve.ts';
import { PROJECT_ROOT } from '../support/paths.ts';
import { tempDir } from '../support/temp-dir.ts';

/**
 * The URL a document came from, given by the poller (the feed URL it fetched) and by a pushing outlet
 * (X-Syndicate-Source-Url), is the base for the relative links of a feed that has no other.
 */
const RELATIVE_RSS = readFileSync(`${PROJECT_ROOT}fixtures/feeds/real/relative-rss.xml`);
// The same shape as an Atom feed with no xml:base, no self link and a relative home link.
const RELATIVE_ATOM =
  '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Kestrel</title><link href="/"/>' +
  '<id>urn:kestrel</id><updated>2026-12-01T09:00:00Z</updated><entry><id>urn:kestrel:7</id>' +
  '<title>Ferry timetable changes</title><updated>2026-12-01T09:00:00Z</updated>' +
  '<link href="notices/ferry-timetable"/><content type="html">&lt;p&gt;See &lt;a href="../timetables/winter.pdf"&gt;' +
  'the winter timetable&lt;/a&gt; for the new sailings.&lt;/p&gt;</content></entry></feed>';
const SECRET = 'kestrel-secret-0123456789';

let server: Server;
let feedUrl: string;
let dir: { path: string; remove: () => void };

beforeAll(async () => {
  dir = tempDir('syndicate-source-url-');
  server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml' });
    response.end(RELATIVE_RSS);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/classifieds/feed.rss`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  dir?.remove();
});

interface Ninjs {
  headlines: Array<{ value: string }>;
  bodies: Array<{ contentType: string; value: string }>;
  altIds: Array<{ role: string; value: string }>;
  associations?: Array<{ uri: string }>;
}

const canonical = (n: Ninjs) => n.altIds.find((a) => a.role === ALT_ID_ROLES.url)?.value;
const html = (n: Ninjs) => n.bodies.find((b) => b.contentType === 'text/html')?.value ?? '';

it('resolves relative links against the polled feed URL and against a pushed X-Syndicate-Source-Url', async () => {
  const secretsFile = join(dir.path, 'secrets.json');
  writeFileSync(secretsFile, JSON.stringify({ kestrel: SECRET, lowfield: 'lowfield-secret-0123456789' }));
  const controller = new AbortController();
  const outputs: Ninjs[] = [];
  const polls: PollSummary[] = [];
  const errors: unknown[] = [];
  const pushes: number[] = [];
  const done = () => {
    if (outputs.length >= 2 && polls.length >= 1) controller.abort();
  };
  const stopAfter = setTimeout(() => controller.abort(), 60_000);
  await serveLocal({
    stateDir: join(dir.path, 'state'),
    secretsFile,
    outlets: new OutletRegistry([{ id: 'lowfield', feeds: [feedUrl] }]),
    port: 0,
    pollSeconds: 1,
    drainIntervalMs: 100,
    logLevel: 'SILENT',
    signal: controller.signal,
    onListening: (url) => {
      pushDocument({
        url,
        outlet: 'kestrel',
        secret: SECRET,
        body: new TextEncoder().encode(RELATIVE_ATOM),
        sourceUrl: 'https://kestrel.example.org/feeds/news.atom',
      }).then(
        (result) => pushes.push(result.status),
        (error: unknown) => errors.push(error),
      );
    },
    onOutput: (body) => {
      outputs.push(JSON.parse(body) as Ninjs);
      done();
    },
    onPoll: (summary) => {
      polls.push(summary);
      done();
    },
    onError: (error) => errors.push(error),
  });
  clearTimeout(stopAfter);
  expect(errors).toEqual([]);
  expect(pushes).toEqual([202]);
  const polled = outputs.find((n) => n.headlines[0]?.value === 'Oak dining table, seats six');
  const pushed = outputs.find((n) => n.headlines[0]?.value === 'Ferry timetable changes');
  expect(polled && canonical(polled)).toBe(
    `http://127.0.0.1:${(server.address() as AddressInfo).port}/ads/1042-oak-dining-table`,
  );
  expect(polled && html(polled)).toContain(
    `href="http://127.0.0.1:${(server.address() as AddressInfo).port}/classifieds/contact?ad=1042&amp;from=feed"`,
  );
  expect(polled?.associations?.[0]?.uri).toBe(
    `http://127.0.0.1:${(server.address() as AddressInfo).port}/img/ads/1042.jpg`,
  );
  expect(pushed && canonical(pushed)).toBe('https://kestrel.example.org/feeds/notices/ferry-timetable');
  expect(pushed && html(pushed)).toContain('href="https://kestrel.example.org/timetables/winter.pdf"');
  for (const message of outputs) expect(ninjsErrors(message)).toEqual([]);
});
