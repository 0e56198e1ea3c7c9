import { itemUri, storyIdFor } from '../lambdas/dedupe/decide.ts';
import { normalizeDocument } from '../lambdas/normalize/document.ts';
import type { ItemError } from '../lambdas/normalize/parse/types.ts';
import { type NinjsDocument, toNinjs } from '../lambdas/publish/ninjs.ts';
import type { FeedMeta, ItemEnvelope, SourceFormat } from '../lambdas/shared/envelope.ts';
import { sha256Hex } from '../lambdas/shared/hash.ts';
import { rawDocumentKey } from '../lambdas/shared/keys.ts';
import { OutletRegistry } from '../lambdas/shared/outlets.ts';
import { CreditFinder } from '../lambdas/tag/credits.ts';
import { DEFAULT_GAZETTEER } from '../lambdas/tag/gazetteer.ts';
import { tagItem } from '../lambdas/tag/tag-item.ts';

export interface OfflineResult {
  readonly format: SourceFormat;
  readonly feed: FeedMeta | null;
  readonly items: NinjsDocument[];
  readonly itemErrors: ItemError[];
}

export interface OfflineOptions {
  readonly outlet?: string;
  readonly receivedAt?: string;
  readonly contentType?: string;
  /** The URL the document was fetched from or is published at: the base for its relative links. */
  readonly sourceUrl?: string;
  readonly outlets?: OutletRegistry;
  readonly credits?: CreditFinder;
}

const defaultCredits = new CreditFinder(DEFAULT_GAZETTEER);

/**
 * Parse, normalize and tag one document in-process, with no storage and no
 * dedupe (every item is taken as new): what `syndicate parse` prints, and what
 * conformance tests and benchmarks measure. Same domain functions as the stages.
 */
export async function processOffline(
  bytes: Uint8Array,
  options: OfflineOptions = {},
): Promise<OfflineResult> {
  const outlet = options.outlet ?? 'local';
  const documentId = sha256Hex(bytes);
  const key = rawDocumentKey(outlet, documentId);
  const receivedAt = options.receivedAt ?? new Date().toISOString();
  const normalized = await normalizeDocument(
    {
      bytes,
      outlet,
      bucket: 'offline',
      key,
      ingestionId: `${key}@offline`,
      receivedAt,
      hints: {
        ...(options.contentType ? { contentType: options.contentType } : {}),
        ...(options.sourceUrl ? { location: options.sourceUrl } : {}),
      },
    },
    documentId,
  );
  const tagOptions = {
    credits: options.credits ?? defaultCredits,
    outlets: options.outlets ?? new OutletRegistry(),
  };
  const items = normalized.envelopes.map((envelope) => {
    const uri = itemUri(outlet, envelope.item.identity);
    const decided: ItemEnvelope = {
      ...envelope,
      dedupe: {
        decision: 'new',
        storyId: storyIdFor(uri),
        uri,
        version: 1,
        firstCreated: envelope.item.published,
        versionCreated: envelope.item.updated ?? envelope.item.published,
      },
    };
    return toNinjs({ ...decided, tags: tagItem(decided, tagOptions) });
  });
  return {
    format: normalized.document.format,
    feed: normalized.document.feed,
    items,
    itemErrors: normalized.itemErrors,
  };
}
