import type { S3Client } from '@aws-sdk/client-s3';
import type { SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { type DecisionReport, decisionReportKey } from '../../../lambdas/dedupe/decision-reports.ts';
import { MemoryDedupeIndex } from '../../../lambdas/dedupe/memory-index.ts';
import { NearDuplicateDetector } from '../../../lambdas/dedupe/near.ts';
import { createDedupeHandler } from '../../../lambdas/dedupe/stage.ts';
import type { DuplicatePolicy } from '../../../lambdas/shared/config.ts';
import type { ItemEnvelope } from '../../../lambdas/shared/envelope.ts';
import { createLogger } from '../../../lambdas/shared/logger.ts';
import { articleParagraphs } from './articles.ts';
import { envelopeOf } from './envelopes.ts';

/** An S3 client that keeps what is written: the stage records every decision beside the raw document. */
function recordingS3(options: { failWrites?: boolean } = {}) {
  const objects = new Map<string, DecisionReport>();
  const client = {
    async send(command: { input: { Key?: string; Body?: unknown } }) {
      if (options.failWrites) throw Object.assign(new Error('S3 is down'), { name: 'ServiceUnavailable' });
      if (command.input.Key && typeof command.input.Body === 'string')
        objects.set(command.input.Key, JSON.parse(command.input.Body));
      return {};
    },
  };
  return { client: client as unknown as S3Client, objects };
}

function harness(duplicatePolicy: DuplicatePolicy, options: { failWrites?: boolean } = {}) {
  const s3 = recordingS3(options);
  const forwarded: ItemEnvelope[] = [];
  const rejected: string[] = [];
  const handler = createDedupeHandler({
    s3: s3.client,
    index: new MemoryDedupeIndex(),
    detector: NearDuplicateDetector.create(),
    next: { send: async (envelopes) => void forwarded.push(...envelopes) },
    deadLetters: { send: async (_record, error) => void rejected.push(error.code) },
    logger: createLogger('dedupe', 'SILENT'),
    duplicatePolicy,
    lookbackDays: 30,
    clock: () => new Date('2024-05-01T12:00:00Z'),
  });
  const deliver = (bodies: string[]) =>
    handler({
      Records: bodies.map((body, i) => ({ messageId: `m${i}`, body, attributes: {} })),
    } as unknown as SQSEvent);
  return { s3, forwarded, rejected, deliver };
}

const original = articleParagraphs('rival-miss').join('\n\n');
const reprint = [...articleParagraphs('rival-miss').slice(0, 4), 'This is a developing story.'].join('\n\n');

describe('dedupe stage', () => {
  it.each([
    ['drop', 1],
    ['flag', 2],
  ] as const)(
    'with policy %s forwards %i of an original and its reprint, recording both',
    async (policy, count) => {
      const h = harness(policy);
      const first = envelopeOf({ outlet: 'outlet-a', body: original });
      const second = envelopeOf({ outlet: 'outlet-b', body: reprint });
      await h.deliver([JSON.stringify(first)]);
      await h.deliver([JSON.stringify(second)]);
      expect(h.forwarded).toHaveLength(count);
      expect(h.forwarded[0]?.dedupe?.decision).toBe('new');
      const key = decisionReportKey('outlet-b', second.document.id, second.document.ingestionId, [0]);
      const recorded = h.s3.objects.get(key)?.decisions[0];
      expect(recorded).toMatchObject({
        decision: 'near-duplicate',
        policy,
        published: policy === 'flag',
        matchOf: { uri: h.forwarded[0]?.dedupe?.uri, storyId: h.forwarded[0]?.dedupe?.storyId },
        evidence: { nearCheck: 'checked', match: { detailConflicts: 0 } },
      });
      if (policy === 'flag') expect(h.forwarded[1]?.dedupe?.matchOf?.uri).toBe(h.forwarded[0]?.dedupe?.uri);
    },
  );

  it("records a batch's decisions on one arrival in one object", async () => {
    const h = harness('drop');
    const feed = envelopeOf({ outlet: 'outlet-a', body: original });
    // Three items of one feed document, as normalize sends them.
    const items = ['heat-wave', 'measles', 'coach-fired'].map((id, index) => ({
      ...envelopeOf({ outlet: 'outlet-a', body: articleParagraphs(id).join('\n\n'), index }),
      document: feed.document,
    }));
    const response = await h.deliver(items.map((e) => JSON.stringify(e)));
    expect(response?.batchItemFailures ?? []).toEqual([]);
    expect(h.forwarded).toHaveLength(3);
    expect([...h.s3.objects.keys()]).toEqual([
      decisionReportKey('outlet-a', feed.document.id, feed.document.ingestionId, [2, 0, 1]),
    ]);
    const [report] = h.s3.objects.values();
    expect(report?.decisions.map((d) => [d.index, d.decision])).toEqual([
      [0, 'new'],
      [1, 'new'],
      [2, 'new'],
    ]);
  });

  it('keeps what a batch recorded when one of its items is delivered again on its own', async () => {
    const h = harness('drop');
    const feed = envelopeOf({ outlet: 'outlet-a', body: original });
    const items = ['heat-wave', 'measles'].map((id, index) => ({
      ...envelopeOf({ outlet: 'outlet-a', body: articleParagraphs(id).join('\n\n'), index }),
      document: feed.document,
    }));
    await h.deliver(items.map((e) => JSON.stringify(e)));
    await h.deliver([JSON.stringify(items[0])]);
    const reports = [...h.s3.objects.values()].map((r) => r.decisions.map((d) => [d.index, d.decision]));
    expect(reports).toEqual([
      [
        [0, 'new'],
        [1, 'new'],
      ],
      [[0, 'new']],
    ]);
  });

  it('fails the records whose decisions could not be recorded, and passes nothing on', async () => {
    const h = harness('drop', { failWrites: true });
    const envelope = envelopeOf({ outlet: 'outlet-a', body: original });
    const response = await h.deliver([JSON.stringify(envelope)]);
    expect(response?.batchItemFailures).toEqual([{ itemIdentifier: 'm0' }]);
    expect(h.forwarded).toEqual([]);
  });

  it('sends a message that is no envelope to the dead-letter queue with its reason', async () => {
    const h = harness('drop');
    const response = await h.deliver(['{"schema":"something else"}']);
    expect(h.rejected).toHaveLength(1);
    expect(response?.batchItemFailures ?? []).toEqual([]);
    expect(h.forwarded).toEqual([]);
  });
});
