import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { sha256Hex } from './hash.ts';
import { rawDocumentKey, SOURCE_URL_METADATA, VIA_METADATA } from './keys.ts';

export interface StoredDocument {
  readonly documentId: string;
  readonly key: string;
}

/** The raw archive as ingestion sees it: bytes in, unchanged, content-addressed under the outlet. */
export interface RawDocumentStore {
  put(
    outlet: string,
    bytes: Uint8Array,
    contentType: string | undefined,
    via: string,
    /** Where a polled document was fetched from: the base for its relative links. */
    sourceUrl?: string,
  ): Promise<StoredDocument>;
}

/** The URL in ASCII with its meaning kept; a stray `%` that decodeURI refuses is escaped instead. */
function asciiUrl(url: string): string {
  try {
    return encodeURI(decodeURI(url));
  } catch {
    return encodeURI(url.replace(/%(?![0-9a-f]{2})/gi, '%25')).replace(/%25([0-9a-f]{2})/gi, '%$1');
  }
}

/**
 * PutObject resolves only once S3 has stored the object durably, which is what
 * a 202 promises. Content-Type is kept because normalize reads its charset;
 * the checksum makes S3 refuse bytes damaged on the way.
 */
export function createS3RawStore(s3: S3Client, bucket: string): RawDocumentStore {
  return {
    async put(outlet, bytes, contentType, via, sourceUrl) {
      const documentId = sha256Hex(bytes);
      const key = rawDocumentKey(outlet, documentId);
      await s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: bytes,
          ContentType: contentType ?? 'application/octet-stream',
          ChecksumSHA256: Buffer.from(documentId, 'hex').toString('base64'),
          // S3 metadata is ASCII: encodeURI keeps a URL's meaning and makes it so.
          Metadata: {
            [VIA_METADATA]: via,
            ...(sourceUrl ? { [SOURCE_URL_METADATA]: asciiUrl(sourceUrl) } : {}),
          },
        }),
      );
      return { documentId, key };
    },
  };
}
