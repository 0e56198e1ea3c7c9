import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { DeadLetterSink } from './dead-letters.ts';
import { describeError, isPermanent } from './errors.ts';
import { METRICS, type StageMetrics } from './metrics.ts';

export type SqsStageHandler = (event: SQSEvent, context?: Context) => Promise<SQSBatchResponse>;

export interface SqsStageOptions {
  readonly logger: Logger;
  readonly deadLetters: DeadLetterSink;
  readonly processRecord: (record: SQSRecord) => Promise<void>;
  readonly metrics?: StageMetrics;
}

/**
 * The one adapter every SQS-driven stage shares. Each record succeeds, goes to
 * the dead-letter queue with its reason (permanent errors: retrying cannot
 * help), or is reported as a batch item failure so SQS redelivers it
 * (everything else). Nothing is swallowed: if even the dead-letter send fails,
 * the record is reported failed and comes back.
 */
export function createSqsStageHandler(options: SqsStageOptions): SqsStageHandler {
  const { logger, deadLetters, processRecord, metrics } = options;
  const recordHandler = async (record: SQSRecord): Promise<void> => {
    try {
      await processRecord(record);
    } catch (error) {
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
    try {
      return await processPartialResponse(event, recordHandler, processor, {
        ...(context ? { context } : {}),
        throwOnFullBatchFailure: false,
      });
    } finally {
      metrics?.flush();
    }
  };
}
