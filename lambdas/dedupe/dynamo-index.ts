import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { conditionalPut } from '../shared/conditional-put.ts';
import { TransientError } from '../shared/errors.ts';
import {
  type AnchorBucket,
  appendEntry,
  type BucketEntry,
  DEFAULT_BUCKET_CAPACITY,
  type DedupeIndex,
  type IndexRecord,
  type Lookup,
  liveBucket,
} from './index-store.ts';

const SORT_KEY = '-';
const MAX_BATCH_GET_ATTEMPTS = 5;
const MAX_BUCKET_WRITE_ATTEMPTS = 5;
/** BatchGetItem's limit per request. */
const BATCH_GET_KEYS = 100;

type Item = Record<string, unknown>;

/**
 * The index on DynamoDB: one table, `pk`/`sk` strings, `expiresAt` as the TTL
 * attribute. DynamoDB deletes expired items lazily (up to days late), so reads
 * filter on `expiresAt` themselves and the look-back window is exact.
 */
export class DynamoDedupeIndex implements DedupeIndex {
  readonly #doc: DynamoDBDocumentClient;
  readonly #table: string;
  readonly bucketCapacity: number;

  constructor(client: DynamoDBClient, table: string, options: { bucketCapacity?: number } = {}) {
    this.#doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
    this.#table = table;
    this.bucketCapacity = options.bucketCapacity ?? DEFAULT_BUCKET_CAPACITY;
  }

  async getMany(pks: readonly string[], nowSeconds: number): Promise<Map<string, IndexRecord>> {
    return (await this.lookup(pks, [], nowSeconds)).records;
  }

  async lookup(
    recordKeys: readonly string[],
    bucketKeys: readonly string[],
    nowSeconds: number,
  ): Promise<Lookup> {
    const wanted = [...new Set([...recordKeys, ...bucketKeys])];
    const chunks: string[][] = [];
    for (let i = 0; i < wanted.length; i += BATCH_GET_KEYS) chunks.push(wanted.slice(i, i + BATCH_GET_KEYS));
    const items = (await Promise.all(chunks.map((chunk) => this.#batchGet(chunk)))).flat();
    const bucketSet = new Set(bucketKeys);
    const records = new Map<string, IndexRecord>();
    const buckets = new Map<string, AnchorBucket>();
    for (const item of items) {
      const pk = item.pk as string;
      if (bucketSet.has(pk)) buckets.set(pk, liveBucket(toBucket(item), nowSeconds));
      else if ((item.expiresAt as number) > nowSeconds) records.set(pk, toRecord(item));
    }
    return { records, buckets };
  }

  async #batchGet(pks: readonly string[]): Promise<Item[]> {
    const found: Item[] = [];
    let keys: Item[] = pks.map((pk) => ({ pk, sk: SORT_KEY }));
    for (let attempt = 0; keys.length > 0; attempt++) {
      if (attempt >= MAX_BATCH_GET_ATTEMPTS) throw new TransientError('BatchGetItem left keys unprocessed');
      const result = await this.#doc.send(
        new BatchGetCommand({ RequestItems: { [this.#table]: { Keys: keys, ConsistentRead: true } } }),
      );
      found.push(...(result.Responses?.[this.#table] ?? []));
      keys = (result.UnprocessedKeys?.[this.#table]?.Keys as Item[] | undefined) ?? [];
    }
    return found;
  }

  async claim(record: IndexRecord, nowSeconds: number, replacing?: string): Promise<IndexRecord | undefined> {
    const written = await this.#conditionalPut(
      { ...record },
      `attribute_not_exists(pk) OR claimant = :claimant OR expiresAt <= :now${replacing ? ' OR claimant = :replacing' : ''}`,
      { ':claimant': record.claimant, ':now': nowSeconds, ...(replacing ? { ':replacing': replacing } : {}) },
    );
    if (written) return undefined;
    const holder = await this.#get(record.pk);
    if (!holder) throw new TransientError(`claim on ${record.pk} lost to a record that then vanished`);
    return toRecord(holder);
  }

  async putVersion(record: IndexRecord, nowSeconds: number): Promise<boolean> {
    return this.#conditionalPut(
      { ...record },
      'attribute_not_exists(pk) OR version < :version OR claimant = :claimant OR expiresAt <= :now',
      { ':version': record.version, ':claimant': record.claimant, ':now': nowSeconds },
    );
  }

  async appendToBuckets(
    pks: readonly string[],
    entry: BucketEntry,
    seen: ReadonlyMap<string, AnchorBucket>,
    nowSeconds: number,
  ): Promise<Map<string, AnchorBucket>> {
    const written = await Promise.all(
      pks.map(async (pk): Promise<[string, AnchorBucket | undefined]> => {
        let current = seen.get(pk);
        for (let attempt = 0; attempt < MAX_BUCKET_WRITE_ATTEMPTS; attempt++) {
          const next = appendEntry(current, pk, entry, this.bucketCapacity, nowSeconds);
          if (!next) return [pk, current && liveBucket(current, nowSeconds)];
          const expiresAt = Math.max(...next.entries.map((e) => e.expiresAt));
          const ok = await this.#conditionalPut(
            { pk, entries: next.entries, revision: next.revision, expiresAt },
            current ? 'revision = :revision' : 'attribute_not_exists(pk)',
            current ? { ':revision': current.revision } : undefined,
          );
          if (ok) return [pk, next];
          // Another item was appended meanwhile: read the bucket again and append to that.
          const fresh = await this.#get(pk);
          current = fresh ? toBucket(fresh) : undefined;
        }
        throw new TransientError(`bucket ${pk} kept changing while appending`);
      }),
    );
    const out = new Map<string, AnchorBucket>();
    for (const [pk, bucket] of written) if (bucket) out.set(pk, bucket);
    return out;
  }

  async #get(pk: string): Promise<Item | undefined> {
    const result = await this.#doc.send(
      new GetCommand({ TableName: this.#table, Key: { pk, sk: SORT_KEY }, ConsistentRead: true }),
    );
    return result.Item;
  }

  async #conditionalPut(
    item: Item,
    condition: string,
    values: Record<string, unknown> | undefined,
  ): Promise<boolean> {
    return conditionalPut(this.#doc, {
      TableName: this.#table,
      Item: { ...item, sk: SORT_KEY },
      ConditionExpression: condition,
      ...(values ? { ExpressionAttributeValues: values } : {}),
    });
  }
}

function toRecord(item: Item): IndexRecord {
  const { sk: _sk, ...record } = item;
  return record as unknown as IndexRecord;
}

function toBucket(item: Item): AnchorBucket {
  return {
    pk: item.pk as string,
    entries: (item.entries as BucketEntry[] | undefined) ?? [],
    revision: (item.revision as number | undefined) ?? 0,
  };
}
