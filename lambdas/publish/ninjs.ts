import type { ItemEnvelope } from '../shared/envelope.ts';
import { charCount, wordCount } from '../shared/text.ts';
import { mediaAssociations, thumbnailRenditions } from './media.ts';
import { withWithdrawal } from './withdrawn.ts';

/** A ninjs 3.1 document, as far as this pipeline fills it. */
export type NinjsDocument = Record<string, unknown> & { uri: string; version: string };

export const NINJS_STANDARD = {
  name: 'ninjs',
  version: '3.1',
  schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#',
} as const;

/**
 * Roles for the pipeline's own facts in ninjs `altIds` and `associations`:
 * ninjs has no field for them, so they travel as roles (documented in docs/consumers.md).
 */
export const ALT_ID_ROLES = {
  storyId: 'syndicate:story-id',
  outlet: 'syndicate:outlet',
  guid: 'syndicate:guid',
  url: 'syndicate:canonical-url',
  documentId: 'syndicate:document-id',
  decision: 'syndicate:dedupe-decision',
  dateSource: 'syndicate:date-source',
  eventId: 'syndicate:event-id',
} as const;
export const DUPLICATE_OF_REL = 'syndicate:near-duplicate-of';
/** Another outlet's own, earlier report of the same event: a story of its own, linked, never merged. */
export const SAME_EVENT_REL = 'syndicate:same-event-as';

/** Maps a fully processed envelope onto ninjs. Pure; validation happens separately. */
export function toNinjs(envelope: ItemEnvelope): NinjsDocument {
  const { item, document, dedupe, tags } = envelope;
  if (!dedupe) throw new Error('envelope has no dedupe outcome');
  const counts = { charCount: charCount(item.bodyText), wordCount: wordCount(item.bodyText) };
  const altIds = [
    { role: ALT_ID_ROLES.storyId, value: dedupe.storyId },
    { role: ALT_ID_ROLES.outlet, value: document.outlet },
    ...(item.guid ? [{ role: ALT_ID_ROLES.guid, value: item.guid }] : []),
    ...(item.url ? [{ role: ALT_ID_ROLES.url, value: item.url }] : []),
    { role: ALT_ID_ROLES.documentId, value: document.id },
    { role: ALT_ID_ROLES.decision, value: dedupe.decision },
    { role: ALT_ID_ROLES.dateSource, value: item.publishedFrom },
    ...(dedupe.eventId ? [{ role: ALT_ID_ROLES.eventId, value: dedupe.eventId }] : []),
  ];
  const renditions = thumbnailRenditions(item.media);
  const associations = [
    ...(dedupe.decision === 'near-duplicate' && dedupe.matchOf
      ? [{ name: 'earlier report of this story', uri: dedupe.matchOf.uri, rel: DUPLICATE_OF_REL }]
      : []),
    ...(dedupe.sameEventAs
      ? [{ name: 'earlier report of the same event', uri: dedupe.sameEventAs.uri, rel: SAME_EVENT_REL }]
      : []),
    ...mediaAssociations(item.media),
  ];
  return withWithdrawal(envelope, {
    standard: { ...NINJS_STANDARD },
    uri: dedupe.uri,
    type: 'text',
    representationType: 'full',
    profile: 'syndicate-text',
    version: String(dedupe.version),
    firstCreated: dedupe.firstCreated,
    versionCreated: dedupe.versionCreated,
    contentCreated: item.published,
    // Kept once released too: consumers learn the outlet's terms, and a late reader sees the time passed.
    ...(item.embargoed ? { embargoedUntil: item.embargoed } : {}),
    pubStatus: 'usable',
    language: item.language,
    headlines: [{ role: 'main', contentType: 'text/plain', value: item.headline }],
    ...(item.summary
      ? { descriptions: [{ role: 'summary', contentType: 'text/plain', value: item.summary }] }
      : {}),
    bodies: [
      { role: 'main', contentType: 'text/plain', value: item.bodyText, ...counts },
      { role: 'main', contentType: 'text/html', value: item.bodyHtml, ...counts },
    ],
    ...(item.byline ? { by: item.byline } : {}),
    ...(item.dateline?.place ? { located: item.dateline.place } : {}),
    ...(tags?.copyrightHolder ? { copyrightHolder: tags.copyrightHolder } : {}),
    ...(tags?.copyrightNotice ? { copyrightNotice: tags.copyrightNotice } : {}),
    ...(tags?.usageTerms ? { usageTerms: tags.usageTerms } : {}),
    ...(tags?.licenseUrl ? { rightsInfo: { linkedRights: tags.licenseUrl } } : {}),
    ...(tags && tags.sources.length > 0 ? { infoSources: tags.sources.map((s) => ({ ...s })) } : {}),
    ...(item.categories.length > 0
      ? { subjects: item.categories.map((name) => ({ name, rel: 'category' })) }
      : {}),
    ...(renditions.length > 0 ? { renditions } : {}),
    ...(associations.length > 0 ? { associations } : {}),
    altIds,
  });
}
