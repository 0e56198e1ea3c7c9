import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { conditionalPut } from '../shared/conditional-put.ts';

/** Remembers signatures already accepted, so an exact replay inside the window is refused. */
export interface ReplayGuard {
  /** True when this signature is seen for the first time (and is now remembered until `expiresAt`). */
  claim(signature: string, outlet: string, expiresAtSeconds: number, nowSeconds: number): Promise<boolean>;
}

export const REPLAY_PREFIX = 'replay#';
const SORT_KEY = '-';

/**
 * On the dedupe table: pk `replay#<hex>`, sk `-`, TTL attribute `expiresAt`.
 * The condition also admits an expired record, because TTL deletion is lazy
 * (and absent in the local emulator).
 */
export class DynamoReplayGuard implements ReplayGuard {
  readonly #doc: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly table: string,
  ) {
    this.#doc = DynamoDBDocumentClient.from(client);
  }

  async claim(signature: string, outlet: string, expiresAtSeconds: number, nowSeconds: number) {
    return conditionalPut(this.#doc, {
      TableName: this.table,
      Item: { pk: `${REPLAY_PREFIX}${signature}`, sk: SORT_KEY, outlet, expiresAt: expiresAtSeconds },
      ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now',
      ExpressionAttributeValues: { ':now': nowSeconds },
    });
  }
}

/** For unit tests and single-process tools. */
export class MemoryReplayGuard implements ReplayGuard {
  readonly #seen = new Map<string, number>();

  async claim(signature: string, _outlet: string, expiresAtSeconds: number, nowSeconds: number) {
    const until = this.#seen.get(signature);
    if (until !== undefined && until > nowSeconds) return false;
    this.#seen.set(signature, expiresAtSeconds);
    return true;
  }
}
