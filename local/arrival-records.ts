import { resolveBody } from '../lambdas/shared/claim-check.ts';
import { manifestKey } from '../lambdas/shared/keys.ts';
import type { DocumentManifest } from '../lambdas/shared/reports.ts';
import { readS3Notification } from '../lambdas/shared/s3-events.ts';
import type { DeadLetter, LocalPipeline } from './pipeline.ts';

/** An arrival to account for: one write of a raw document, as S3 reported it. */
export interface ArrivalRef {
  readonly outlet: string;
  readonly documentId: string;
  readonly key: string;
  readonly ingestionId: string;
}

/**
 * What became of one item of one arrival, exactly one of: a dedupe decision
 * (`new`, `version`, `duplicate`, `near-duplicate`, or whatever other decision
 * dedupe records) or `rejected` with the stage and reason.
 */
export interface ItemRecord {
  /** The item's place in its document; -1 for an item normalize passed on that has no record since. */
  readonly index: number;
  readonly outcome: string;
  /** Whether it was passed on to consumers (a held item is not, yet). */
  readonly published: boolean;
  /** Held under embargo until then (ISO), not yet on the output. */
  readonly heldUntil?: string;
  readonly stage?: string;
  readonly reason?: string;
  readonly uri?: string;
  readonly version?: number;
  readonly headline?: string;
}

export interface ArrivalRecord extends ArrivalRef {
  /** `unaccounted`: neither a manifest nor a dead letter of this arrival; never expected once idle. */
  readonly status: 'accepted' | 'rejected' | 'unaccounted';
  readonly reason?: string;
  readonly format?: string;
  readonly items: readonly ItemRecord[];
}

const NOT_DECIDED = 'no decision on record for this item';

/**
 * Reads, for each arrival, the records the stages kept of it: normalize's
 * manifest of that arrival, dedupe's decisions on its items, and the dead
 * letters that name it. Every item comes out with exactly one outcome. The
 * dead-letter queues are read once (reading hides their messages for a while),
 * so all arrivals of a run are read in one call.
 */
export async function readArrivalRecords(
  pipeline: LocalPipeline,
  arrivals: readonly ArrivalRef[],
): Promise<ArrivalRecord[]> {
  const letters = await lettersByArrival(pipeline, await pipeline.deadLetters());
  const held = new Map(
    (await pipeline.heldItems()).map((item) => [`${item.ingestionId}#${item.index}`, item.until] as const),
  );
  const records: ArrivalRecord[] = [];
  for (const arrival of arrivals) {
    records.push(await readArrival(pipeline, arrival, letters, held));
  }
  return records;
}

interface Letters {
  readonly documents: Map<string, string>;
  /** `${ingestionId}#${index}` → the first stage that dead-lettered the item, and why. */
  readonly items: Map<string, { stage: string; reason: string }>;
}

async function lettersByArrival(pipeline: LocalPipeline, letters: readonly DeadLetter[]): Promise<Letters> {
  const documents = new Map<string, string>();
  const items = new Map<string, { stage: string; reason: string }>();
  for (const letter of letters) {
    if (letter.stage === 'normalize') {
      for (const arrival of notificationArrivals(letter.body)) documents.set(arrival, letter.reason);
      continue;
    }
    const ref = await envelopeRef(pipeline, letter.body);
    if (ref) items.set(`${ref.ingestionId}#${ref.index}`, { stage: letter.stage, reason: letter.reason });
  }
  return { documents, items };
}

async function readArrival(
  pipeline: LocalPipeline,
  arrival: ArrivalRef,
  letters: Letters,
  held: ReadonlyMap<string, string>,
): Promise<ArrivalRecord> {
  const manifest = await pipeline.readReport<DocumentManifest>(
    manifestKey(arrival.outlet, arrival.documentId, arrival.ingestionId),
  );
  const lettered = letters.documents.get(arrival.ingestionId);
  if (!manifest || manifest.ingestionId !== arrival.ingestionId) {
    return lettered === undefined
      ? { ...arrival, status: 'unaccounted', reason: 'no report: the document was not processed', items: [] }
      : { ...arrival, status: 'rejected', reason: lettered, items: [] };
  }
  if (manifest.status === 'rejected') {
    return { ...arrival, status: 'rejected', reason: manifest.rejection?.reason ?? 'rejected', items: [] };
  }
  const items: ItemRecord[] = manifest.itemErrors.map((error) => ({
    index: error.index,
    outcome: 'rejected',
    published: false,
    stage: 'normalize',
    reason: error.reason,
  }));
  const decisions = await pipeline.readDecisions(arrival.outlet, arrival.documentId, arrival.ingestionId);
  const accounted = new Set<number>();
  for (const decision of decisions.values()) {
    accounted.add(decision.index);
    const later = letters.items.get(`${arrival.ingestionId}#${decision.index}`);
    const base = {
      index: decision.index,
      uri: decision.uri,
      version: decision.version,
      headline: decision.headline,
    };
    // An item passed on but dead-lettered downstream (tag, publish) never reached consumers.
    if (decision.published && later && later.stage !== 'dedupe') {
      items.push({ ...base, outcome: 'rejected', published: false, ...later });
    } else {
      const heldUntil = decision.published ? held.get(`${arrival.ingestionId}#${decision.index}`) : undefined;
      items.push({
        ...base,
        outcome: decision.decision,
        published: decision.published && !heldUntil,
        ...(heldUntil ? { heldUntil } : {}),
      });
    }
  }
  for (const [key, letter] of letters.items) {
    const [ingestionId, index] = splitItemKey(key);
    if (ingestionId !== arrival.ingestionId || accounted.has(index)) continue;
    accounted.add(index);
    items.push({ index, outcome: 'rejected', published: false, ...letter });
  }
  // Normalize passed on `manifest.items` items; any without a decision or a dead letter is unaccounted.
  const missing = manifest.items - accounted.size;
  for (let i = 0; i < missing; i++) {
    items.push({ index: -1, outcome: 'rejected', published: false, stage: 'dedupe', reason: NOT_DECIDED });
  }
  items.sort((a, b) => a.index - b.index);
  return { ...arrival, status: 'accepted', ...(manifest.format ? { format: manifest.format } : {}), items };
}

function splitItemKey(key: string): [string, number] {
  const at = key.lastIndexOf('#');
  return [key.slice(0, at), Number(key.slice(at + 1))];
}

function notificationArrivals(body: string): string[] {
  try {
    return readS3Notification(body).map((arrival) => arrival.ingestionId);
  } catch {
    return [];
  }
}

/** The arrival and item a dead-lettered envelope belongs to, claim checks resolved where still stored. */
async function envelopeRef(
  pipeline: LocalPipeline,
  body: string,
): Promise<{ ingestionId: string; index: number } | undefined> {
  let text = body;
  try {
    text = await resolveBody(pipeline.clients.s3, body);
  } catch {
    // The claimed body is gone; the pointer alone names no arrival.
  }
  try {
    const parsed = JSON.parse(text) as { document?: { ingestionId?: unknown }; index?: unknown };
    const ingestionId = parsed.document?.ingestionId;
    const index = parsed.index;
    return typeof ingestionId === 'string' && typeof index === 'number' ? { ingestionId, index } : undefined;
  } catch {
    return undefined;
  }
}
