import { type ArrivalRecord, type ArrivalRef, readArrivalRecords } from './arrival-records.ts';
import type { LocalPipeline } from './pipeline.ts';

/** A document `syndicate run` (or `replay`) sent in: one arrival, with the path it came from. */
export interface SubmittedDocument extends ArrivalRef {
  readonly path: string;
}

export interface Rejection {
  readonly path?: string;
  readonly stage: string;
  readonly reason: string;
  /** Whether a whole document was refused (else one item). */
  readonly document: boolean;
}

/** The outcomes every run names, in the order the summary lists them; others dedupe records follow. */
export const ITEM_OUTCOMES = ['new', 'version', 'duplicate', 'near-duplicate', 'rejected'] as const;

export interface RunSummary {
  documents: number;
  /** Documents normalize accepted; the rest are in `rejected` with `document: true`. */
  accepted: number;
  /** Items of the accepted documents: the sum of `outcomes`. */
  items: number;
  /** Per outcome, how many items had it; each item has exactly one. */
  outcomes: Record<string, number>;
  /** Items passed on to consumers (new stories, new versions, and near-duplicates under policy flag). */
  published: number;
  /** Items held under embargo, to be published at their time (by a later `run`, or `serve`). */
  held: number;
  /** Messages that reached the output queue (a redelivered one counts twice). */
  messages: number;
  rejected: Rejection[];
  arrivals: ArrivalRecord[];
}

/**
 * Reads what the stages recorded for each of this run's arrivals (normalize's
 * manifest of that arrival, dedupe's decisions on its items, the dead-letter
 * queues) and folds it into the counts `syndicate run` reports. Counts come
 * from the records alone, one outcome per item, so they add up by construction.
 */
export async function summarizeRun(
  pipeline: LocalPipeline,
  submitted: readonly SubmittedDocument[],
  messages: number,
): Promise<RunSummary> {
  const records = await readArrivalRecords(pipeline, submitted);
  return foldRecords(submitted, records, messages);
}

export function foldRecords(
  submitted: readonly SubmittedDocument[],
  records: readonly ArrivalRecord[],
  messages: number,
): RunSummary {
  const summary: RunSummary = {
    documents: records.length,
    accepted: 0,
    items: 0,
    outcomes: Object.fromEntries(ITEM_OUTCOMES.map((outcome) => [outcome, 0])),
    published: 0,
    held: 0,
    messages,
    rejected: [],
    arrivals: [...records],
  };
  const paths = new Map(submitted.map((doc) => [doc.ingestionId, doc.path]));
  for (const record of records) {
    const path = paths.get(record.ingestionId);
    const where = path === undefined ? {} : { path };
    if (record.status !== 'accepted') {
      summary.rejected.push({
        ...where,
        stage: 'normalize',
        reason: record.reason ?? 'rejected',
        document: true,
      });
      continue;
    }
    summary.accepted++;
    for (const item of record.items) {
      summary.items++;
      summary.outcomes[item.outcome] = (summary.outcomes[item.outcome] ?? 0) + 1;
      if (item.published) summary.published++;
      if (item.heldUntil) summary.held++;
      if (item.outcome === 'rejected') {
        const reason = item.reason ?? 'rejected';
        summary.rejected.push({
          ...where,
          stage: item.stage ?? 'unknown',
          reason: item.index >= 0 ? `item ${item.index}: ${reason}` : reason,
          document: false,
        });
      }
    }
  }
  return summary;
}

/** 0 when every document was accepted and no item was lost past normalize; else 1. */
export function exitCode(summary: RunSummary): number {
  return summary.rejected.some((r) => r.document || r.stage !== 'normalize') ? 1 : 0;
}

const LABELS: Record<string, string> = {
  new: 'new',
  version: 'new version(s)',
  duplicate: 'duplicate(s)',
  'near-duplicate': 'near-duplicate(s)',
  rejected: 'rejected',
};

export function formatSummary(summary: RunSummary, command = 'syndicate run'): string {
  const known = ITEM_OUTCOMES.map((outcome) => `${summary.outcomes[outcome] ?? 0} ${LABELS[outcome]}`);
  const others = Object.entries(summary.outcomes)
    .filter(([outcome]) => !(ITEM_OUTCOMES as readonly string[]).includes(outcome))
    .map(([outcome, count]) => `${count} ${outcome}`);
  const rejectedDocuments = summary.documents - summary.accepted;
  const lines = [
    `${command}: ${summary.documents} document(s) (${summary.accepted} accepted, ${rejectedDocuments} rejected), ` +
      `${summary.items} item(s) = ${[...known, ...others].join(' + ')}; ` +
      `${summary.published} published (${summary.messages} message(s) on the output queue)` +
      (summary.held > 0 ? `; ${summary.held} held under embargo` : ''),
  ];
  for (const record of summary.arrivals) {
    for (const item of record.items) {
      if (item.heldUntil)
        lines.push(`  held ${item.uri ?? '(unknown)'} v${item.version ?? '?'} until ${item.heldUntil}`);
    }
  }
  for (const r of summary.rejected) {
    lines.push(
      `  rejected${r.document ? ' document' : ' item'} ${r.path ?? '(unknown)'} at ${r.stage}: ${r.reason}`,
    );
  }
  return lines.join('\n');
}
