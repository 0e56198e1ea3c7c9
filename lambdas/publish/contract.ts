import { sha256Hex } from '../shared/hash.ts';

/**
 * The output queue's contract with downstream teams, in one place so the
 * publisher and the consumer helper cannot disagree. docs/consumers.md
 * describes every name here; they are stable: a change that would break a
 * consumer bumps CONTRACT_VERSION, anything else is additive.
 */
export const CONTRACT_VERSION = '1';
export const NINJS_CONTENT_TYPE = 'application/ninjs+json';

/** SQS/SNS message attribute names, usable in SNS filter policies. */
export const MESSAGE_ATTRIBUTES = {
  outlet: 'outlet',
  storyId: 'storyId',
  uri: 'uri',
  version: 'version',
  decision: 'decision',
  contentType: 'contentType',
  contractVersion: 'contractVersion',
  /** The ninjs pubStatus: `usable`, or `canceled`/`withheld` on a kill or withdrawal's version. */
  pubStatus: 'pubStatus',
  /** Present (value "true") only when the body is a claim check pointing at S3. */
  claimCheck: 'claimCheck',
} as const;
export type MessageAttributeName = (typeof MESSAGE_ATTRIBUTES)[keyof typeof MESSAGE_ATTRIBUTES];

/** Where oversized published bodies are stored, inside the deployment's raw bucket. */
export const PUBLISHED_CLAIM_PREFIX = 'published/claims/';

/**
 * The idempotency key of a published message: one per (uri, version). It is
 * the FIFO MessageDeduplicationId, and what consumers of a standard queue
 * dedupe on. Hashed so it always fits SQS's 128-character limit.
 */
export function idempotencyKey(uri: string, version: string | number): string {
  return sha256Hex(`${uri}\n${version}`);
}
