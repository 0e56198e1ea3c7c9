import { InvalidMessageError } from './errors.ts';
import * as z from './zod.ts';

/**
 * The contract between stages. Every stage validates the envelope it receives
 * (messages are validated at the edge) and passes it on enriched. The types are
 * inferred from the schemas so the two can never drift apart. The schemas are
 * built by `envelopeSchema()`, not when this module loads (it says why).
 */

export const SOURCE_FORMATS = ['rss', 'rdf', 'atom', 'jsonfeed', 'article', 'ninjs'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** A document's own metadata as read; `syndicate parse` prints it as `feed`. */
const feedMetaSchema = () =>
  z.object({
    title: z.optional(z.string()),
    link: z.optional(z.string()),
    description: z.optional(z.string()),
    language: z.optional(z.string()),
    copyright: z.optional(z.string()),
    generator: z.optional(z.string()),
    /** Licence URL declared by the feed (e.g. Creative Commons), if any. */
    license: z.optional(z.string()),
  });
export type FeedMeta = z.infer<ReturnType<typeof feedMetaSchema>>;

const documentRefSchema = () =>
  z.object({
    /** sha256 of the raw bytes: the content address in the raw archive. */
    id: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
    outlet: z.string().check(z.minLength(1)),
    bucket: z.string().check(z.minLength(1)),
    key: z.string().check(z.minLength(1)),
    /** Unique per arrival (S3 key + sequencer): a redelivery keeps it, a re-push gets a new one. */
    ingestionId: z.string().check(z.minLength(1)),
    receivedAt: z.iso.datetime(),
    format: z.enum(SOURCE_FORMATS),
    feed: z.nullable(feedMetaSchema()),
  });
export type DocumentRef = z.infer<ReturnType<typeof documentRefSchema>>;

const datelineSchema = () =>
  z.object({
    raw: z.string(),
    place: z.optional(z.string()),
    /** The outlet or wire named in the dateline, e.g. "PatriotWise.com", "Reuters". */
    credit: z.optional(z.string()),
  });
export type Dateline = z.infer<ReturnType<typeof datelineSchema>>;

/** A media object of an item (image, video, audio, podcast enclosure), absolute http(s) only. */
const itemMediaSchema = () =>
  z.object({
    href: z.string(),
    rel: z.enum(['content', 'thumbnail', 'enclosure']),
    contentType: z.optional(z.string()),
    medium: z.optional(z.enum(['image', 'audio', 'video', 'document', 'executable'])),
    width: z.optional(z.number().check(z.int(), z.positive())),
    height: z.optional(z.number().check(z.int(), z.positive())),
    sizeInBytes: z.optional(z.number().check(z.int(), z.nonnegative())),
    duration: z.optional(z.number().check(z.nonnegative())),
    title: z.optional(z.string()),
  });
export type ItemMedia = z.infer<ReturnType<typeof itemMediaSchema>>;

/** The ninjs pubStatus values that take an earlier item back. */
export const WITHDRAWN_STATUSES = ['canceled', 'withheld'] as const;
export type WithdrawnStatus = (typeof WITHDRAWN_STATUSES)[number];

const normalizedItemSchema = () =>
  z.object({
    /** Stable identity within the outlet: guid, else canonical link, else content hash. */
    identity: z.string().check(z.minLength(1)),
    guid: z.optional(z.string()),
    url: z.optional(z.string()),
    headline: z.string(),
    summary: z.optional(z.string()),
    /** Plain text, paragraphs separated by one blank line. */
    bodyText: z.string(),
    /** Sanitized HTML, safe to render. */
    bodyHtml: z.string(),
    language: z.string(),
    published: z.iso.datetime(),
    /** Where `published` came from: the item, the feed, or the receipt time as a fallback. */
    publishedFrom: z.enum(['item', 'feed', 'receipt']),
    updated: z.optional(z.iso.datetime()),
    byline: z.optional(z.string()),
    dateline: z.optional(datelineSchema()),
    /** Footers set aside from the body (copyright, "originally appeared on"), kept for tagging. */
    notices: z.array(z.string()),
    authors: z.array(z.string()),
    categories: z.array(z.string()),
    /** The item's own rights statement as given by its format (RSS/Atom/JSON Feed/ninjs). */
    rights: z.optional(z.string()),
    license: z.optional(z.string()),
    media: z.optional(z.array(itemMediaSchema())),
    /** The base relative references of the item were resolved against, and where it came from. */
    base: z.optional(
      z.object({ url: z.string(), from: z.enum(['xml:base', 'fetched-from', 'self', 'feed-link']) }),
    ),
    /** Set only on an outlet's kill (`canceled`) or withdrawal (`withheld`) of its earlier item (withdraw.ts). */
    pubStatus: z.optional(z.enum(WITHDRAWN_STATUSES)),
    /**
     * The time before which the outlet forbids publication, as the source gave it (ninjs
     * `embargoedUntil`, `dcterms:available`, …). Kept even once past: publish decides against its clock.
     */
    embargoed: z.optional(z.iso.datetime()),
  });
export type NormalizedItem = z.infer<ReturnType<typeof normalizedItemSchema>>;

export const DEDUPE_DECISIONS = [
  'new',
  'version',
  'duplicate',
  'near-duplicate',
  'superseded',
  // Decisions on kills and withdrawals (lambdas/dedupe/withdraw.ts).
  'original-withdrawn',
  'already-withdrawn',
  'kill-of-unknown-item',
] as const;
const dedupeOutcomeSchema = () =>
  z.object({
    decision: z.enum(DEDUPE_DECISIONS),
    storyId: z.string(),
    uri: z.string(),
    version: z.number().check(z.int(), z.positive()),
    firstCreated: z.iso.datetime(),
    versionCreated: z.iso.datetime(),
    /** For duplicates and near-duplicates: the earlier report this one matched. */
    matchOf: z.optional(
      z.object({
        uri: z.string(),
        storyId: z.string(),
        rule: z.string(),
        similarity: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
      }),
    ),
    /** For published stories: the event reported, shared by linked reports of other outlets. */
    eventId: z.optional(z.string()),
    /** Another outlet's earlier, separately written report of the same event. */
    sameEventAs: z.optional(z.object({ uri: z.string(), storyId: z.string(), rule: z.string() })),
  });
export type DedupeOutcome = z.infer<ReturnType<typeof dedupeOutcomeSchema>>;

const infoSourceSchema = () =>
  z.object({
    name: z.string().check(z.minLength(1)),
    role: z.string().check(z.minLength(1)),
    uri: z.optional(z.string()),
  });
export type InfoSource = z.infer<ReturnType<typeof infoSourceSchema>>;

const tagSetSchema = () =>
  z.object({
    copyrightHolder: z.optional(z.string()),
    copyrightNotice: z.optional(z.string()),
    copyrightYear: z.optional(z.string()),
    usageTerms: z.optional(z.string()),
    licenseUrl: z.optional(z.string()),
    sources: z.array(infoSourceSchema()),
  });
export type TagSet = z.infer<ReturnType<typeof tagSetSchema>>;

export const ENVELOPE_SCHEMA = 'syndicate.item.v1';
const itemEnvelopeSchema = () =>
  z.object({
    schema: z.literal(ENVELOPE_SCHEMA),
    document: documentRefSchema(),
    index: z.number().check(z.int(), z.nonnegative()),
    item: normalizedItemSchema(),
    dedupe: z.optional(dedupeOutcomeSchema()),
    tags: z.optional(tagSetSchema()),
    /** A kill's re-publication: of the withdrawn item itself, or of a copy assigned to it (flagged). */
    withdrawal: z.optional(
      z.object({
        pubStatus: z.enum(WITHDRAWN_STATUSES),
        role: z.enum(['original', 'copy']),
        originalUri: z.string(),
      }),
    ),
  });
export type ItemEnvelope = z.infer<ReturnType<typeof itemEnvelopeSchema>>;

let built: ReturnType<typeof itemEnvelopeSchema> | undefined;

/**
 * The envelope schema, built once per process when first asked for rather than
 * when this module loads: normalize writes envelopes but never reads one, and
 * its cold start need not build some seventy schemas it never uses (~3 ms).
 * The stages that read envelopes ask for it in their bootstrap, so they still
 * build it at cold start, not on their first record.
 */
export function envelopeSchema(): ReturnType<typeof itemEnvelopeSchema> {
  built ??= itemEnvelopeSchema();
  return built;
}

export function parseEnvelope(value: unknown): ItemEnvelope {
  const result = envelopeSchema().safeParse(value);
  if (!result.success) {
    throw new InvalidMessageError(
      `item envelope does not match ${ENVELOPE_SCHEMA}: ${z.prettifyError(result.error)}`,
    );
  }
  return result.data;
}
