import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeDocument } from '../../../lambdas/normalize/document.ts';
import { toNinjs } from '../../../lambdas/publish/ninjs.ts';
import { ninjsErrors } from '../../../lambdas/publish/validate.ts';
import {
  ENVELOPE_SCHEMA,
  type FeedMeta,
  type ItemEnvelope,
  type NormalizedItem,
} from '../../../lambdas/shared/envelope.ts';
import { type Outlet, OutletRegistry } from '../../../lambdas/shared/outlets.ts';
import { CreditFinder } from '../../../lambdas/tag/credits.ts';
import { DEFAULT_GAZETTEER } from '../../../lambdas/tag/gazetteer.ts';
import { SOURCE_ROLES } from '../../../lambdas/tag/roles.ts';
import { tagItem } from '../../../lambdas/tag/tag-item.ts';
import { processOffline } from '../../../local/offline.ts';
import { SEED_ARTICLE } from '../../support/paths.ts';

const credits = new CreditFinder(DEFAULT_GAZETTEER);
const NOW = '2024-02-01T12:00:00.000Z';

function envelope(
  item: Partial<NormalizedItem>,
  feed: FeedMeta | null = null,
  outlet = 'local',
): ItemEnvelope {
  return {
    schema: ENVELOPE_SCHEMA,
    document: {
      id: 'a'.repeat(64),
      outlet,
      bucket: 'raw',
      key: `incoming/${outlet}/${'a'.repeat(64)}`,
      ingestionId: 'test@1',
      receivedAt: NOW,
      format: feed ? 'rss' : 'article',
      feed,
    },
    index: 0,
    item: {
      identity: 'guid:1',
      headline: 'Headline',
      bodyText: 'Something happened on Monday, officials said.',
      bodyHtml: '<p>Something happened on Monday, officials said.</p>',
      language: 'en',
      published: NOW,
      publishedFrom: 'item',
      notices: [],
      authors: [],
      categories: [],
      ...item,
    },
    dedupe: {
      decision: 'new',
      storyId: 'story-1',
      uri: 'urn:syndicate:local:1',
      version: 1,
      firstCreated: NOW,
      versionCreated: NOW,
    },
  };
}

function tag(
  item: Partial<NormalizedItem>,
  feed: FeedMeta | null = null,
  outlets: Outlet[] = [],
  outlet = 'local',
) {
  return tagItem(envelope(item, feed, outlet), { credits, outlets: new OutletRegistry(outlets) });
}

const byRole = (sources: { name: string; role: string }[], role: string) =>
  sources.filter((s) => s.role === role).map((s) => s.name);

describe('the reference article', () => {
  it('comes out of the offline path with exactly its publisher, credits and copyright', async () => {
    const result = await processOffline(readFileSync(SEED_ARTICLE), { receivedAt: NOW });
    const [item] = result.items;
    expect(item?.infoSources).toEqual([
      { name: 'PatriotWise.com', role: SOURCE_ROLES.publisher },
      { name: 'Newsweek', role: SOURCE_ROLES.credited },
      { name: 'Vazhnye Istorii (iStories)', role: SOURCE_ROLES.credited },
      { name: 'Meduza', role: SOURCE_ROLES.credited },
    ]);
    expect(item?.copyrightHolder).toBe('PatriotWise.com');
    expect(item?.copyrightNotice).toBe('Copyright 2023, PatriotWise.com');
    expect(ninjsErrors(item)).toEqual([]);
  });

  it('keeps the year of its notice', async () => {
    const bytes = readFileSync(SEED_ARTICLE);
    const key = `incoming/local/${'b'.repeat(64)}`;
    const normalized = await normalizeDocument(
      { bytes, outlet: 'local', bucket: 'raw', key, ingestionId: `${key}@1`, receivedAt: NOW },
      'b'.repeat(64),
    );
    const [first] = normalized.envelopes;
    if (!first) throw new Error('the seed gave no item');
    const tags = tagItem(first, { credits, outlets: new OutletRegistry() });
    expect(tags.copyrightYear).toBe('2023');
  });
});

describe('rights precedence', () => {
  const feed: FeedMeta = { title: 'Coastal Courier', copyright: '© 2020 Coastal Courier Ltd.' };
  const outlet: Outlet = {
    id: 'courier',
    name: 'Coastal Courier',
    copyrightHolder: 'Courier Holdings',
    usageTerms: 'Syndication partners only.',
    feeds: [],
  };

  it("takes the item's own footer over its rights field, the feed and the registry", () => {
    const tags = tag(
      { notices: ['© 2023 Island Press Agency'], rights: '© 2022 Other Agency' },
      feed,
      [outlet],
      'courier',
    );
    expect(tags.copyrightHolder).toBe('Island Press Agency');
    expect(tags.copyrightNotice).toBe('© 2023 Island Press Agency');
    expect(tags.copyrightYear).toBe('2023');
  });

  it("takes the item's rights field over the channel's", () => {
    const tags = tag({ rights: '© 2022 Island Press Agency' }, feed);
    expect(tags.copyrightHolder).toBe('Island Press Agency');
  });

  it("falls back to the channel's notice", () => {
    const tags = tag({}, feed);
    expect(tags.copyrightHolder).toBe('Coastal Courier Ltd.');
    expect(tags.copyrightNotice).toBe('© 2020 Coastal Courier Ltd.');
  });

  it('fills holder and usage terms from the registry only where nothing else says', () => {
    const tags = tag({}, { title: 'Coastal Courier' }, [outlet], 'courier');
    expect(tags.copyrightHolder).toBe('Courier Holdings');
    expect(tags.copyrightNotice).toBeUndefined();
    expect(tags.usageTerms).toBe('Syndication partners only.');
  });

  it('leaves what nobody states absent', () => {
    const tags = tag({});
    expect(tags.copyrightHolder).toBeUndefined();
    expect(tags.copyrightNotice).toBeUndefined();
    expect(tags.copyrightYear).toBeUndefined();
    expect(tags.usageTerms).toBeUndefined();
    expect(tags.licenseUrl).toBeUndefined();
    expect(tags.sources).toEqual([]);
  });
});

describe('licences', () => {
  it('maps a rel="license" link to a licence URL and usage terms', () => {
    const tags = tag({ license: 'http://creativecommons.org/licenses/by-sa/4.0/' });
    expect(tags.licenseUrl).toBe('https://creativecommons.org/licenses/by-sa/4.0/');
    expect(tags.usageTerms?.startsWith('CC BY-SA 4.0: ')).toBe(true);
  });

  it('keeps a non-CC licence link but invents no terms for it, and drops a relative one', () => {
    expect(tag({ license: 'https://example.com/terms' }).licenseUrl).toBe('https://example.com/terms');
    expect(tag({ license: 'https://example.com/terms' }).usageTerms).toBeUndefined();
    expect(tag({ license: '/terms' }).licenseUrl).toBeUndefined();
  });

  it('reads a licence named in a rights field as a licence, not a notice', () => {
    const tags = tag({ rights: 'CC BY 4.0' });
    expect(tags.licenseUrl).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(tags.copyrightNotice).toBeUndefined();
  });

  it("uses the feed's licence and the registry's when the item names none", () => {
    expect(tag({}, { license: 'https://creativecommons.org/licenses/by-nd/4.0/' }).licenseUrl).toBe(
      'https://creativecommons.org/licenses/by-nd/4.0/',
    );
    const outlet: Outlet = {
      id: 'open',
      licenseUrl: 'https://creativecommons.org/licenses/by/4.0/',
      feeds: [],
    };
    const tags = tag({}, null, [outlet], 'open');
    expect(tags.licenseUrl).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(tags.usageTerms?.startsWith('CC BY 4.0: ')).toBe(true);
  });

  it('does not take a photo licence in the body for the article licence', () => {
    const bodyText = 'A photo (CC BY-SA 4.0) shows the river.\n\nThe river rose overnight, officials said.';
    expect(tag({ bodyText }).licenseUrl).toBeUndefined();
  });
});

describe('sources', () => {
  const northwire: Outlet = {
    id: 'northwire',
    name: 'North Wire News',
    site: 'https://northwire.example/',
    feeds: [],
  };

  it('names the registry outlet as publisher with its site', () => {
    const tags = tag({}, null, [northwire], 'northwire');
    expect(tags.sources).toEqual([
      { name: 'North Wire News', role: SOURCE_ROLES.publisher, uri: 'https://northwire.example/' },
    ]);
  });

  it("names the feed's title and site when the registry does not know the outlet", () => {
    const tags = tag({}, { title: 'Coastal Courier', link: 'https://coastal.example/' });
    expect(tags.sources).toEqual([
      { name: 'Coastal Courier', role: SOURCE_ROLES.publisher, uri: 'https://coastal.example/' },
    ]);
  });

  it('takes a wire dateline as origin and an own dateline as the publisher once', () => {
    const wire = tag(
      { dateline: { raw: 'MIAMI (AP) —', place: 'MIAMI', credit: 'AP' } },
      null,
      [northwire],
      'northwire',
    );
    expect(byRole(wire.sources, SOURCE_ROLES.origin)).toEqual(['AP']);
    const own = tag(
      { dateline: { raw: '(North Wire News) —', credit: 'North Wire News' } },
      null,
      [northwire],
      'northwire',
    );
    expect(own.sources.map((s) => s.role)).toEqual([SOURCE_ROLES.publisher]);
  });

  it("takes another outlet's dateline on a partner's item as its origin", () => {
    const tags = tag({ dateline: { raw: '(CNN) —', credit: 'CNN' } }, null, [northwire], 'northwire');
    expect(byRole(tags.sources, SOURCE_ROLES.origin)).toEqual(['CNN']);
  });

  it('reads origins and contributors from footers, the byline and a closing credit', () => {
    const tags = tag({
      byline: 'Jane Doe, Associated Press',
      bodyText: 'Authorities evacuated two villages.\n\nThe airport stayed closed. — AFP',
      notices: [
        'This article originally appeared on Grist.',
        'Republished with permission from The Moscow Times.',
        'Reuters contributed to this report.',
        'Reporting by Anna Petrova; Editing by Tom Hale',
      ],
    });
    expect(byRole(tags.sources, SOURCE_ROLES.origin)).toEqual([
      'Associated Press',
      'AFP',
      'Grist',
      'The Moscow Times',
    ]);
    expect(byRole(tags.sources, SOURCE_ROLES.contributor)).toEqual(['Reuters']);
  });

  it('takes the partner a partnership line names as origin, even one named like another body', () => {
    const tags = tag({
      bodyText:
        'The county closed two shelters.\n\nRiver Desk partnered with Prairie Watch for this story.\n\nThis story was produced by Ana Ruiz of Delta Bureau, an independent newsroom in Tulsa.',
    });
    expect(byRole(tags.sources, SOURCE_ROLES.origin)).toEqual(['Prairie Watch', 'Delta Bureau']);
  });

  it('takes no person and no bare place from a partnership line', () => {
    const tags = tag({
      bodyText: 'The county closed two shelters.\n\nRiver Desk partnered with Oklahoma for this story.',
    });
    expect(byRole(tags.sources, SOURCE_ROLES.origin)).toEqual([]);
  });

  it('does not credit the wire an item came from for its own reporting', () => {
    const tags = tag({
      dateline: { raw: 'JOHANNESBURG (Reuters) -', place: 'JOHANNESBURG', credit: 'Reuters' },
      bodyText:
        'The miner plans to double output, its chief executive told Reuters. Bloomberg reported the plan.',
    });
    expect(byRole(tags.sources, SOURCE_ROLES.origin)).toEqual(['Reuters']);
    expect(byRole(tags.sources, SOURCE_ROLES.credited)).toEqual(['Bloomberg']);
  });

  it('gives every role as a full IPTC concept URI', () => {
    for (const role of Object.values(SOURCE_ROLES)) {
      expect(role).toMatch(/^http:\/\/cv\.iptc\.org\/newscodes\/contentprodpartyrole\/[A-Za-z]+$/);
    }
  });
});

describe('published messages', () => {
  it('stay valid ninjs 3.1 with every rights and source field filled', () => {
    const env = envelope(
      {
        license: 'https://creativecommons.org/licenses/by/4.0/',
        notices: ['© 2023 Holder Inc. All rights reserved.', 'Reuters contributed to this report.'],
        dateline: { raw: 'LONDON (AP) —', place: 'LONDON', credit: 'AP' },
        bodyText: 'It rose, according to Newsweek.',
      },
      { title: 'Feed', link: 'not a url' },
    );
    const tags = tagItem(env, { credits, outlets: new OutletRegistry() });
    const ninjs = toNinjs({ ...env, tags });
    expect(ninjs.rightsInfo).toEqual({ linkedRights: 'https://creativecommons.org/licenses/by/4.0/' });
    expect((ninjs.infoSources as unknown[]).length).toBe(4);
    expect(ninjsErrors(ninjs)).toEqual([]);
  });
});
