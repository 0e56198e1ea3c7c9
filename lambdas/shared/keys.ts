import { RejectedDocumentError } from './errors.ts';
import { shortId } from './hash.ts';

/**
 * The raw archive's layout. Raw documents live under `incoming/{outlet}/`,
 * content-addressed; everything the pipeline learns about a document lives next
 * to it under `reports/{outlet}/{documentId}/`, outside the prefix that triggers
 * processing so writing a report never starts a run. The bytes are stored once
 * however often they arrive; each arrival's report has a key of its own.
 */
export const INCOMING_PREFIX = 'incoming/';
export const REPORTS_PREFIX = 'reports/';
/** Raw-object metadata written at ingestion and read back by normalize (S3 lower-cases the names). */
export const VIA_METADATA = 'syndicate-via';
export const SOURCE_URL_METADATA = 'syndicate-source-url';
export const OUTLET_ID = /^[a-z0-9][a-z0-9._-]{0,62}$/;

export function assertOutletId(outlet: string): string {
  if (!OUTLET_ID.test(outlet)) {
    throw new RejectedDocumentError('bad-outlet', `outlet id "${outlet}" must match ${OUTLET_ID.source}`);
  }
  return outlet;
}

export function rawDocumentKey(outlet: string, documentId: string): string {
  return `${INCOMING_PREFIX}${assertOutletId(outlet)}/${documentId}`;
}

/** The outlet a raw object belongs to, from its key (`incoming/{outlet}/…`). */
export function outletFromKey(key: string): string {
  if (!key.startsWith(INCOMING_PREFIX)) {
    throw new RejectedDocumentError('bad-key', `object key "${key}" is not under ${INCOMING_PREFIX}`);
  }
  const outlet = key.slice(INCOMING_PREFIX.length).split('/')[0] ?? '';
  if (key.split('/').length < 3)
    throw new RejectedDocumentError('bad-key', `object key "${key}" has no outlet folder`);
  return assertOutletId(outlet);
}

export function reportPrefix(outlet: string, documentId: string): string {
  return `${REPORTS_PREFIX}${outlet}/${documentId}/`;
}

/**
 * Normalize's manifest of one arrival. Keyed by the arrival, not only the
 * document: a second arrival of the same bytes writes a manifest of its own
 * instead of overwriting the first's, and a redelivery of one arrival rewrites
 * its own manifest with the same content.
 */
export function manifestKey(outlet: string, documentId: string, ingestionId: string): string {
  return `${reportPrefix(outlet, documentId)}arrivals/${shortId(ingestionId)}.json`;
}

/**
 * The tag stage's evidence for one batch's items of one arrival: the arrival's
 * short id, then the batch's first index and a hash of its indexes, so a
 * redelivered batch rewrites its own record and a batch cut otherwise adds one.
 */
export function tagReportPrefix(outlet: string, documentId: string, ingestionId: string): string {
  return `${reportPrefix(outlet, documentId)}tags/${shortId(ingestionId)}-`;
}

export function tagReportKey(
  outlet: string,
  documentId: string,
  ingestionId: string,
  indexes: readonly number[],
): string {
  const sorted = [...indexes].sort((a, b) => a - b);
  return `${tagReportPrefix(outlet, documentId, ingestionId)}${sorted[0] ?? 0}-${shortId(sorted.join(',')).slice(0, 16)}.json`;
}
