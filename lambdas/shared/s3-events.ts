import type { S3EventRecord } from 'aws-lambda';
import { InvalidMessageError } from './errors.ts';

export interface ObjectArrival {
  readonly bucket: string;
  readonly key: string;
  readonly eventTime: string;
  /** Unique per write of one key: the arrival's identity, stable across redeliveries. */
  readonly ingestionId: string;
  /**
   * The version this write created, in a versioned bucket (the raw archive is
   * one): reading it, not the key's latest, keeps an object overwritten before
   * it was read from being read twice and its first version never.
   */
  readonly versionId?: string;
}

/**
 * Reads the S3 event notification that S3 delivers into the normalize queue.
 * The test event S3 sends when a notification is configured yields nothing.
 */
export function readS3Notification(body: string): ObjectArrival[] {
  let parsed: { Records?: S3EventRecord[]; Event?: string };
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    throw new InvalidMessageError('S3 notification is not JSON', { cause: error });
  }
  if (parsed.Event === 's3:TestEvent') return [];
  if (!Array.isArray(parsed.Records)) throw new InvalidMessageError('S3 notification has no Records');
  return parsed.Records.filter((record) => record.eventName?.startsWith('ObjectCreated:')).map((record) => {
    const bucket = record.s3?.bucket?.name;
    const rawKey = record.s3?.object?.key;
    if (!bucket || !rawKey) throw new InvalidMessageError('S3 notification record lacks bucket or key');
    // Keys arrive URL-encoded with "+" for spaces.
    const key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
    const sequencer = record.s3.object.sequencer ?? record.eventTime;
    const { versionId } = record.s3.object;
    return {
      bucket,
      key,
      eventTime: record.eventTime,
      ingestionId: `${key}@${sequencer}`,
      // S3 writes "null" for an object written while the bucket was unversioned: that is no version to ask for.
      ...(versionId && versionId !== 'null' ? { versionId } : {}),
    };
  });
}

/**
 * The object keys an S3 notification names, decoded; empty for anything else.
 * For reading dead letters back, where a body that is not a notification is an
 * answer (no keys), not an error.
 */
export function notificationKeys(body: string): string[] {
  try {
    return readS3Notification(body).map((arrival) => arrival.key);
  } catch {
    return [];
  }
}
