import { manifestKey } from '../lambdas/shared/keys.ts';
import type { DocumentManifest } from '../lambdas/shared/reports.ts';
import { notificationKeys } from '../lambdas/shared/s3-events.ts';
import type { LocalPipeline } from './pipeline.ts';

export interface SubmittedDocument {
  readonly path: string;
  readonly outlet: string;
  readonly documentId: string;
  readonly key: string;
}

export interface Rejection {
  readonly path?: string;
  readonly stage: string;
  readonly reason: string;
  /** Whether a whole document was refused (else one item). */
  readonly document: boolean;
}

export interface RunSummary {
  documents: number;
  items: number;
  published: number;
  duplicates: number;
  nearDuplicates: number;
  versions: number;
  /** Arrivals older than one of the same item that was decided first (never published). */
  superseded: number;
  rejected: Rejection[];
}

/**
 * Reads what the stages recorded for this run's arrivals (manifests and dedupe
 * decisions next to the raw documents, and the dead-letter queues) and turns it
 * into the counts `syndicate run` reports.
 */
export async function summarizeRun(
  pipeline: LocalPipeline,
  submitted: readonly SubmittedDocument[],
  published: number,
): Promise<RunSummary> {
  const summary: RunSummary = {
    documents: submitted.length,
    items: 0,
    published,
    duplicates: 0,
    nearDuplicates: 0,
    versions: 0,
    superseded: 0,
    rejected: [],
  };
  const byKey = new Map(submitted.map((doc) => [doc.key, doc]));
  const letters = await pipeline.deadLetters();
  const normalizeLetters = new Map<string, string>();
  for (const letter of letters) {
    if (letter.stage === 'normalize') {
      for (const key of notificationKeys(letter.body)) normalizeLetters.set(key, letter.reason);
    } else {
      summary.rejected.push({
        stage: letter.stage,
        reason: letter.reason,
        document: false,
        ...pathOfEnvelope(letter.body, byKey),
      });
    }
  }
  for (const doc of submitted) {
    const arrival = pipeline.bridge.arrivals.get(doc.key);
    const manifest = await pipeline.readReport<DocumentManifest>(manifestKey(doc.outlet, doc.documentId));
    if (!manifest || manifest.ingestionId !== arrival) {
      const reason = normalizeLetters.get(doc.key) ?? 'no report: the document was not processed';
      summary.rejected.push({ path: doc.path, stage: 'normalize', reason, document: true });
      continue;
    }
    if (manifest.status === 'rejected') {
      summary.rejected.push({
        path: doc.path,
        stage: 'normalize',
        reason: manifest.rejection?.reason ?? 'rejected',
        document: true,
      });
      continue;
    }
    summary.items += manifest.items + manifest.itemErrors.length;
    for (const error of manifest.itemErrors) {
      summary.rejected.push({
        path: doc.path,
        stage: 'normalize',
        reason: `item ${error.index}: ${error.reason}`,
        document: false,
      });
    }
    const decisions = await pipeline.readDecisions(doc.outlet, doc.documentId, manifest.ingestionId);
    for (const decision of decisions.values()) {
      if (decision.decision === 'duplicate') summary.duplicates++;
      if (decision.decision === 'near-duplicate') summary.nearDuplicates++;
      if (decision.decision === 'version') summary.versions++;
      if (decision.decision === 'superseded') summary.superseded++;
    }
  }
  return summary;
}

function pathOfEnvelope(body: string, byKey: ReadonlyMap<string, SubmittedDocument>): { path?: string } {
  try {
    const key = (JSON.parse(body) as { document?: { key?: string } }).document?.key;
    const path = key ? byKey.get(key)?.path : undefined;
    return path ? { path } : {};
  } catch {
    return {};
  }
}

export function formatSummary(summary: RunSummary): string {
  const lines = [
    `syndicate run: ${summary.documents} document(s), ${summary.items} item(s), ${summary.published} published, ` +
      `${summary.duplicates} duplicate(s), ${summary.nearDuplicates} near-duplicate(s), ${summary.versions} new version(s), ` +
      `${summary.superseded > 0 ? `${summary.superseded} superseded, ` : ''}${summary.rejected.length} rejected`,
  ];
  for (const r of summary.rejected) {
    lines.push(
      `  rejected${r.document ? ' document' : ' item'} ${r.path ?? '(unknown)'} at ${r.stage}: ${r.reason}`,
    );
  }
  return lines.join('\n');
}
