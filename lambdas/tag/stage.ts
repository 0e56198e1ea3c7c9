import type { Logger } from '@aws-lambda-powertools/logger';
import type { S3Client } from '@aws-sdk/client-s3';
import type { DeadLetterSink } from '../shared/dead-letters.ts';
import type { ItemEnvelope } from '../shared/envelope.ts';
import { type EnvelopeQueue, readEnvelope } from '../shared/envelope-queue.ts';
import { InvalidMessageError } from '../shared/errors.ts';
import type { StageMetrics } from '../shared/metrics.ts';
import { createSqsStageHandler, type SqsStageHandler } from '../shared/sqs-stage.ts';
import { tagEvidence } from './evidence.ts';
import type { GatheredTags, TagEvidenceSink } from './evidence-reports.ts';
import { type TagOptions, tagItem } from './tag-item.ts';

export interface TagStageDeps extends TagOptions {
  readonly s3: S3Client;
  readonly next: EnvelopeQueue;
  readonly deadLetters: DeadLetterSink;
  readonly logger: Logger;
  readonly metrics?: StageMetrics;
  /** Where the words behind each item's tags are recorded; without it, nothing is. */
  readonly evidence?: TagEvidenceSink;
}

type Tagged = { readonly envelope: ItemEnvelope; readonly record: GatheredTags };

/**
 * Tag: rights and sources for each item that dedupe passed on; a batch's items
 * are sent on together, once the words behind their tags are on record.
 */
export function createTagHandler(deps: TagStageDeps): SqsStageHandler {
  return createSqsStageHandler<Tagged>({
    logger: deps.logger,
    deadLetters: deps.deadLetters,
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
    async flushGathered(tagged) {
      await deps.evidence?.write(tagged.map((t) => t.record));
      await deps.next.send(tagged.map((t) => t.envelope));
    },
    async processRecord(record, gather) {
      const envelope = await readEnvelope(deps.s3, record.body);
      const { dedupe } = envelope;
      if (!dedupe) throw new InvalidMessageError('tag received an item that dedupe has not decided');
      const tags = tagItem(envelope, deps);
      const { document, item } = envelope;
      const evidence = tagEvidence(item, document.feed, deps.outlets.get(document.outlet), tags);
      await gather({
        envelope: { ...envelope, tags },
        record: {
          outlet: document.outlet,
          documentId: document.id,
          ingestionId: document.ingestionId,
          item: { index: envelope.index, uri: dedupe.uri, version: dedupe.version, tags, evidence },
        },
      });
    },
  });
}
