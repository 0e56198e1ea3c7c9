import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';

/** A new story as the log records it: enough to file it under its anchors again. */
export interface LoggedStory {
  /** The exact-body fingerprint (sha256, hex), which is also its record's key. */
  readonly fingerprint: string;
  /** Epoch seconds: the end of its look-back window. */
  readonly expiresAt: number;
  readonly anchors: Uint32Array;
}

/** What one dedupe batch filed: one log item. */
export interface LogSegment {
  /** Unique across writers, and starts with the ISO time it was written: ids sort in time order. */
  readonly id: string;
  readonly stories: readonly LoggedStory[];
}

/**
 * The log every dedupe instance appends its batch's new stories to, and reads
 * the others' from. One write per batch is what makes the near-duplicate index
 * affordable: as a DynamoDB item per anchor it cost six writes per story.
 */
export interface AnchorLog {
  /** Appends one segment (or more, if it is too large for one item) and returns their ids. */
  write(stories: readonly LoggedStory[], writtenAtMs: number): Promise<string[]>;
  /** Every segment keyed at or after `fromMs`, oldest first. */
  readSince(fromMs: number, untilMs: number): Promise<LogSegment[]>;
}

const FINGERPRINT_BYTES = 32;
/**
 * The segment layout's version, written with each segment. A reader leaves out
 * segments of another layout (a newer writer during a rolling deploy): their
 * stories are only missed as near-copy candidates, and a failed decode of its
 * own layout still throws.
 */
export const SEGMENT_FORMAT = 1;
/** Stories per item: far under DynamoDB's 400 KB even with many anchors each. */
const STORIES_PER_ITEM = 2_000;
const MAX_PAGES_PER_DAY = 1_000;
const DAY_MS = 86_400_000;

/**
 * A flat binary layout, per story: 32 bytes of fingerprint, the expiry as a
 * u32, the anchor count as a u8, then the anchors as u32s (little-endian).
 * Hand-written because it is ten lines, and DynamoDB bills writes by the
 * byte: this is a third of the same stories as JSON.
 */
export function encodeStories(stories: readonly LoggedStory[]): Uint8Array {
  const size = stories.reduce((sum, s) => sum + FINGERPRINT_BYTES + 5 + 4 * s.anchors.length, 0);
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  let at = 0;
  for (const story of stories) {
    if (!/^[0-9a-f]{64}$/.test(story.fingerprint))
      throw new RangeError('a logged fingerprint is a sha256 in hex');
    if (story.anchors.length > 255) throw new RangeError('at most 255 anchors a story');
    bytes.set(Buffer.from(story.fingerprint, 'hex'), at);
    at += FINGERPRINT_BYTES;
    view.setUint32(at, story.expiresAt, true);
    view.setUint8(at + 4, story.anchors.length);
    at += 5;
    for (const anchor of story.anchors) {
      view.setUint32(at, anchor, true);
      at += 4;
    }
  }
  return bytes;
}

export function decodeStories(bytes: Uint8Array): LoggedStory[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const stories: LoggedStory[] = [];
  let at = 0;
  while (at < bytes.byteLength) {
    if (at + FINGERPRINT_BYTES + 5 > bytes.byteLength)
      throw new RangeError('anchor log segment is truncated');
    const fingerprint = Buffer.from(bytes.subarray(at, at + FINGERPRINT_BYTES)).toString('hex');
    at += FINGERPRINT_BYTES;
    const expiresAt = view.getUint32(at, true);
    const count = view.getUint8(at + 4);
    at += 5;
    if (at + 4 * count > bytes.byteLength) throw new RangeError('anchor log segment is truncated');
    const anchors = new Uint32Array(count);
    for (let i = 0; i < count; i++) anchors[i] = view.getUint32(at + 4 * i, true);
    at += 4 * count;
    stories.push({ fingerprint, expiresAt, anchors });
  }
  return stories;
}

const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const partition = (day: string): string => `anchorlog#${day}`;

/**
 * The log in the index's table: one partition per UTC day, so a reader asks
 * only for the days its window covers, and a sort key that starts with the
 * writer's clock, so "since" is a key condition. Segments expire with the
 * stories in them (the table's TTL).
 */
export class DynamoAnchorLog implements AnchorLog {
  readonly #doc: DynamoDBDocumentClient;
  readonly #table: string;
  /** Sets this writer's keys apart from every other instance writing in the same millisecond. */
  readonly #writer = randomUUID().slice(0, 8);
  #sequence = 0;

  constructor(client: DynamoDBClient, table: string) {
    this.#doc = DynamoDBDocumentClient.from(client);
    this.#table = table;
  }

  async write(stories: readonly LoggedStory[], writtenAtMs: number): Promise<string[]> {
    const writes: Promise<unknown>[] = [];
    const ids: string[] = [];
    for (let i = 0; i < stories.length; i += STORIES_PER_ITEM) {
      const chunk = stories.slice(i, i + STORIES_PER_ITEM);
      const sk = `${new Date(writtenAtMs).toISOString()}#${this.#writer}#${(this.#sequence++).toString(36).padStart(8, '0')}`;
      const item = {
        pk: partition(dayOf(writtenAtMs)),
        sk,
        format: SEGMENT_FORMAT,
        stories: encodeStories(chunk),
        expiresAt: Math.max(...chunk.map((s) => s.expiresAt)),
      };
      ids.push(sk);
      writes.push(this.#doc.send(new PutCommand({ TableName: this.#table, Item: item })));
    }
    await Promise.all(writes);
    return ids;
  }

  async readSince(fromMs: number, untilMs: number): Promise<LogSegment[]> {
    const days: string[] = [];
    for (let ms = Math.floor(fromMs / DAY_MS) * DAY_MS; ms <= untilMs; ms += DAY_MS) days.push(dayOf(ms));
    const from = new Date(fromMs).toISOString();
    const perDay = await Promise.all(days.map((day) => this.#readDay(day, from)));
    // ISO timestamps first in every key: the keys sort in time order across days.
    return perDay.flat().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async #readDay(day: string, from: string): Promise<LogSegment[]> {
    const segments: LogSegment[] = [];
    let start: Record<string, unknown> | undefined;
    for (let page = 0; page < MAX_PAGES_PER_DAY; page++) {
      const result = await this.#doc.send(
        new QueryCommand({
          TableName: this.#table,
          KeyConditionExpression: 'pk = :pk AND sk >= :from',
          ExpressionAttributeValues: { ':pk': partition(day), ':from': from },
          // A segment a moment too new for an eventually consistent read is read on the next pass over
          // the overlap (logged-index.ts), at half the price of a consistent read.
          ConsistentRead: false,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      for (const item of result.Items ?? []) {
        if (item.format !== SEGMENT_FORMAT) continue;
        const id = `${item.pk as string}/${item.sk as string}`;
        const bytes = item.stories;
        if (!(bytes instanceof Uint8Array)) throw new TypeError(`anchor log item ${id} has no stories`);
        segments.push({ id: item.sk as string, stories: decodeStories(bytes) });
      }
      start = result.LastEvaluatedKey;
      if (!start) return segments;
    }
    throw new Error(`anchor log for ${day} is longer than ${MAX_PAGES_PER_DAY} pages`);
  }
}
