import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { conditionalPut, isConditionalCheckFailure } from '../shared/conditional-put.ts';
import { TransientError } from '../shared/errors.ts';
import { EXACT_PREFIX, exactKey, type IndexRecord, type RecordStore } from './index-store.ts';

const SORT_KEY = '-';
const MAX_BATCH_GET_ATTEMPTS = 5;
/** BatchGetItem's limit per request. */
const BATCH_GET_KEYS = 100;

type Item = Record<string, unknown>;

/**
 * The index's records on DynamoDB: one table, `pk`/`sk` strings, `expiresAt`
 * as the TTL attribute. DynamoDB deletes expired items lazily (up to days
 * late), so reads filter on `expiresAt` themselves and the look-back window is
 * exact.
 */
export class DynamoRecordStore implements RecordStore {
  readonly #doc: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(client: DynamoDBClient, table: string) {
    this.#doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
    this.#table = table;
  }

  /** Consistent reads: a claim decided a moment ago elsewhere must be seen. */
  async getMany(pks: readonly string[], nowSeconds: number): Promise<Map<string, IndexRecord>> {
    const wanted = [...new Set(pks)];
    const chunks: string[][] = [];
    for (let i = 0; i < wanted.length; i += BATCH_GET_KEYS) chunks.push(wanted.slice(i, i + BATCH_GET_KEYS));
    const items = (await Promise.all(chunks.map((chunk) => this.#batchGet(chunk)))).flat();
    const records = new Map<string, IndexRecord>();
    for (const item of items) {
      if ((item.expiresAt as number) > nowSeconds) records.set(item.pk as string, toRecord(item));
    }
    return records;
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
      withoutKeyedFingerprint(record),
      `attribute_not_exists(pk) OR claimant = :claimant OR expiresAt <= :now${replacing ? ' OR claimant = :replacing' : ''}`,
      { ':claimant': record.claimant, ':now': nowSeconds, ...(replacing ? { ':replacing': replacing } : {}) },
    );
    if (written) return undefined;
    const holder = await this.#get(record.pk);
    if (!holder) throw new TransientError(`claim on ${record.pk} lost to a record that then vanished`);
    return toRecord(holder);
  }

  async putVersion(record: IndexRecord, nowSeconds: number): Promise<boolean> {
    // An older arrival decided late must not overtake the record a later arrival left (item-identity.ts).
    const notOlder = record.lastArrival
      ? ' AND (attribute_not_exists(lastArrival) OR lastArrival <= :arrival)'
      : '';
    return this.#conditionalPut(
      { ...record },
      `attribute_not_exists(pk) OR claimant = :claimant OR expiresAt <= :now OR (version < :version${notOlder})`,
      {
        ':version': record.version,
        ':claimant': record.claimant,
        ':now': nowSeconds,
        ...(record.lastArrival ? { ':arrival': record.lastArrival } : {}),
      },
    );
  }

  async noteArrival(record: IndexRecord, nowSeconds: number): Promise<boolean> {
    if (!record.lastArrival) return true;
    try {
      await this.#doc.send(
        new UpdateCommand({
          TableName: this.#table,
          Key: { pk: record.pk, sk: SORT_KEY },
          UpdateExpression: 'SET lastArrival = :arrival',
          ConditionExpression:
            'version = :version AND expiresAt > :now AND (attribute_not_exists(lastArrival) OR lastArrival <= :arrival)',
          ExpressionAttributeValues: {
            ':arrival': record.lastArrival,
            ':version': record.version,
            ':now': nowSeconds,
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailure(error)) return false;
      throw error;
    }
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

/**
 * An exact record's key already is its fingerprint: written once, not twice.
 * DynamoDB bills each write per started KB, and a body claim with its
 * signature and details sits close to the first KB.
 */
function withoutKeyedFingerprint(record: IndexRecord): Item {
  if (record.pk !== exactKey(record.fingerprint)) return { ...record };
  const { fingerprint: _fingerprint, ...rest } = record;
  return rest;
}

function toRecord(item: Item): IndexRecord {
  const { sk: _sk, ...record } = item;
  const pk = record.pk as string;
  // Restored from the key (records written before it was left out still carry it).
  if (record.fingerprint === undefined && pk.startsWith(EXACT_PREFIX))
    record.fingerprint = pk.slice(EXACT_PREFIX.length);
  return record as unknown as IndexRecord;
}
