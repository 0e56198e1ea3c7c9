import { describe, expect, it } from 'vitest';
import type { NormalizedItem, TagSet } from '../../../lambdas/shared/envelope.ts';
import { MAX_EXCERPT, MAX_SOURCE_EVIDENCE, roleName, tagEvidence } from '../../../lambdas/tag/evidence.ts';
import { SOURCE_ROLES } from '../../../lambdas/tag/roles.ts';

const item = (overrides: Partial<NormalizedItem> = {}): NormalizedItem => ({
  identity: 'guid:1',
  headline: 'Bridge closes',
  bodyText: 'The bridge closed on Monday, according to Newsweek.\n\nIt reopens in May.',
  bodyHtml: '',
  language: 'en',
  published: '2026-01-01T00:00:00.000Z',
  publishedFrom: 'item',
  notices: ['© 2026 River Times. All rights reserved.'],
  authors: [],
  categories: [],
  ...overrides,
});

const at = (span: { excerpt: string; match?: readonly [number, number] } | undefined) =>
  span?.match ? span.excerpt.slice(span.match[0], span.match[1]) : undefined;

describe('tagEvidence: the words behind each tag', () => {
  it('finds the holder and notice in the footer and a credited outlet in its credit phrase', () => {
    const tags: TagSet = {
      copyrightHolder: 'River Times',
      copyrightNotice: '© 2026 River Times. All rights reserved.',
      sources: [{ name: 'Newsweek', role: SOURCE_ROLES.credited }],
    };
    const evidence = tagEvidence(item(), null, undefined, tags);
    expect(evidence.holder).toMatchObject({ field: 'notices[0]', rule: 'copyright-notice' });
    expect(at(evidence.holder)).toBe('River Times');
    expect(at(evidence.notice)).toBe('© 2026 River Times. All rights reserved.');
    const [credited] = evidence.sources;
    expect(credited).toMatchObject({
      name: 'Newsweek',
      role: 'credited',
      field: 'body',
      rule: 'credit-phrase',
    });
    expect(credited?.excerpt).toContain('according to Newsweek');
  });

  it('names the licence link a licence came from, and the registry for a holder no text states', () => {
    const url = 'https://creativecommons.org/licenses/by/4.0/';
    const evidence = tagEvidence(
      item({ notices: [], license: url }),
      null,
      { id: 'river', copyrightHolder: 'River Media Ltd', feeds: [] },
      { copyrightHolder: 'River Media Ltd', licenseUrl: url, sources: [] },
    );
    expect(evidence.licence).toMatchObject({ field: 'license', rule: 'licence-link', excerpt: url });
    expect(evidence.holder).toMatchObject({ field: 'outlet registry', rule: 'outlet-registry' });
  });

  it('stays bounded: capped sources and excerpts, whatever the input', () => {
    const long = `${'word '.repeat(5000)}Reuters reported it. ${'more '.repeat(5000)}`;
    const sources = Array.from({ length: 60 }, (_, i) => ({
      name: `Outlet ${i}`,
      role: SOURCE_ROLES.credited,
    }));
    const evidence = tagEvidence(item({ bodyText: long }), null, undefined, {
      sources: [{ name: 'Reuters', role: SOURCE_ROLES.credited }, ...sources],
    });
    expect(evidence.sources).toHaveLength(MAX_SOURCE_EVIDENCE);
    expect(at(evidence.sources[0])).toBe('Reuters');
    for (const s of evidence.sources) expect(s.excerpt.length).toBeLessThanOrEqual(MAX_EXCERPT);
    expect(evidence.sources[1]).toMatchObject({ rule: 'not-found-verbatim', excerpt: '' });
  });

  it('shortens role URIs to the names the docs use', () => {
    expect(roleName(SOURCE_ROLES.publisher)).toBe('publisher');
    expect(roleName(SOURCE_ROLES.contributor)).toBe('contributor');
  });
});
