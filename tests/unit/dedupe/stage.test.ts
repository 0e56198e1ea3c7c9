import type { S3Client } from '@aws-sdk/client-s3';
import type { SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import {
  type DecisionSink,
  decisionPartition,
  decisionSortKey,
  type GatheredDecision,
  type ItemDecision,
} from '../../../lambdas/dedupe/decision-reports.ts';
import { MemoryDedupeIndex } from '../../../lambdas/dedupe/memory-index.ts';
import { NearDuplicateDetector } from '../../../lambdas/dedupe/near.ts';
import { createDedupeHandler } from '../../../lambdas/dedupe/stage.ts';
import type { DuplicatePolicy } from '../../../lambdas/shared/config.ts';
import type { ItemEnvelope } from '../../../lambdas/shared/envelope.ts';
import { createLogger } from '../../../lambdas/shared/logger.ts';
import { articleParagraphs } from './articles.ts';
import { envelopeOf } from './envelopes.ts';

/** A decision sink that keeps each report under the key the DynamoDB ledger would give it. */
function recordingLedger(options: { failWrites?: boolean } = {}) {
  const reports = new Map<string, ItemDecision[]>();
  const sink: DecisionSink = {
    async write(gathered: readonly GatheredDecision[]) {
      if (options.failWrites)
        throw Object.assign(new Error('DynamoDB is down'), { name: 'ServiceUnavailable' });
      const groups = new Map<string, ItemDecision[]>();
      for (const g of gathered) {
        const pk = decisionPartition(g.outlet, g.documentId, g.ingestionId);
        groups.set(pk, [...(groups.get(pk) ?? []), g.decision]);
      }
      for (const [pk, decisions] of groups) {
        const sorted = decisions.sort((x, y) => x.index - y.index);
        reports.set(`${pk}/${decisionSortKey(sorted.map((d) => d.index))}`, sorted);
      }
    },
  };
  return { sink, reports };
}

function harness(duplicatePolicy: DuplicatePolicy, options: { failWrites?: boolean } = {}) {
  const ledger = recordingLedger(options);
  const forwarded: ItemEnvelope[] = [];
  const rejected: string[] = [];
  const handler = createDedupeHandler({
    s3: {} as S3Client,
    index: new MemoryDedupeIndex(),
    decisions: ledger.sink,
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
  return { ledger, forwarded, rejected, deliver };
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
      const key = `${decisionPartition('outlet-b', second.document.id, second.document.ingestionId)}/${decisionSortKey([0])}`;
      const recorded = h.ledger.reports.get(key)?.[0];
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

  it("records a batch's decisions on one arrival in one report", async () => {
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
    expect([...h.ledger.reports.keys()]).toEqual([
      `${decisionPartition('outlet-a', feed.document.id, feed.document.ingestionId)}/${decisionSortKey([2, 0, 1])}`,
    ]);
    const [report] = h.ledger.reports.values();
    expect(report?.map((d) => [d.index, d.decision])).toEqual([
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
    const reports = [...h.ledger.reports.values()].map((r) => r.map((d) => [d.index, d.decision]));
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
