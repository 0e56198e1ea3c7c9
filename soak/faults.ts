import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSBatchItemFailure, SQSEvent, SQSRecord } from 'aws-lambda';
import type { StageHandler } from '../local/pipeline.ts';
import type { Stage } from '../local/provision.ts';
import { SeededRandom } from './text.ts';

/**
 * Faults a Lambda really meets, injected around the real stage handlers through
 * LocalPipeline's `wrapHandler`. Transient faults only strike while a record's
 * receive count is low, so every record eventually gets a clean attempt and any
 * loss the check finds is the pipeline's, not the harness's.
 */
export interface FaultPlan {
  /** Share of records reported as batch item failures without being handled. */
  readonly recordFailureRate: number;
  /** Share of invocations that throw before touching anything (the whole batch fails). */
  readonly batchThrowRate: number;
  /** Share of invocations "killed" mid-batch: part of the batch is handled, then the handler throws. */
  readonly killRate: number;
  /** Share of handled records sent again to the same queue (at-least-once delivery). */
  readonly redeliveryRate: number;
  /** Faults strike only while ApproximateReceiveCount is at most this. */
  readonly maxFaultyReceives: number;
  readonly seed?: number;
}

export const DEFAULT_FAULTS: FaultPlan = {
  recordFailureRate: 0.05,
  batchThrowRate: 0.03,
  killRate: 0.03,
  redeliveryRate: 0.03,
  maxFaultyReceives: 2,
};

export interface FaultCounts {
  recordFailures: number;
  batchThrows: number;
  kills: number;
  redeliveries: number;
  poisoned: number;
}

/** Rewrites a record's body to one its stage must reject permanently; undefined leaves it alone. */
export type Poisoner = (stage: Stage, body: string) => string | undefined;

const REDELIVERED = 'soak.redelivered';

export class FaultInjector {
  readonly counts: FaultCounts = {
    recordFailures: 0,
    batchThrows: 0,
    kills: 0,
    redeliveries: 0,
    poisoned: 0,
  };
  readonly #random: SeededRandom;
  #target: { sqs: SQSClient; queueUrl: (stage: Stage) => string } | undefined;

  constructor(
    readonly plan: FaultPlan,
    private readonly poison?: Poisoner,
  ) {
    this.#random = new SeededRandom(plan.seed ?? 17);
  }

  /** Where redeliveries are sent; known only once the pipeline has provisioned its queues. */
  bind(sqs: SQSClient, queueUrl: (stage: Stage) => string): void {
    this.#target = { sqs, queueUrl };
  }

  wrap = (stage: Stage, handler: StageHandler): StageHandler => {
    return async (event) => {
      const records = event.Records.map((record) => this.#poisoned(stage, record));
      const faulty = records.every((r) => receiveCount(r) <= this.plan.maxFaultyReceives);
      if (faulty && this.#random.next() < this.plan.batchThrowRate) {
        this.counts.batchThrows++;
        throw new Error(`soak: ${stage} invocation failed before it started`);
      }
      if (faulty && records.length > 1 && this.#random.next() < this.plan.killRate) {
        this.counts.kills++;
        // Half the batch is really handled (its side effects stay), then the "process" dies.
        await handler({ Records: records.slice(0, Math.ceil(records.length / 2)) });
        throw new Error(`soak: ${stage} killed mid-batch`);
      }
      const failed: SQSBatchItemFailure[] = [];
      const handled: SQSRecord[] = [];
      for (const record of records) {
        if (
          receiveCount(record) <= this.plan.maxFaultyReceives &&
          this.#random.next() < this.plan.recordFailureRate
        ) {
          this.counts.recordFailures++;
          failed.push({ itemIdentifier: record.messageId });
        } else handled.push(record);
      }
      const response =
        handled.length > 0 ? await handler({ Records: handled } satisfies SQSEvent) : undefined;
      const innerFailed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
      await this.#redeliver(
        stage,
        handled.filter((r) => !innerFailed.has(r.messageId)),
      );
      return { batchItemFailures: [...failed, ...(response?.batchItemFailures ?? [])] };
    };
  };

  #poisoned(stage: Stage, record: SQSRecord): SQSRecord {
    const body = this.poison?.(stage, record.body);
    if (body === undefined) return record;
    this.counts.poisoned++;
    return { ...record, body };
  }

  async #redeliver(stage: Stage, records: readonly SQSRecord[]): Promise<void> {
    const target = this.#target;
    if (!target) return;
    for (const record of records) {
      if (record.messageAttributes[REDELIVERED] || this.#random.next() >= this.plan.redeliveryRate) continue;
      this.counts.redeliveries++;
      await target.sqs.send(
        new SendMessageCommand({
          QueueUrl: target.queueUrl(stage),
          MessageBody: record.body,
          MessageAttributes: { [REDELIVERED]: { DataType: 'String', StringValue: '1' } },
        }),
      );
    }
  }
}

function receiveCount(record: SQSRecord): number {
  return Number(record.attributes.ApproximateReceiveCount ?? '1');
}
