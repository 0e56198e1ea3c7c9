import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { BatchGather } from './batch-gather.ts';
import type { DeadLetterSink } from './dead-letters.ts';
import { describeError, isPermanent } from './errors.ts';
import { METRICS, type StageMetrics } from './metrics.ts';

export type SqsStageHandler = (event: SQSEvent, context?: Context) => Promise<SQSBatchResponse>;

export interface SqsStageOptions<G = never> {
  readonly logger: Logger;
  readonly deadLetters: DeadLetterSink;
  /**
   * Handles one record. `gather` hands a value to `flushGathered`, written
   * once for the whole batch; it resolves when that write has succeeded.
   */
  readonly processRecord: (record: SQSRecord, gather: (value: G) => Promise<void>) => Promise<void>;
  /** Writes what the batch's records gathered (see BatchGather); without it, gathering is an error. */
  readonly flushGathered?: (values: readonly G[]) => Promise<void>;
  readonly metrics?: StageMetrics;
}

/**
 * The one adapter every SQS-driven stage shares. Each record succeeds, goes to
 * the dead-letter queue with its reason (permanent errors: retrying cannot
 * help), or is reported as a batch item failure so SQS redelivers it
 * (everything else). Nothing is swallowed: if even the dead-letter send fails,
 * the record is reported failed and comes back.
 */
export function createSqsStageHandler<G = never>(options: SqsStageOptions<G>): SqsStageHandler {
  const { logger, deadLetters, processRecord, metrics } = options;
  const flushGathered =
    options.flushGathered ??
    (async () => {
      throw new Error('this stage gathers nothing: flushGathered is not configured');
    });
  const recordHandler = async (record: SQSRecord, batch: BatchGather<G>): Promise<void> => {
    let settled = false;
    const settle = () => {
      if (!settled) batch.skip();
      settled = true;
    };
    const gather = (value: G) => {
      if (settled) throw new Error('a record gathers at most one value');
      settled = true;
      return batch.offer(value);
    };
    try {
      await processRecord(record, gather);
      settle();
    } catch (error) {
      // Before anything slow (a dead-letter send): the rest of the batch may be waiting on this record.
      settle();
      if (isPermanent(error)) {
        logger.warn('record rejected permanently', {
          messageId: record.messageId,
          code: error.code,
          reason: error.message,
        });
        await deadLetters.send(record, error);
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
    try {
      return await processPartialResponse(
        event,
        (record: SQSRecord) => recordHandler(record, batch),
        processor,
        {
          ...(context ? { context } : {}),
          throwOnFullBatchFailure: false,
          // Gathering relies on it: a record that gathered waits for the others.
          processInParallel: true,
        },
      );
    } finally {
      metrics?.flush();
    }
  };
}
