import * as z from 'zod';
import { InvalidMessageError } from './errors.ts';

/**
 * The contract between stages. Every stage validates the envelope it receives
 * (messages are validated at the edge) and passes it on enriched. The types are
 * inferred from the schemas so the two can never drift apart.
 */

export const SOURCE_FORMATS = ['rss', 'rdf', 'atom', 'jsonfeed', 'article', 'ninjs'] as const;
export const sourceFormatSchema = z.enum(SOURCE_FORMATS);
export type SourceFormat = z.infer<typeof sourceFormatSchema>;

/** A document's own metadata as read; `syndicate parse` prints it as `feed`. */
export const feedMetaSchema = z.object({
  title: z.string().optional(),
  link: z.string().optional(),
  description: z.string().optional(),
  language: z.string().optional(),
  copyright: z.string().optional(),
  generator: z.string().optional(),
  /** Licence URL declared by the feed (e.g. Creative Commons), if any. */
  license: z.string().optional(),
});
export type FeedMeta = z.infer<typeof feedMetaSchema>;

export const documentRefSchema = z.object({
  /** sha256 of the raw bytes: the content address in the raw archive. */
  id: z.string().regex(/^[0-9a-f]{64}$/),
  outlet: z.string().min(1),
  bucket: z.string().min(1),
  key: z.string().min(1),
  /** Unique per arrival (S3 key + sequencer): a redelivery keeps it, a re-push gets a new one. */
  ingestionId: z.string().min(1),
  receivedAt: z.iso.datetime(),
  format: sourceFormatSchema,
  feed: feedMetaSchema.nullable(),
});
export type DocumentRef = z.infer<typeof documentRefSchema>;

export const datelineSchema = z.object({
  raw: z.string(),
  place: z.string().optional(),
  /** The outlet or wire named in the dateline, e.g. "PatriotWise.com", "Reuters". */
  credit: z.string().optional(),
});
export type Dateline = z.infer<typeof datelineSchema>;

export const normalizedItemSchema = z.object({
  /** Stable identity within the outlet: guid, else canonical link, else content hash. */
  identity: z.string().min(1),
  guid: z.string().optional(),
  url: z.string().optional(),
  headline: z.string(),
  summary: z.string().optional(),
  /** Plain text, paragraphs separated by one blank line. */
  bodyText: z.string(),
  /** Sanitized HTML, safe to render. */
  bodyHtml: z.string(),
  language: z.string(),
  published: z.iso.datetime(),
  /** Where `published` came from: the item, the feed, or the receipt time as a fallback. */
  publishedFrom: z.enum(['item', 'feed', 'receipt']),
  updated: z.iso.datetime().optional(),
  byline: z.string().optional(),
  dateline: datelineSchema.optional(),
  /** Footers set aside from the body (copyright, "originally appeared on"), kept for tagging. */
  notices: z.array(z.string()),
  authors: z.array(z.string()),
  categories: z.array(z.string()),
  /** The item's own rights statement as given by its format (RSS/Atom/JSON Feed/ninjs). */
  rights: z.string().optional(),
  license: z.string().optional(),
});
export type NormalizedItem = z.infer<typeof normalizedItemSchema>;

export const DEDUPE_DECISIONS = ['new', 'version', 'duplicate', 'near-duplicate'] as const;
export const dedupeOutcomeSchema = z.object({
  decision: z.enum(DEDUPE_DECISIONS),
  storyId: z.string(),
  uri: z.string(),
  version: z.number().int().positive(),
  firstCreated: z.iso.datetime(),
  versionCreated: z.iso.datetime(),
  /** For duplicates and near-duplicates: the earlier report this one matched. */
  matchOf: z
    .object({
      uri: z.string(),
      storyId: z.string(),
      rule: z.string(),
      similarity: z.number().min(0).max(1).optional(),
    })
    .optional(),
});
export type DedupeOutcome = z.infer<typeof dedupeOutcomeSchema>;

export const infoSourceSchema = z.object({
  name: z.string().min(1),
  role: z.string().min(1),
  uri: z.string().optional(),
});
export type InfoSource = z.infer<typeof infoSourceSchema>;

export const tagSetSchema = z.object({
  copyrightHolder: z.string().optional(),
  copyrightNotice: z.string().optional(),
  copyrightYear: z.string().optional(),
  usageTerms: z.string().optional(),
  licenseUrl: z.string().optional(),
  sources: z.array(infoSourceSchema),
});
export type TagSet = z.infer<typeof tagSetSchema>;

export const ENVELOPE_SCHEMA = 'syndicate.item.v1';
export const itemEnvelopeSchema = z.object({
  schema: z.literal(ENVELOPE_SCHEMA),
  document: documentRefSchema,
  index: z.number().int().nonnegative(),
  item: normalizedItemSchema,
  dedupe: dedupeOutcomeSchema.optional(),
  tags: tagSetSchema.optional(),
});
export type ItemEnvelope = z.infer<typeof itemEnvelopeSchema>;

export function parseEnvelope(value: unknown): ItemEnvelope {
  const result = itemEnvelopeSchema.safeParse(value);
  if (!result.success) {
    throw new InvalidMessageError(
      `item envelope does not match ${ENVELOPE_SCHEMA}: ${z.prettifyError(result.error)}`,
    );
  }
  return result.data;
}
