import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  type S3Client,
} from '@aws-sdk/client-s3';
import { type ItemEnvelope, parseEnvelope } from '../shared/envelope.ts';
import { InvalidMessageError, TransientError } from '../shared/errors.ts';
import { putJson } from '../shared/reports.ts';
import { HELD_PREFIX, heldFolder } from './embargo.ts';

export const HELD_RECORD_SCHEMA = 'syndicate.held.v1';

/**
 * One held version, durable in S3: the whole envelope, not a pointer to it, so
 * that no claim check's expiry (21 days) bounds how long an embargo may run.
 */
export interface HeldRecord {
  readonly schema: typeof HELD_RECORD_SCHEMA;
  readonly key: string;
  readonly uri: string;
  readonly version: number;
  /** When it is released (ISO). */
  readonly until: string;
  readonly heldAt: string;
  readonly envelope: ItemEnvelope;
}

/** Held items, by the key embargo.ts names them with. */
export interface HeldStore {
  put(record: HeldRecord): Promise<void>;
  get(key: string): Promise<HeldRecord | undefined>;
  has(key: string): Promise<boolean>;
  /** Deleting what is not there succeeds: a release or a cancellation may come twice. */
  delete(key: string): Promise<void>;
  /** Keys of one story's held versions. */
  keysOf(uri: string): Promise<string[]>;
  /** Every held key, oldest folder first, at most `limit`. */
  keys(limit: number): Promise<string[]>;
}

const MAX_PAGES = 100;

export function createS3HeldStore(s3: S3Client, bucket: string): HeldStore {
  const list = async (prefix: string, limit: number): Promise<string[]> => {
    const keys: string[] = [];
    let token: string | undefined;
    for (let page = 0; page < MAX_PAGES && keys.length < limit; page++) {
      const listed = await s3.send(
        new ListObjectsV2Command({
          Bucket: bucket,
          Prefix: prefix,
          MaxKeys: Math.min(1000, limit - keys.length),
          ...(token ? { ContinuationToken: token } : {}),
        }),
      );
      for (const object of listed.Contents ?? []) if (object.Key) keys.push(object.Key);
      token = listed.IsTruncated ? listed.NextContinuationToken : undefined;
      if (!token) break;
    }
    return keys.slice(0, limit);
  };
  /**
   * Whether a key exists, asked by listing it: a role with s3:ListBucket only under held/ (the s3:prefix
   * condition) is told 403, not 404, by GetObject and HeadObject for a key that is gone.
   */
  const exists = async (key: string): Promise<boolean> => {
    try {
      const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: key, MaxKeys: 1 }));
      return (listed.Contents ?? []).some((object) => object.Key === key);
    } catch (error) {
      throw new TransientError(`could not look up held item ${key}`, { cause: error });
    }
  };
  return {
    async put(record) {
      await putJson(s3, bucket, record.key, record);
    },
    async get(key) {
      if (!(await exists(key))) return undefined;
      let text: string;
      try {
        const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        text = (await object.Body?.transformToString('utf-8')) ?? '';
      } catch (error) {
        // Deleted between the listing and the read: released or canceled meanwhile.
        if (isMissing(error)) return undefined;
        throw new TransientError(`could not read held item ${key}`, { cause: error });
      }
      return parseHeldRecord(text, key);
    },
    has: (key) => exists(key),
    async delete(key) {
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
    keysOf: (uri) => list(heldFolder(uri), 1000),
    keys: (limit) => list(HELD_PREFIX, limit),
  };
}

function isMissing(error: unknown): boolean {
  const name = (error as Error | undefined)?.name;
  return name === 'NoSuchKey' || name === 'NotFound';
}

/** A held record as stored; its envelope is validated like any stage's input. */
export function parseHeldRecord(text: string, key: string): HeldRecord {
  let value: Partial<HeldRecord> & Record<string, unknown>;
  try {
    value = JSON.parse(text) as typeof value;
  } catch (error) {
    throw new InvalidMessageError(`held item ${key} is not JSON`, { cause: error });
  }
  if (
    value?.schema !== HELD_RECORD_SCHEMA ||
    typeof value.uri !== 'string' ||
    typeof value.version !== 'number' ||
    typeof value.until !== 'string' ||
    typeof value.heldAt !== 'string'
  ) {
    throw new InvalidMessageError(`held item ${key} does not match ${HELD_RECORD_SCHEMA}`);
  }
  return {
    schema: HELD_RECORD_SCHEMA,
    key,
    uri: value.uri,
    version: value.version,
    until: value.until,
    heldAt: value.heldAt,
    envelope: parseEnvelope(value.envelope),
  };
}
