import { readFileSync } from 'node:fs';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ninjsErrors } from '../../../lambdas/publish/validate.ts';
import { OutletRegistry } from '../../../lambdas/shared/outlets.ts';
import type { TagReport } from '../../../lambdas/tag/evidence-reports.ts';
import { SOURCE_ROLES } from '../../../lambdas/tag/roles.ts';
import { startTestPipeline, type TestPipeline } from '../../support/local-pipeline.ts';
import { SEED_ARTICLE } from '../../support/paths.ts';

type Ninjs = {
  uri: string;
  headlines: Array<{ value: string }>;
  copyrightHolder?: string;
  copyrightNotice?: string;
  usageTerms?: string;
  infoSources?: Array<{ name: string; role: string; uri?: string }>;
};

const PARTNER_ARTICLE = `Harbour Ferry Timetable Changes

(Reuters) - Ferries to the islands will run every 40 minutes from Monday, the operator told the BBC.
`;

/** The tag stage inside the whole local pipeline: emulators on 127.0.0.1, real SDK clients over HTTP. */
describe('tag stage in the local pipeline', () => {
  let test: TestPipeline;
  let published: Ninjs[];

  beforeAll(async () => {
    test = await startTestPipeline({
      outlets: new OutletRegistry([
        {
          id: 'dailyplanet',
          name: 'The Daily Planet',
          site: 'https://dailyplanet.example/',
          copyrightHolder: 'Daily Planet Media Ltd',
          usageTerms: 'Syndication partners only.',
          feeds: [],
        },
      ]),
    });
    await test.pipeline.ingest('patriotwise', readFileSync(SEED_ARTICLE));
    await test.pipeline.ingest('dailyplanet', new TextEncoder().encode(PARTNER_ARTICLE));
    await test.pipeline.waitForIdle();
    published = (await test.pipeline.drainOutput()).map(({ body }) => JSON.parse(body) as Ninjs);
  }, 180_000);

  afterAll(async () => {
    await test?.close();
  });

  it('publishes the seed with exactly its publisher, credited sources and copyright', () => {
    const seed = published.find((n) => n.headlines[0]?.value.startsWith('Kremlin'));
    expect(seed?.infoSources).toEqual([
      { name: 'PatriotWise.com', role: SOURCE_ROLES.publisher },
      { name: 'Newsweek', role: SOURCE_ROLES.credited },
      { name: 'Vazhnye Istorii (iStories)', role: SOURCE_ROLES.credited },
      { name: 'Meduza', role: SOURCE_ROLES.credited },
    ]);
    expect(seed?.copyrightHolder).toBe('PatriotWise.com');
    expect(seed?.copyrightNotice).toBe('Copyright 2023, PatriotWise.com');
  });

  it("fills a partner item's rights from the registry and names the wire it came from", () => {
    const partner = published.find((n) => n.headlines[0]?.value.startsWith('Harbour'));
    expect(partner?.copyrightHolder).toBe('Daily Planet Media Ltd');
    expect(partner?.copyrightNotice).toBeUndefined();
    expect(partner?.usageTerms).toBe('Syndication partners only.');
    expect(partner?.infoSources).toEqual([
      { name: 'The Daily Planet', role: SOURCE_ROLES.publisher, uri: 'https://dailyplanet.example/' },
      { name: 'Reuters', role: SOURCE_ROLES.origin },
      { name: 'BBC', role: SOURCE_ROLES.credited },
    ]);
  });

  it('records the words behind each tag beside the raw document, and never in the message', async () => {
    const { pipeline } = test;
    const listed = await pipeline.clients.s3.send(
      new ListObjectsV2Command({ Bucket: pipeline.resources.bucket, Prefix: 'reports/patriotwise/' }),
    );
    const keys = (listed.Contents ?? []).flatMap((o) => (o.Key?.includes('/tags/') ? [o.Key] : []));
    expect(keys).toHaveLength(1);
    const report = await pipeline.readReport<TagReport>(keys[0] ?? '');
    const [item] = report?.items ?? [];
    const seed = published.find((n) => n.headlines[0]?.value.startsWith('Kremlin'));
    expect(item?.uri).toBe(seed?.uri);
    expect(item?.evidence.notice).toMatchObject({ excerpt: 'Copyright 2023, PatriotWise.com' });
    const newsweek = item?.evidence.sources.find((s) => s.name === 'Newsweek');
    expect(newsweek).toMatchObject({ role: 'credited', field: 'body', rule: 'credit-phrase' });
    expect(newsweek?.excerpt).toContain('according to Newsweek');
    for (const ninjs of published) expect(JSON.stringify(ninjs)).not.toContain('credit-phrase');
  });

  it('publishes only valid ninjs 3.1', () => {
    // Delivery is at least once (a 1 s visibility timeout on a busy machine may redeliver), so count stories, not messages.
    expect(new Set(published.map((n) => n.uri)).size).toBe(2);
    for (const ninjs of published) expect(ninjsErrors(ninjs)).toEqual([]);
  });
});
