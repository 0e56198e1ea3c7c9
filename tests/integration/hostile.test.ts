import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_CASES } from '../../hostile/cases.ts';
import { isKnown, overLimit } from '../../hostile/findings.ts';
import { findViolations } from '../../hostile/inspect.ts';
import { REDIRECT_CASES } from '../../hostile/redirect-cases.ts';
import { bundleChild, runChild, SAFETY_LIMITS, writeCase } from '../../hostile/run.ts';
import { item, rss } from '../../hostile/xml.ts';
import { bootstrapPoller } from '../../lambdas/poller/bootstrap.ts';
import { pollerConfigSchema } from '../../lambdas/poller/config.ts';
import { manifestKey } from '../../lambdas/shared/keys.ts';
import { createLogger } from '../../lambdas/shared/logger.ts';
import { OutletRegistry } from '../../lambdas/shared/outlets.ts';
import type { DocumentManifest } from '../../lambdas/shared/reports.ts';
import { startTestPipeline } from '../support/local-pipeline.ts';
import { natToLocal, publicNames } from '../support/outbound.ts';
import { tempDir } from '../support/temp-dir.ts';

// Cases that exceed the limits today are listed in hostile/findings.ts, and full-scale floods have a small twin
// here: `tsx hostile/index.ts` runs them all.
const CASES = HOSTILE_CASES.filter((c) => !overLimit(c.name) && !c.fullScaleOnly);

// Concurrent: each document runs in its own process, and the limits are generous enough for two at a time.
describe.concurrent('hostile documents, each in its own process (parse + normalize + tag)', () => {
  const dir = tempDir('syndicate-hostile-');
  let bundle = '';
  beforeAll(async () => {
    bundle = await bundleChild(dir.path);
  });
  afterAll(() => dir.remove());

  for (const [index, hostile] of CASES.entries()) {
    it(`${hostile.name}: processed safely or rejected with a reason, within the limits`, async () => {
      const file = writeCase(dir.path, index, hostile);
      const outcome = await runChild(bundle, file, hostile.contentType);
      rmSync(file);
      expect(outcome.status, outcome.reason).not.toBe('crashed');
      if (hostile.expect === 'reject') expect(outcome.status).toBe('rejected');
      if (outcome.status === 'rejected') {
        expect(outcome.code).toMatch(/^[a-z][a-z-]+$/);
        expect(outcome.reason?.length ?? 0).toBeGreaterThan(20);
      }
      const unexpected = outcome.violations.filter((v) => !isKnown(hostile.name, v.path, v.rule));
      expect(unexpected).toEqual([]);
      expect(outcome.ms).toBeLessThanOrEqual(SAFETY_LIMITS.ms);
      expect(outcome.peakMb).toBeLessThanOrEqual(SAFETY_LIMITS.peakMb);
    }, 40_000);
  }
});

describe('the inspection of plain-text fields', () => {
  const rules = (value: string) => findViolations({ headline: value }).map((v) => v.rule);

  it('flags script markup, handlers in a tag, and script URLs that are a whole value or sit in a tag', () => {
    expect(rules('News <script>alert(1)</script>')).toEqual(['script markup in text']);
    expect(rules('By <img src=x onerror=alert(1)>')).toEqual(['event handler markup in text']);
    expect(rules('javascript:alert(1)')).toEqual(['script URL in text']);
    expect(rules(' java\tscript:alert(1)')).toEqual(['script URL in text']);
    expect(rules('<a href="javascript:alert(1)">x</a>')).toEqual(['script URL in text']);
    expect(rules('<a href = " vbscript:x">x</a>')).toEqual(['script URL in text']);
  });

  it('lets prose mention a script URL, and angle brackets that open nothing', () => {
    expect(rules('Attackers hid javascript:alert(1) in the link, x < y, <3')).toEqual([]);
  });
});

describe('hostile documents through the real local pipeline', () => {
  it('handles each without crashing a handler, and a good document in the same run still publishes', async () => {
    const subset = HOSTILE_CASES.filter((c) => c.viaPipeline);
    const good = Buffer.from(
      rss(
        item({
          title: 'Ferry timetable changes for the winter season',
          link: 'https://hostile.example/news/ferry',
          guid: 'good-ferry',
          content: '<p>The ferry company announced a reduced winter timetable from December.</p>',
        }),
      ),
    );
    const test = await startTestPipeline({ logLevel: 'SILENT', maxReceiveCount: 2 });
    try {
      const { pipeline } = test;
      const stored = [];
      for (const hostile of subset)
        stored.push({ hostile, ...(await pipeline.ingest('hostile', hostile.build(), hostile.contentType)) });
      const goodDoc = await pipeline.ingest('hostile', good, 'application/rss+xml');
      await pipeline.waitForIdle(40_000);

      const published = (await pipeline.drainOutput()).map(
        ({ body }) => JSON.parse(body) as Record<string, unknown>,
      );
      const documentOf = (ninjs: Record<string, unknown>) =>
        (ninjs.altIds as Array<{ role: string; value: string }>).find(
          (a) => a.role === 'syndicate:document-id',
        )?.value;
      expect(published.some((n) => documentOf(n) === goodDoc.documentId)).toBe(true);
      for (const ninjs of published) {
        const name = stored.find((s) => s.documentId === documentOf(ninjs))?.hostile.name ?? 'good';
        const unexpected = findViolations([ninjs]).filter((v) => !isKnown(name, v.path, v.rule));
        expect(unexpected, name).toEqual([]);
      }

      const letters = await pipeline.deadLetters();
      // A handler that crashed would have its record redriven after retries, with no reason of its own.
      expect(letters.filter((l) => !l.code)).toEqual([]);
      expect(pipeline.errors).toEqual([]);
      for (const { hostile, documentId, ingestionId } of stored.filter(
        (s) => s.hostile.expect === 'reject',
      )) {
        const manifest = await pipeline.readReport<DocumentManifest>(
          manifestKey('hostile', documentId, ingestionId),
        );
        expect(manifest?.status, hostile.name).toBe('rejected');
        expect(manifest?.rejection?.reason.length ?? 0).toBeGreaterThan(20);
      }
      for (const { hostile, documentId, ingestionId } of stored) {
        if (!hostile.itemError) continue;
        const manifest = await pipeline.readReport<DocumentManifest>(
          manifestKey('hostile', documentId, ingestionId),
        );
        expect(manifest?.status, hostile.name).toBe('accepted');
        expect(manifest?.itemErrors.map((e) => e.reason)).toContainEqual(
          expect.stringMatching(hostile.itemError),
        );
      }
    } finally {
      await test.close();
    }
  }, 60_000);
});

describe('a registered feed host that redirects the poller inside, through the real local pipeline', () => {
  it('refuses every internal target at its hop, publishes nothing from there, and still polls a good feed', async () => {
    const metadata: string[] = [];
    const metadataServer = createServer((req, res) => {
      metadata.push(req.url ?? '');
      res.end('{"AccessKeyId":"FAKE-CREDENTIAL","SecretAccessKey":"FAKE-SECRET"}');
    });
    const feedServer = createServer((req, res) => {
      const path = req.url ?? '/';
      const index = Number(path.match(/^\/case\/(\d+)$/)?.[1] ?? Number.NaN);
      const target = REDIRECT_CASES[index];
      if (target) res.writeHead(302, { location: target.location(port(metadataServer)) }).end();
      else if (path === '/moved') res.writeHead(301, { location: '/good.xml' }).end();
      else res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(GOOD_FEED);
    });
    const test = await startTestPipeline({ logLevel: 'SILENT' });
    try {
      await Promise.all([listen(metadataServer), listen(feedServer)]);
      const host = `feed.hostile.example:${port(feedServer)}`;
      const feeds = [...REDIRECT_CASES.map((_, i) => `http://${host}/case/${i}`), `http://${host}/moved`];
      const { pipeline } = test;
      const poll = bootstrapPoller(
        pollerConfigSchema.parse({
          aws: { region: 'us-east-1', endpoints: pipeline.emulators.endpoints },
          rawBucket: pipeline.resources.bucket,
          indexTable: pipeline.resources.table,
          fetchTimeoutMs: 5_000,
        }),
        {
          clients: pipeline.clients,
          // As deployed: no allowPrivateAddresses.
          outlets: new OutletRegistry([{ id: 'hostile', feeds }]),
          outbound: { resolve: publicNames('feed.hostile.example'), transport: natToLocal },
          logger: createLogger('poller', 'SILENT'),
        },
      );
      const summary = await poll();
      expect(summary).toMatchObject({ feeds: feeds.length, stored: 1, failed: REDIRECT_CASES.length });
      for (const [i, redirect] of REDIRECT_CASES.entries()) {
        const result = summary.results.find((r) => r.feed === feeds[i]);
        expect(result?.result, redirect.name).toBe('failed');
        expect(result?.result === 'failed' ? result.reason : '', redirect.name).toMatch(redirect.reason);
      }
      await pipeline.waitForIdle(40_000);
      const published = await pipeline.drainOutput();
      expect(published).toHaveLength(1);
      expect(published[0]?.body).toContain('Ferry timetable');
      expect(published.some(({ body }) => body.includes('FAKE-CREDENTIAL'))).toBe(false);
      expect(metadata).toEqual([]);
    } finally {
      for (const server of [metadataServer, feedServer]) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
      await test.close();
    }
  }, 60_000);
});

const GOOD_FEED = rss(
  item({
    title: 'Ferry timetable changes for the winter season',
    link: 'https://hostile.example/news/ferry-polled',
    guid: 'good-ferry-polled',
    content: '<p>The ferry company announced a reduced winter timetable from December.</p>',
  }),
);

function listen(server: Server): Promise<void> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
}

function port(server: Server): number {
  return (server.address() as AddressInfo).port;
}
