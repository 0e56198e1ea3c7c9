import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { BatchGather } from './batch-gather.ts';
import { DEFAULT_MAX_RECEIVE_COUNT, type DeadLetterSink } from './dead-letters.ts';
import {
  type BatchSignals,
  batchBudget,
  DEFAULT_DEADLINE_POLICY,
  DeadlineExceededError,
  type DeadlinePolicy,
  raceDeadline,
  startBatchClock,
} from './deadline.ts';
import { describeError, isPermanent } from './errors.ts';
import { METRICS, type StageMetrics } from './metrics.ts';

export type SqsStageHandler = (event: SQSEvent, context?: Context) => Promise<SQSBatchResponse>;

export interface SqsStageOptions<G = never> {
  readonly logger: Logger;
  readonly deadLetters: DeadLetterSink;
  /**
   * Handles one record. `gather` hands a value to `flushGathered`, written
   * once for the whole batch; it resolves when that write has succeeded.
   * `signal` aborts when the batch gives the record up (its time ran out):
   * work that can stop early checks it between steps.
   */
  readonly processRecord: (
    record: SQSRecord,
    gather: (value: G) => Promise<void>,
    signal: AbortSignal,
  ) => Promise<void>;
  /** Writes what the batch's records gathered (see BatchGather); without it, gathering is an error. */
  readonly flushGathered?: (values: readonly G[]) => Promise<void>;
  readonly metrics?: StageMetrics;
  /** How the batch spends the time the Lambda context reports (deadline.ts). */
  readonly deadline?: DeadlinePolicy;
}

/**
 * The one adapter every SQS-driven stage shares. Each record succeeds, goes to
 * the dead-letter queue with its reason (permanent errors: retrying cannot
 * help), or is reported as a batch item failure so SQS redelivers it
 * (everything else). Nothing is swallowed: if even the dead-letter send fails,
 * the record is reported failed and comes back.
 *
 * A record never takes its batch down with it: the batch keeps a deadline
 * from the Lambda context, gives up the records still working at its cutoff
 * (batch item failures; the others are written and succeed), and answers
 * before the function's time is up. A record given up on its last receive goes
 * to the DLQ with the reason instead of being redriven without one.
 */
export function createSqsStageHandler<G = never>(options: SqsStageOptions<G>): SqsStageHandler {
  const { logger, deadLetters, processRecord, metrics } = options;
  const flushGathered =
    options.flushGathered ??
    (async () => {
      throw new Error('this stage gathers nothing: flushGathered is not configured');
    });
  const maxReceiveCount = deadLetters.maxReceiveCount ?? DEFAULT_MAX_RECEIVE_COUNT;
  const recordHandler = async (record: SQSRecord, batch: BatchGather<G>, signals: BatchSignals) => {
    let settled = false;
    const settle = () => {
      if (!settled) batch.skip();
      settled = true;
    };
    const gather = (value: G) => {
      // A record given up at the cutoff was counted out of the batch's write: too late to join it.
      if (signals.cutoff.aborted && settled) throw signals.cutoff.reason;
      if (settled) throw new Error('a record gathers at most one value');
      settled = true;
      return batch.offer(value);
    };
    const work = (async () => {
      await processRecord(record, gather, signals.cutoff);
      settle();
    })();
    // A record given up goes on in the background; its late failure is nobody's to report.
    work.catch(() => undefined);
    try {
      await raceDeadline(work, signals, () => !settled);
    } catch (error) {
      // Before anything slow (a dead-letter send): the rest of the batch may be waiting on this record.
      settle();
      if (
        error instanceof DeadlineExceededError &&
        lastReceive(record, maxReceiveCount) &&
        !signals.answer.aborted
      ) {
        const reason = new DeadlineExceededError(
          `${error.message} (receive ${receiveCount(record)} of ${maxReceiveCount})`,
        );
        logger.warn('record out of time on its last receive: dead-lettered', {
          messageId: record.messageId,
          reason: reason.message,
        });
        await raceDeadline(deadLetters.send(record, reason), { ...signals, cutoff: NEVER }, () => true);
        metrics?.count(METRICS.recordsDeadLettered);
        return;
      }
      if (isPermanent(error)) {
        logger.warn('record rejected permanently', {
          messageId: record.messageId,
          code: error.code,
          reason: error.message,
        });
        await raceDeadline(deadLetters.send(record, error), { ...signals, cutoff: NEVER }, () => true);
        metrics?.count(METRICS.recordsDeadLettered);
        return;
      }
      logger.error('record failed, will be retried', {
        messageId: record.messageId,
        error: describeError(error),
      });
      metrics?.count(METRICS.recordsRetried);
      throw error;
    }
  };

  return async (event, context) => {
    const processor = new BatchProcessor(EventType.SQS);
    const batch = new BatchGather<G>(event.Records.length, flushGathered);
    const signals = startBatchClock(batchBudget(context, options.deadline ?? DEFAULT_DEADLINE_POLICY));
    try {
      return await processPartialResponse(
        event,
        (record: SQSRecord) => recordHandler(record, batch, signals),
        processor,
        {
          ...(context ? { context } : {}),
          throwOnFullBatchFailure: false,
          // Gathering relies on it: a record that gathered waits for the others.
          processInParallel: true,
        },
      );
    } finally {
      signals.dispose();
      metrics?.flush();
    }
  };
}

const NEVER = new AbortController().signal;

function receiveCount(record: SQSRecord): number {
  const count = Number(record.attributes.ApproximateReceiveCount);
  return Number.isFinite(count) && count > 0 ? count : 1;
}

function lastReceive(record: SQSRecord, maxReceiveCount: number): boolean {
  return receiveCount(record) >= maxReceiveCount;
}
