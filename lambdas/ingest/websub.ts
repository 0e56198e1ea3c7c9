import type { OutletRegistry } from '../shared/outlets.ts';

/**
 * WebSub verification of intent (W3C WebSub §5.3): the hub GETs the callback
 * with hub.mode, hub.topic and hub.challenge; the subscriber echoes the
 * challenge for a subscription it wants, and answers 404 otherwise. The topics
 * this deployment wants are the feeds registered for its outlets.
 */
export interface VerificationAnswer {
  readonly status: 200 | 404;
  readonly body: string;
}

const MODES = new Set(['subscribe', 'unsubscribe']);
/** A challenge is a short random token; refusing long ones keeps this from being an echo service. */
const MAX_CHALLENGE = 512;

export function subscribedTopics(outlets: OutletRegistry): ReadonlySet<string> {
  return new Set(outlets.all().flatMap((outlet) => outlet.feeds));
}

export function answerVerification(
  query: Readonly<Record<string, string | undefined>>,
  topics: ReadonlySet<string>,
): VerificationAnswer {
  const mode = query['hub.mode'];
  const topic = query['hub.topic'];
  const challenge = query['hub.challenge'];
  if (!mode || !topic || !topics.has(topic)) return { status: 404, body: '' };
  // A hub reports a refused subscription with hub.mode=denied; acknowledging it is all there is to do.
  if (mode === 'denied') return { status: 200, body: '' };
  if (!MODES.has(mode) || !challenge || challenge.length > MAX_CHALLENGE) return { status: 404, body: '' };
  return { status: 200, body: challenge };
}
