import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { FeedMeta, SourceFormat } from './envelope.ts';

/** What normalize learned about one arrival of a document, written beside the raw bytes. */
export interface DocumentManifest {
  readonly documentId: string;
  readonly outlet: string;
  readonly key: string;
  readonly ingestionId: string;
  readonly receivedAt: string;
  readonly status: 'accepted' | 'rejected';
  readonly format?: SourceFormat;
  readonly feed?: FeedMeta | null;
  readonly items: number;
  readonly itemErrors: ReadonlyArray<{ index: number; reason: string }>;
  readonly rejection?: { code: string; reason: string };
  /**
   * The base that relative references fell back to where no xml:base was in scope: the URL the document
   * was fetched from, else the feed's rel="self", else its own link. Each item records its own in `base`.
   */
  readonly base?: { url: string; from: 'xml:base' | 'fetched-from' | 'self' | 'feed-link' };
}

export async function putJson(s3: S3Client, bucket: string, key: string, value: unknown): Promise<void> {
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: JSON.stringify(value),
      ContentType: 'application/json; charset=utf-8',
    }),
  );
}
