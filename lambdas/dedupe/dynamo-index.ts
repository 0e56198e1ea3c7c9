import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { TransientError } from '../shared/errors.ts';
import type { DedupeIndex, IndexRecord } from './index-store.ts';

const SORT_KEY = '-';
const MAX_BATCH_GET_ATTEMPTS = 5;

/**
 * The index on DynamoDB: one table, `pk`/`sk` strings, `expiresAt` as the TTL
 * attribute. DynamoDB deletes expired items lazily (up to days late), so reads
 * filter on `expiresAt` themselves and the look-back window is exact.
 */
export class DynamoDedupeIndex implements DedupeIndex {
  readonly #doc: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(client: DynamoDBClient, table: string) {
    this.#doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
    this.#table = table;
  }

  async getMany(pks: readonly string[], nowSeconds: number): Promise<Map<string, IndexRecord>> {
    const found = new Map<string, IndexRecord>();
    let keys: Record<string, unknown>[] = [...new Set(pks)].map((pk) => ({ pk, sk: SORT_KEY }));
    for (let attempt = 0; keys.length > 0; attempt++) {
      if (attempt >= MAX_BATCH_GET_ATTEMPTS) throw new TransientError('BatchGetItem left keys unprocessed');
      const result = await this.#doc.send(
        new BatchGetCommand({ RequestItems: { [this.#table]: { Keys: keys, ConsistentRead: true } } }),
      );
      for (const item of result.Responses?.[this.#table] ?? []) {
        const record = item as IndexRecord;
        if (record.expiresAt > nowSeconds) found.set(record.pk, record);
      }
      keys = (result.UnprocessedKeys?.[this.#table]?.Keys as Record<string, unknown>[] | undefined) ?? [];
    }
    return found;
  }

  async claim(record: IndexRecord, nowSeconds: number): Promise<IndexRecord | undefined> {
    const written = await this.#conditionalPut(
      record,
      'attribute_not_exists(pk) OR claimant = :claimant OR expiresAt <= :now',
      { ':claimant': record.claimant, ':now': nowSeconds },
    );
    if (written) return undefined;
    const holder = await this.#doc.send(
      new GetCommand({ TableName: this.#table, Key: { pk: record.pk, sk: SORT_KEY }, ConsistentRead: true }),
    );
    if (!holder.Item) throw new TransientError(`claim on ${record.pk} lost to a record that then vanished`);
    return holder.Item as IndexRecord;
  }

  async putVersion(record: IndexRecord, nowSeconds: number): Promise<boolean> {
    return this.#conditionalPut(
      record,
      'attribute_not_exists(pk) OR version < :version OR claimant = :claimant OR expiresAt <= :now',
      { ':version': record.version, ':claimant': record.claimant, ':now': nowSeconds },
    );
  }

  async #conditionalPut(
    record: IndexRecord,
    condition: string,
    values: Record<string, unknown>,
  ): Promise<boolean> {
    try {
      await this.#doc.send(
        new PutCommand({
          TableName: this.#table,
          Item: { ...record, sk: SORT_KEY },
          ConditionExpression: condition,
          ExpressionAttributeValues: values,
        }),
      );
      return true;
    } catch (error) {
      if (
        error instanceof ConditionalCheckFailedException ||
        (error as Error).name === 'ConditionalCheckFailedException'
      ) {
        return false;
      }
      throw error;
    }
  }
}
