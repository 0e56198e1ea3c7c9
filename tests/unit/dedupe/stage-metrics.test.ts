import type { S3Client } from '@aws-sdk/client-s3';
import type { SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { MemoryDedupeIndex } from '../../../lambdas/dedupe/memory-index.ts';
import { NearDuplicateDetector } from '../../../lambdas/dedupe/near.ts';
import { createDedupeHandler } from '../../../lambdas/dedupe/stage.ts';
import { createLogger } from '../../../lambdas/shared/logger.ts';
import { CountingMetrics, METRICS } from '../../../lambdas/shared/metrics.ts';
import { articleParagraphs } from './articles.ts';
import { envelopeOf } from './envelopes.ts';

function harness(writes: { fail: boolean }) {
  const metrics = new CountingMetrics();
  const handler = createDedupeHandler({
    s3: {} as S3Client,
    index: new MemoryDedupeIndex(),
    decisions: {
      async write() {
        if (writes.fail) throw Object.assign(new Error('DynamoDB is down'), { name: 'ServiceUnavailable' });
      },
    },
    detector: NearDuplicateDetector.create(),
    next: { send: async () => {} },
    deadLetters: { send: async () => {} },
    logger: createLogger('dedupe', 'SILENT'),
    duplicatePolicy: 'drop',
    lookbackDays: 30,
    clock: () => new Date('2024-05-01T12:00:00Z'),
    metrics,
  });
  const deliver = (bodies: string[]) =>
    handler({
      Records: bodies.map((body, i) => ({ messageId: `m${i}`, body, attributes: {} })),
    } as unknown as SQSEvent);
  return { metrics, deliver };
}

const decided = (m: CountingMetrics) =>
  [METRICS.newStories, METRICS.newVersions, METRICS.duplicates, METRICS.nearDuplicates].map((n) => m.get(n));

describe('dedupe metrics', () => {
  it('count each decision once it is on record, so they sum to the items decided', async () => {
    const writes = { fail: true };
    const h = harness(writes);
    const body = articleParagraphs('heat-wave').join('\n\n');
    const first = JSON.stringify(envelopeOf({ body, arrival: 'a1' }));
    const again = JSON.stringify(envelopeOf({ body, arrival: 'a2' }));
    // The batch's decisions could not be recorded: it is retried, and nothing counts yet.
    await h.deliver([first]);
    expect(decided(h.metrics)).toEqual([0, 0, 0, 0]);
    writes.fail = false;
    await h.deliver([first]);
    await h.deliver([again]);
    expect(decided(h.metrics)).toEqual([1, 0, 1, 0]);
  });
});
