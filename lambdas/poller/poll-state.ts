import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';

/** What the poller remembers about one feed between runs. */
export interface PollState {
  readonly feed: string;
  readonly outlet: string;
  /** Validators for the next conditional GET. */
  readonly etag?: string;
  readonly lastModified?: string;
  /** sha256 of the last document stored, so an unchanged body is not stored again. */
  readonly contentHash?: string;
  /** Consecutive failures; 0 after a success. */
  readonly failures: number;
  /** Epoch seconds before which the feed is not fetched (backoff or Retry-After). */
  readonly nextAttemptAt?: number;
  readonly lastStatus?: number;
  readonly lastError?: string;
  readonly lastCheckedAt: string;
}

export interface PollStateStore {
  get(feed: string): Promise<PollState | undefined>;
  put(state: PollState): Promise<void>;
}

export const POLL_PREFIX = 'poll#';
const SORT_KEY = '-';

/** On the index table: pk `poll#<feed url>`, sk `-`. */
export class DynamoPollStateStore implements PollStateStore {
  readonly #doc: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly table: string,
  ) {
    this.#doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  async get(feed: string): Promise<PollState | undefined> {
    const result = await this.#doc.send(
      new GetCommand({
        TableName: this.table,
        Key: { pk: `${POLL_PREFIX}${feed}`, sk: SORT_KEY },
        ConsistentRead: true,
      }),
    );
    if (!result.Item) return undefined;
    const { pk: _pk, sk: _sk, ...state } = result.Item;
    return state as PollState;
  }

  async put(state: PollState): Promise<void> {
    await this.#doc.send(
      new PutCommand({
        TableName: this.table,
        Item: { pk: `${POLL_PREFIX}${state.feed}`, sk: SORT_KEY, ...state },
      }),
    );
  }
}

export class MemoryPollStateStore implements PollStateStore {
  readonly states = new Map<string, PollState>();

  async get(feed: string) {
    return this.states.get(feed);
  }

  async put(state: PollState) {
    this.states.set(state.feed, state);
  }
}
