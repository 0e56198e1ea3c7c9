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
