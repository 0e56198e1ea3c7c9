import type { S3Client } from '@aws-sdk/client-s3';
import type { TagSet } from '../shared/envelope.ts';
import { tagReportKey } from '../shared/keys.ts';
import { putJson } from '../shared/reports.ts';
import type { TagEvidence } from './evidence.ts';

/** One item's tags as published and the words each came from. */
export interface TaggedItem {
  readonly index: number;
  readonly uri: string;
  readonly version: number;
  readonly tags: TagSet;
  readonly evidence: TagEvidence;
}

/** The tag stage's record of one batch's items of one arrival, beside the raw document under `reports/`. */
export interface TagReport {
  readonly documentId: string;
  readonly outlet: string;
  readonly ingestionId: string;
  readonly items: readonly TaggedItem[];
}

export interface GatheredTags {
  readonly outlet: string;
  readonly documentId: string;
  readonly ingestionId: string;
  readonly item: TaggedItem;
}

export interface TagEvidenceSink {
  write(gathered: readonly GatheredTags[]): Promise<void>;
}

/**
 * One S3 object per batch and arrival (a feed's items usually travel together,
 * so about one PUT per document, not per item), written before the batch is
 * passed on: a tag that reached consumers always has its evidence on record.
 */
export function createS3TagEvidenceSink(s3: S3Client, bucket: string): TagEvidenceSink {
  return {
    async write(gathered) {
      const groups = new Map<string, GatheredTags[]>();
      for (const entry of gathered) {
        const id = `${entry.outlet}|${entry.documentId}|${entry.ingestionId}`;
        const group = groups.get(id);
        if (group) group.push(entry);
        else groups.set(id, [entry]);
      }
      await Promise.all(
        [...groups.values()].map((group) => {
          const [first] = group;
          if (!first) return Promise.resolve();
          const items = group.map((g) => g.item).sort((a, b) => a.index - b.index);
          const report: TagReport = {
            documentId: first.documentId,
            outlet: first.outlet,
            ingestionId: first.ingestionId,
            items,
          };
          const key = tagReportKey(
            first.outlet,
            first.documentId,
            first.ingestionId,
            items.map((i) => i.index),
          );
          return putJson(s3, bucket, key, report);
        }),
      );
    },
  };
}
