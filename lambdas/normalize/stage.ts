import type { Logger } from '@aws-lambda-powertools/logger';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { DeadLetterSink } from '../shared/dead-letters.ts';
import type { EnvelopeQueue } from '../shared/envelope-queue.ts';
import { RejectedDocumentError, TransientError } from '../shared/errors.ts';
import { sha256Hex } from '../shared/hash.ts';
import { manifestKey, outletFromKey, SOURCE_URL_METADATA } from '../shared/keys.ts';
import { METRICS, type StageMetrics } from '../shared/metrics.ts';
import { type DocumentManifest, putJson } from '../shared/reports.ts';
import { type ObjectArrival, readS3Notification } from '../shared/s3-events.ts';
import { createSqsStageHandler, type SqsStageHandler } from '../shared/sqs-stage.ts';
import { normalizeDocument } from './document.ts';

export interface NormalizeStageDeps {
  readonly s3: S3Client;
  readonly next: EnvelopeQueue;
  readonly deadLetters: DeadLetterSink;
  readonly logger: Logger;
  readonly metrics?: StageMetrics;
}

/** The object as this arrival wrote it: its own version where the bucket keeps versions. */
async function readObject(s3: S3Client, { bucket, key, versionId }: ObjectArrival) {
  const object = await s3.send(
    new GetObjectCommand({ Bucket: bucket, Key: key, ...(versionId ? { VersionId: versionId } : {}) }),
  );
  if (!object.Body) throw new TransientError(`s3://${bucket}/${key} returned no body`);
  const location = object.Metadata?.[SOURCE_URL_METADATA];
  return { bytes: await object.Body.transformToByteArray(), contentType: object.ContentType, location };
}

/**
 * Normalize: S3 event → raw document → items. Sends one envelope per item to
 * dedupe, then records a manifest next to the raw document. Envelopes go first:
 * if the manifest write fails the record is retried, and dedupe recognises the
 * resent envelopes as the same arrival.
 */
export function createNormalizeHandler(deps: NormalizeStageDeps): SqsStageHandler {
  const { s3, next, logger, metrics } = deps;
  return createSqsStageHandler({
    logger,
    deadLetters: deps.deadLetters,
    ...(metrics ? { metrics } : {}),
    async processRecord(record, _gather, signal) {
      for (const arrival of readS3Notification(record.body)) {
        // A record given up at its batch's cutoff sends nothing more (its redelivery will).
        signal.throwIfAborted();
        const outlet = outletFromKey(arrival.key);
        const { bytes, contentType, location } = await readObject(s3, arrival);
        const documentId = sha256Hex(bytes);
        metrics?.count(METRICS.documentsReceived);
        const base = {
          documentId,
          outlet,
          key: arrival.key,
          ingestionId: arrival.ingestionId,
          receivedAt: arrival.eventTime,
        };
        try {
          const result = await normalizeDocument(
            {
              bytes,
              outlet,
              bucket: arrival.bucket,
              key: arrival.key,
              ingestionId: arrival.ingestionId,
              receivedAt: arrival.eventTime,
              hints: { ...(contentType ? { contentType } : {}), ...(location ? { location } : {}) },
            },
            documentId,
          );
          signal.throwIfAborted();
          await next.send(result.envelopes);
          const manifest: DocumentManifest = {
            ...base,
            status: 'accepted',
            format: result.document.format,
            feed: result.document.feed,
            items: result.envelopes.length,
            itemErrors: result.itemErrors,
            ...(result.base ? { base: result.base } : {}),
          };
          await putJson(s3, arrival.bucket, manifestKey(outlet, documentId, arrival.ingestionId), manifest);
          if (result.unreadEmbargoes) {
            // Kept, not rejected: holding an item on a date nobody can read would hold it forever.
            logger.warn('embargo not understood: items go on without one', {
              documentId,
              outlet,
              items: result.unreadEmbargoes,
            });
          }
          metrics?.count(METRICS.itemsIn, result.envelopes.length);
          metrics?.count(METRICS.itemsRejected, result.itemErrors.length);
          logger.info('document normalized', {
            documentId,
            outlet,
            ingestionId: arrival.ingestionId,
            items: result.envelopes.length,
            itemErrors: result.itemErrors.length,
          });
        } catch (error) {
          if (error instanceof RejectedDocumentError) {
            const manifest: DocumentManifest = {
              ...base,
              status: 'rejected',
              items: 0,
              itemErrors: [],
              rejection: { code: error.code, reason: error.message },
            };
            await putJson(s3, arrival.bucket, manifestKey(outlet, documentId, arrival.ingestionId), manifest);
            metrics?.count(METRICS.documentsRejected);
          }
          throw error;
        }
      }
    },
  });
}
