import type { S3Client } from '@aws-sdk/client-s3';
import type { SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { MemoryDedupeIndex } from '../../../lambdas/dedupe/memory-index.ts';
import { NearDuplicateDetector } from '../../../lambdas/dedupe/near.ts';
import { createDedupeHandler } from '../../../lambdas/dedupe/stage.ts';
import type { DuplicatePolicy } from '../../../lambdas/shared/config.ts';
import type { ItemEnvelope } from '../../../lambdas/shared/envelope.ts';
import { createLogger } from '../../../lambdas/shared/logger.ts';
import { articleParagraphs } from './articles.ts';
import { envelopeOf } from './envelopes.ts';

/** An S3 client that keeps what is written: the stage records every decision beside the raw document. */
function recordingS3() {
  const objects = new Map<string, unknown>();
  const client = {
    async send(command: { input: { Key?: string; Body?: unknown } }) {
      if (command.input.Key && typeof command.input.Body === 'string')
        objects.set(command.input.Key, JSON.parse(command.input.Body));
      return {};
    },
  };
  return { client: client as unknown as S3Client, objects };
}

function harness(duplicatePolicy: DuplicatePolicy) {
  const s3 = recordingS3();
  const forwarded: ItemEnvelope[] = [];
  const rejected: string[] = [];
  const handler = createDedupeHandler({
    s3: s3.client,
    index: new MemoryDedupeIndex(),
    detector: NearDuplicateDetector.create(),
    next: { send: async (envelopes) => void forwarded.push(...envelopes) },
    deadLetters: { send: async (_record, error) => void rejected.push(error.code) },
    logger: createLogger('dedupe', 'ERROR'),
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
      const recorded = h.s3.objects.get(`reports/outlet-b/${second.document.id}/items/0.dedupe.json`);
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

  it('sends a message that is no envelope to the dead-letter queue with its reason', async () => {
    const h = harness('drop');
    const response = await h.deliver(['{"schema":"something else"}']);
    expect(h.rejected).toHaveLength(1);
    expect(response?.batchItemFailures ?? []).toEqual([]);
    expect(h.forwarded).toEqual([]);
  });
});
