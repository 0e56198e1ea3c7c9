import { gunzipSync, gzipSync } from 'node:zlib';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DedupeOutcome } from '../shared/envelope.ts';
import { shortId } from '../shared/hash.ts';
import type { DedupeEvidence } from './decide.ts';

/** One item's decision as recorded: what was decided, why, and whether it went on to consumers. */
export type ItemDecision = DedupeOutcome & {
  readonly index: number;
  readonly identity: string;
  readonly headline: string;
  readonly policy: string;
  readonly published: boolean;
  readonly evidence: DedupeEvidence;
};

/** The decisions one dedupe batch made on one arrival's items, recorded together. */
export interface DecisionReport {
  readonly documentId: string;
  readonly outlet: string;
  readonly ingestionId: string;
  readonly decisions: readonly ItemDecision[];
}

/** A decision and the arrival it belongs to. */
export interface GatheredDecision {
  readonly outlet: string;
  readonly documentId: string;
  readonly ingestionId: string;
  readonly decision: ItemDecision;
}

/** Where a batch's decisions are recorded before any of them is passed on. */
export interface DecisionSink {
  write(gathered: readonly GatheredDecision[]): Promise<void>;
}

/** How long decisions are kept: as long as raw documents are by default (`rawRetentionDays`). */
export const DECISION_RETENTION_DAYS = 365;
const MAX_PAGES = 100;

/**
 * Every report of one arrival shares this partition. The arrival is part of
 * the key, so a later push of the same bytes (a new arrival) never overwrites
 * what the first one recorded.
 */
export function decisionPartition(outlet: string, documentId: string, ingestionId: string): string {
  return `decisions#${outlet}|${documentId}|${shortId(ingestionId)}`;
}

/**
 * Named after the items it holds: a redelivered batch of the same items
 * rewrites its own report with the same decisions, and a batch cut
 * differently (a single redelivered item, say) adds a report of its own
 * rather than overwriting one that holds more items. Decisions are
 * idempotent per arrival, so an item found in two reports has one decision.
 */
export function decisionSortKey(indexes: readonly number[]): string {
  const sorted = [...indexes].sort((a, b) => a - b);
  return `${sorted[0] ?? 0}-${shortId(sorted.join(',')).slice(0, 16)}`;
}

/**
 * The decisions on record, in the index's table: one item per batch and
 * arrival, its report gzipped JSON. DynamoDB bills a write per started KB, and
 * a batch's decisions compress to about a quarter; an S3 object per batch cost
 * eight times as much as the write that replaced it.
 */
export class DynamoDecisionLedger implements DecisionSink {
  readonly #doc: DynamoDBDocumentClient;
  readonly #table: string;
  readonly #clock: () => Date;

  constructor(client: DynamoDBClient, table: string, clock: () => Date = () => new Date()) {
    this.#doc = DynamoDBDocumentClient.from(client);
    this.#table = table;
    this.#clock = clock;
  }

  /** One write per arrival the batch's decisions belong to, in parallel. */
  async write(gathered: readonly GatheredDecision[]): Promise<void> {
    const groups = new Map<string, GatheredDecision[]>();
    for (const entry of gathered) {
      const pk = decisionPartition(entry.outlet, entry.documentId, entry.ingestionId);
      const group = groups.get(pk);
      if (group) group.push(entry);
      else groups.set(pk, [entry]);
    }
    const expiresAt = Math.floor(this.#clock().getTime() / 1000) + DECISION_RETENTION_DAYS * 86_400;
    await Promise.all(
      [...groups].map(([pk, group]) => {
        const [first] = group;
        if (!first) return Promise.resolve();
        const decisions = group.map((g) => g.decision).sort((a, b) => a.index - b.index);
        const report: DecisionReport = {
          documentId: first.documentId,
          outlet: first.outlet,
          ingestionId: first.ingestionId,
          decisions,
        };
        const item = {
          pk,
          sk: decisionSortKey(decisions.map((d) => d.index)),
          report: gzipSync(JSON.stringify(report)),
          expiresAt,
        };
        return this.#doc.send(new PutCommand({ TableName: this.#table, Item: item }));
      }),
    );
  }

  /** An arrival's decisions by item index, from every report of it. */
  async read(outlet: string, documentId: string, ingestionId: string): Promise<Map<number, ItemDecision>> {
    const decisions = new Map<number, ItemDecision>();
    let start: Record<string, unknown> | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const result = await this.#doc.send(
        new QueryCommand({
          TableName: this.#table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': decisionPartition(outlet, documentId, ingestionId) },
          ConsistentRead: true,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      for (const item of result.Items ?? []) {
        if (!(item.report instanceof Uint8Array))
          throw new TypeError(`decision report ${item.sk} has no body`);
        const report = JSON.parse(gunzipSync(item.report).toString('utf8')) as DecisionReport;
        for (const decision of report.decisions) decisions.set(decision.index, decision);
      }
      start = result.LastEvaluatedKey;
      if (!start) return decisions;
    }
    throw new Error(`more than ${MAX_PAGES} pages of decision reports for one arrival`);
  }
}
