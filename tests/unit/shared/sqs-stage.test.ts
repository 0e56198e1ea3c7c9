import { Logger } from '@aws-lambda-powertools/logger';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { DeadLetterSink } from '../../../lambdas/shared/dead-letters.ts';
import {
  InvalidMessageError,
  type PipelineError,
  RejectedDocumentError,
  TransientError,
} from '../../../lambdas/shared/errors.ts';
import { CountingMetrics } from '../../../lambdas/shared/metrics.ts';
import { createSqsStageHandler } from '../../../lambdas/shared/sqs-stage.ts';
import { sqsRecord } from '../../support/sqs-record.ts';

const record = sqsRecord;

class RecordingSink implements DeadLetterSink {
  readonly sent: Array<{ id: string; code: string; reason: string }> = [];
  failNext = false;
  async send(r: SQSRecord, error: PipelineError): Promise<void> {
    if (this.failNext) throw new Error('DLQ unavailable');
    this.sent.push({ id: r.messageId, code: error.code, reason: error.message });
  }
}

const logger = new Logger({ logLevel: 'SILENT' });

describe('the shared SQS stage adapter', () => {
  const event: SQSEvent = {
    Records: [
      record('ok', 'fine'),
      record('bad', 'permanent'),
      record('flaky', 'transient'),
      record('boom', 'plain'),
    ],
  };
  const process = async (r: SQSRecord) => {
    if (r.body === 'permanent') throw new RejectedDocumentError('not-a-feed', 'document is not a feed');
    if (r.body === 'transient') throw new TransientError('S3 timed out');
    if (r.body === 'plain') throw new Error('unexpected');
  };

  it('sends permanent failures to the DLQ with their reason and reports only retryable ones as batch item failures', async () => {
    const sink = new RecordingSink();
    const metrics = new CountingMetrics();
    const handler = createSqsStageHandler({ logger, deadLetters: sink, processRecord: process, metrics });
    const response = await handler(event);
    expect(response.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(['boom', 'flaky']);
    expect(metrics.get('RecordsDeadLettered')).toBe(1);
    expect(metrics.get('RecordsRetried')).toBe(2);
    expect(sink.sent).toEqual([{ id: 'bad', code: 'not-a-feed', reason: 'document is not a feed' }]);
  });

  it('reports a permanent failure as retryable when the DLQ itself cannot be reached, so nothing is lost', async () => {
    const sink = new RecordingSink();
    sink.failNext = true;
    const handler = createSqsStageHandler({ logger, deadLetters: sink, processRecord: process });
    const response = await handler({ Records: [record('bad', 'permanent')] });
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'bad' }]);
  });

  it('treats an invalid message as permanent', async () => {
    const sink = new RecordingSink();
    const handler = createSqsStageHandler({
      logger,
      deadLetters: sink,
      processRecord: async () => {
        throw new InvalidMessageError('not an envelope');
      },
    });
    const response = await handler({ Records: [record('x', '{}')] });
    expect(response.batchItemFailures).toEqual([]);
    expect(sink.sent[0]?.code).toBe('invalid-message');
  });

  it('writes what the records gathered once per batch, waiting for the records that fail', async () => {
    const sink = new RecordingSink();
    const flushes: string[][] = [];
    const handler = createSqsStageHandler<string>({
      logger,
      deadLetters: sink,
      flushGathered: async (values) => void flushes.push([...values].sort()),
      processRecord: async (r, gather) => {
        if (r.body === 'permanent' || r.body === 'transient' || r.body === 'plain') return process(r);
        await gather(r.messageId);
      },
    });
    const response = await handler({ Records: [...event.Records, record('ok2', 'fine')] });
    expect(flushes).toEqual([['ok', 'ok2']]);
    expect(response.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(['boom', 'flaky']);
  });

  it('fails every record that gathered when the batch write fails, so SQS delivers them again', async () => {
    const handler = createSqsStageHandler<string>({
      logger,
      deadLetters: new RecordingSink(),
      flushGathered: async () => {
        throw new TransientError('S3 is down');
      },
      processRecord: async (r, gather) => gather(r.messageId),
    });
    const response = await handler({ Records: [record('a', 'x'), record('b', 'y')] });
    expect(response.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(['a', 'b']);
  });
});
