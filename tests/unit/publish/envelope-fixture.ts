import { ENVELOPE_SCHEMA, type ItemEnvelope } from '../../../lambdas/shared/envelope.ts';

/** A fully processed envelope, as publish receives it; `overrides` adjust the dedupe outcome. */
export function publishedEnvelope(
  overrides: Partial<NonNullable<ItemEnvelope['dedupe']>> = {},
): ItemEnvelope {
  return {
    schema: ENVELOPE_SCHEMA,
    document: {
      id: 'a'.repeat(64),
      outlet: 'patriotwise',
      bucket: 'raw',
      key: `incoming/patriotwise/${'a'.repeat(64)}`,
      ingestionId: 'incoming/patriotwise/a@1',
      receivedAt: '2026-11-25T10:00:00.000Z',
      format: 'article',
      feed: null,
    },
    index: 0,
    item: {
      identity: 'kremlin-resign',
      headline: 'Kremlin Tells Top Officials They Cannot Resign',
      bodyText: 'The Kremlin has told senior officials that they are prohibited from resigning.',
      bodyHtml: '<p>The Kremlin has told senior officials that they are prohibited from resigning.</p>',
      language: 'en',
      published: '2026-11-25T09:00:00.000Z',
      publishedFrom: 'item',
      notices: [],
      authors: [],
      categories: [],
    },
    dedupe: {
      decision: 'new',
      storyId: 'story-0123456789abcdef0123456789abcdef',
      uri: 'urn:syndicate:patriotwise:0123456789abcdef0123456789abcdef',
      version: 1,
      firstCreated: '2026-11-25T09:00:00.000Z',
      versionCreated: '2026-11-25T09:00:00.000Z',
      ...overrides,
    },
    tags: { sources: [{ name: 'PatriotWise.com', role: 'publisher' }] },
  };
}
