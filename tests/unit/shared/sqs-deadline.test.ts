import { Logger } from '@aws-lambda-powertools/logger';
import type { Context, SQSRecord } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeadLetterSink } from '../../../lambdas/shared/dead-letters.ts';
import { batchBudget, DEFAULT_DEADLINE_POLICY } from '../../../lambdas/shared/deadline.ts';
import type { PipelineError } from '../../../lambdas/shared/errors.ts';
import { CountingMetrics } from '../../../lambdas/shared/metrics.ts';
import { createSqsStageHandler } from '../../../lambdas/shared/sqs-stage.ts';
import { sqsRecord } from '../../support/sqs-record.ts';

const logger = new Logger({ logLevel: 'SILENT' });
const TIMEOUT_MS = 30_000;

class RecordingSink implements DeadLetterSink {
  readonly maxReceiveCount = 3;
  readonly sent: Array<{ id: string; code: string; reason: string }> = [];
  async send(r: SQSRecord, error: PipelineError): Promise<void> {
    this.sent.push({ id: r.messageId, code: error.code, reason: error.message });
  }
}

/** A Lambda context whose remaining time runs on the (fake) clock. */
function lambdaContext(timeoutMs: number): Context {
  const end = Date.now() + timeoutMs;
  return { getRemainingTimeInMillis: () => Math.max(0, end - Date.now()) } as Context;
}

function batchOfTen(poisonReceive = 1): SQSRecord[] {
  const records = Array.from({ length: 10 }, (_, i) => sqsRecord(`m${i}`, i === 4 ? 'poison' : `ok ${i}`));
  const poison = records[4] as SQSRecord;
  records[4] = {
    ...poison,
    attributes: { ...poison.attributes, ApproximateReceiveCount: String(poisonReceive) },
  };
  return records;
}

/** Every record gathers its id; the poison waits until the batch gives it up (a tagger that never ends). */
function stage(sink: DeadLetterSink, flushes: string[][], metrics = new CountingMetrics()) {
  return createSqsStageHandler<string>({
    logger,
    deadLetters: sink,
    metrics,
    flushGathered: async (values) => void flushes.push([...values].sort()),
    processRecord: async (record, gather, signal) => {
      if (record.body === 'poison') {
        await new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
      }
      await gather(record.messageId);
    },
  });
}

describe('a batch that keeps a deadline from the Lambda context', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reserves part of the time for the batch write and answers before the function ends', () => {
    const budget = batchBudget({ getRemainingTimeInMillis: () => TIMEOUT_MS });
    expect(budget).toEqual({ cutoffMs: 24_000, answerMs: 29_750 });
    const short = batchBudget({ getRemainingTimeInMillis: () => 1_500 });
    expect(short?.cutoffMs).toBe(500);
    expect(batchBudget(undefined)).toBeUndefined();
    expect(DEFAULT_DEADLINE_POLICY.maxReserveMs).toBeGreaterThan(DEFAULT_DEADLINE_POLICY.minReserveMs);
  });

  it('publishes the nine that finished and reports only the poison as a batch item failure', async () => {
    const sink = new RecordingSink();
    const flushes: string[][] = [];
    const metrics = new CountingMetrics();
    const answered = stage(sink, flushes, metrics)({ Records: batchOfTen() }, lambdaContext(TIMEOUT_MS));
    let response: Awaited<typeof answered> | undefined;
    void answered.then((r) => {
      response = r;
    });
    await vi.advanceTimersByTimeAsync(23_999);
    expect(response).toBeUndefined();
    expect(flushes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(response?.batchItemFailures).toEqual([{ itemIdentifier: 'm4' }]);
    expect(flushes).toHaveLength(1);
    expect(flushes[0]).toHaveLength(9);
    expect(flushes[0]).not.toContain('m4');
    expect(sink.sent).toEqual([]);
    expect(metrics.get('RecordsRetried')).toBe(1);
  });

  it('sends the poison to the DLQ with its reason on its last receive, and the batch succeeds', async () => {
    const sink = new RecordingSink();
    const flushes: string[][] = [];
    const answered = stage(sink, flushes)({ Records: batchOfTen(3) }, lambdaContext(TIMEOUT_MS));
    await vi.advanceTimersByTimeAsync(24_000);
    const response = await answered;
    expect(response.batchItemFailures).toEqual([]);
    expect(flushes[0]).toHaveLength(9);
    expect(sink.sent).toHaveLength(1);
    expect(sink.sent[0]).toMatchObject({ id: 'm4', code: 'deadline-exceeded' });
    expect(sink.sent[0]?.reason).toMatch(/did not finish within 24000 ms.*receive 3 of 3/);
  });

  it('answers before the function ends even when the batch write itself hangs, failing what is pending', async () => {
    const handler = createSqsStageHandler<string>({
      logger,
      deadLetters: new RecordingSink(),
      flushGathered: () => new Promise(() => undefined),
      processRecord: async (record, gather) => gather(record.messageId),
    });
    const answered = handler(
      { Records: [sqsRecord('a', 'x'), sqsRecord('b', 'y')] },
      lambdaContext(TIMEOUT_MS),
    );
    await vi.advanceTimersByTimeAsync(29_750);
    const response = await answered;
    expect(response.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(['a', 'b']);
  });

  it('refuses what a record given up tries to gather later, and keeps no timer once it has answered', async () => {
    const flushes: string[][] = [];
    let late: unknown;
    let release: () => void = () => undefined;
    const handler = createSqsStageHandler<string>({
      logger,
      deadLetters: new RecordingSink(),
      flushGathered: async (values) => void flushes.push([...values]),
      processRecord: async (record, gather) => {
        if (record.body === 'slow') await new Promise<void>((resolve) => (release = resolve));
        try {
          await gather(record.messageId);
        } catch (error) {
          late = error;
        }
      },
    });
    const answered = handler(
      { Records: [sqsRecord('fast', 'x'), sqsRecord('slow', 'slow')] },
      lambdaContext(TIMEOUT_MS),
    );
    await vi.advanceTimersByTimeAsync(24_000);
    expect((await answered).batchItemFailures).toEqual([{ itemIdentifier: 'slow' }]);
    expect(vi.getTimerCount()).toBe(0);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect((late as Error | undefined)?.name).toBe('DeadlineExceededError');
    expect(flushes).toEqual([['fast']]);
  });

  it('keeps no deadline without a Lambda context (tests, the offline CLI)', async () => {
    const flushes: string[][] = [];
    const handler = stage(new RecordingSink(), flushes);
    const answered = handler({ Records: [sqsRecord('a', 'x')] });
    expect(vi.getTimerCount()).toBe(0);
    expect((await answered).batchItemFailures).toEqual([]);
  });
});
