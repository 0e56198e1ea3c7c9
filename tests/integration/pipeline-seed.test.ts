import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ninjsErrors } from '../../lambdas/publish/validate.ts';
import { manifestKey } from '../../lambdas/shared/keys.ts';
import type { DocumentManifest } from '../../lambdas/shared/reports.ts';
import { startTestPipeline, type TestPipeline } from '../support/local-pipeline.ts';
import { PROJECT_ROOT, SEED_ARTICLE } from '../support/paths.ts';
import { tempDir } from '../support/temp-dir.ts';

type Ninjs = {
  uri: string;
  version: string;
  language: string;
  headlines: Array<{ value: string }>;
  bodies: Array<{ contentType: string; value: string }>;
  copyrightHolder?: string;
  copyrightNotice?: string;
  infoSources?: Array<{ name: string; role: string }>;
};

const seed = readFileSync(SEED_ARTICLE);

describe('the seed article through the local pipeline (emulators, real SDK clients over HTTP)', () => {
  const state = tempDir();
  let first: TestPipeline;
  let published: Array<{ body: string; attributes: Record<string, string | undefined> }>;
  let normalizeCounts: Map<string, number>;

  beforeAll(async () => {
    first = await startTestPipeline({ stateDir: state.path });
    await first.pipeline.ingest('patriotwise', seed);
    await first.pipeline.waitForIdle();
    published = (await first.pipeline.drainOutput()).map(({ body, message }) => ({
      body,
      attributes: Object.fromEntries(
        Object.entries(message.MessageAttributes ?? {}).map(([name, value]) => [name, value.StringValue]),
      ),
    }));
    normalizeCounts = new Map(first.pipeline.metrics.get('normalize')?.counts);
    await first.close();
  });

  afterAll(() => state.remove());

  it('publishes exactly one ninjs 3.1 message that validates against the official schema', () => {
    expect(published).toHaveLength(1);
    const ninjs = JSON.parse(published[0]?.body ?? '{}');
    expect(ninjsErrors(ninjs)).toEqual([]);
  });

  it('gets headline, bodies, rights, sources and language right', () => {
    const ninjs = JSON.parse(published[0]?.body ?? '{}') as Ninjs;
    expect(ninjs.headlines[0]?.value).toBe('Kremlin Tells Top Officials They Cannot Resign');
    const text = ninjs.bodies.find((b) => b.contentType === 'text/plain')?.value ?? '';
    const html = ninjs.bodies.find((b) => b.contentType === 'text/html')?.value ?? '';
    expect(text.startsWith('The Kremlin has told senior officials')).toBe(true);
    expect(text.split('\n\n')).toHaveLength(6);
    for (const body of [text, html]) {
      expect(body).not.toContain('(PatriotWise.com)');
      expect(body).not.toContain('Copyright 2023');
    }
    expect(html).toMatch(/^<p>The Kremlin has told/);
    expect(ninjs.copyrightHolder).toBe('PatriotWise.com');
    expect(ninjs.copyrightNotice).toBe('Copyright 2023, PatriotWise.com');
    expect(ninjs.infoSources?.some((s) => s.name === 'PatriotWise.com')).toBe(true);
    expect(ninjs.language).toBe('en');
    expect(ninjs.version).toBe('1');
    expect(ninjs.uri).toMatch(/^urn:syndicate:patriotwise:[0-9a-f]{32}$/);
  });

  it('counts the document and its item as the normalize stage metrics', () => {
    expect(normalizeCounts.get('DocumentsReceived')).toBe(1);
    expect(normalizeCounts.get('ItemsIn')).toBe(1);
    expect(normalizeCounts.get('DocumentsRejected')).toBeUndefined();
  });

  it('carries the routing facts as message attributes', () => {
    const ninjs = JSON.parse(published[0]?.body ?? '{}') as Ninjs;
    expect(published[0]?.attributes).toMatchObject({
      outlet: 'patriotwise',
      uri: ninjs.uri,
      version: '1',
      decision: 'new',
      contentType: 'application/ninjs+json',
    });
  });

  it('publishes nothing for the same article on a later run with the same state, and records a duplicate', async () => {
    const again = await startTestPipeline({ stateDir: state.path });
    try {
      const { documentId, ingestionId } = await again.pipeline.ingest('patriotwise', seed);
      await again.pipeline.waitForIdle();
      expect(await again.pipeline.drainOutput()).toHaveLength(0);
      const decision = (await again.pipeline.readDecisions('patriotwise', documentId, ingestionId)).get(0);
      expect(decision?.decision).toBe('duplicate');
      expect(decision?.matchOf?.rule).toBe('exact-body');
      expect(again.pipeline.metrics.get('dedupe')?.get('Duplicates')).toBe(1);
    } finally {
      await again.close();
    }
  });
});

describe('a bad document among good ones', () => {
  let run: TestPipeline;
  beforeAll(async () => {
    run = await startTestPipeline();
  });
  afterAll(async () => run.close());

  it('is rejected with a clear reason while the other documents in the same run still publish', async () => {
    const bad = readFileSync(`${PROJECT_ROOT}fixtures/bad/not-a-feed.html`);
    const badDoc = await run.pipeline.ingest('mixed', bad);
    await run.pipeline.ingest('mixed', seed);
    await run.pipeline.waitForIdle();

    const published = await run.pipeline.drainOutput();
    expect(published).toHaveLength(1);
    const manifest = await run.pipeline.readReport<DocumentManifest>(
      manifestKey('mixed', badDoc.documentId, badDoc.ingestionId),
    );
    expect(manifest?.status).toBe('rejected');
    expect(manifest?.rejection?.reason).toMatch(/HTML page, not a feed/);
    const letters = await run.pipeline.deadLetters();
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ stage: 'normalize', code: 'html-page' });
  });
});

describe('text beyond the basic plane', () => {
  it('travels through every queue: an article with emoji is published with them intact', async () => {
    const run = await startTestPipeline();
    try {
      const article =
        'Festival 🎉 opens\n\nThe harbour festival 🎉 opened on Saturday with fireworks and music, and runs all week.';
      await run.pipeline.ingest('emoji', Buffer.from(article));
      await run.pipeline.waitForIdle();
      const [published] = await run.pipeline.drainOutput();
      const ninjs = JSON.parse(published?.body ?? '{}') as Ninjs;
      expect(ninjs.headlines[0]?.value).toBe('Festival 🎉 opens');
      expect(ninjs.bodies[0]?.value).toContain('festival 🎉 opened');
    } finally {
      await run.close();
    }
  });
});
