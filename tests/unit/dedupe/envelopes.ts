import { ENVELOPE_SCHEMA, type ItemEnvelope } from '../../../lambdas/shared/envelope.ts';
import { sha256Hex } from '../../../lambdas/shared/hash.ts';

export interface ItemSpec {
  readonly outlet?: string;
  readonly identity?: string;
  readonly body: string;
  readonly headline?: string;
  /** Distinguishes arrivals: a redelivery keeps it, a re-push changes it. */
  readonly arrival?: string;
  readonly index?: number;
  readonly published?: string;
  /** When the archive received it; by default each new arrival a millisecond after the one before. */
  readonly receivedAt?: string;
}

const FIRST_ARRIVAL = Date.parse('2024-05-01T12:00:00.000Z');
const arrivalTimes = new Map<string, string>();

/** Arrivals in the order a test makes them, and a redelivery (same arrival) at its first time. */
function receivedAtOf(ingestionId: string): string {
  let at = arrivalTimes.get(ingestionId);
  if (!at) {
    at = new Date(FIRST_ARRIVAL + arrivalTimes.size).toISOString();
    arrivalTimes.set(ingestionId, at);
  }
  return at;
}

/** A normalized item envelope as dedupe receives it, with only what dedupe reads filled in meaningfully. */
export function envelopeOf(spec: ItemSpec): ItemEnvelope {
  const outlet = spec.outlet ?? 'outlet-a';
  const arrival = spec.arrival ?? 'arrival-1';
  const id = sha256Hex(`${outlet}|${arrival}|${spec.body}`);
  const ingestionId = `incoming/${outlet}/${id}@${arrival}`;
  return {
    schema: ENVELOPE_SCHEMA,
    document: {
      id,
      outlet,
      bucket: 'raw',
      key: `incoming/${outlet}/${id}`,
      ingestionId,
      receivedAt: spec.receivedAt ?? receivedAtOf(ingestionId),
      format: 'article',
      feed: null,
    },
    index: spec.index ?? 0,
    item: {
      identity: spec.identity ?? `guid-${sha256Hex(spec.body).slice(0, 12)}`,
      headline: spec.headline ?? 'A headline',
      bodyText: spec.body,
      bodyHtml: `<p>${spec.body}</p>`,
      language: 'en',
      published: spec.published ?? '2024-05-01T10:00:00.000Z',
      publishedFrom: 'item',
      notices: [],
      authors: [],
      categories: [],
    },
  };
}
