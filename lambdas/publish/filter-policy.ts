import { DEDUPE_DECISIONS } from '../shared/envelope.ts';
import { CONTRACT_VERSION, MESSAGE_ATTRIBUTES } from './contract.ts';

type Decision = (typeof DEDUPE_DECISIONS)[number];

export interface SubscriptionInterest {
  /** Only these outlets; all when omitted. */
  readonly outlets?: readonly string[];
  /** Only these dedupe decisions; all when omitted. */
  readonly decisions?: readonly Decision[];
  /** Only first versions of a story (version = 1), e.g. for alerting. */
  readonly firstVersionsOnly?: boolean;
}

export type FilterPolicy = Record<string, Array<string | { numeric: [string, number] }>>;

/**
 * An SNS subscription filter policy (MessageAttributes scope) for one consumer
 * queue. It always pins the contract version, so a consumer written for
 * version 1 is never sent an incompatible message after a major change: the
 * new version is published alongside until the consumer opts in.
 */
export function subscriptionFilterPolicy(interest: SubscriptionInterest = {}): FilterPolicy {
  const names = MESSAGE_ATTRIBUTES;
  const unknown = (interest.decisions ?? []).filter((d) => !DEDUPE_DECISIONS.includes(d));
  if (unknown.length > 0) throw new Error(`unknown dedupe decision(s): ${unknown.join(', ')}`);
  return {
    [names.contractVersion]: [CONTRACT_VERSION],
    ...(interest.outlets && interest.outlets.length > 0 ? { [names.outlet]: [...interest.outlets] } : {}),
    ...(interest.decisions && interest.decisions.length > 0
      ? { [names.decision]: [...interest.decisions] }
      : {}),
    ...(interest.firstVersionsOnly ? { [names.version]: [{ numeric: ['=', 1] }] } : {}),
  };
}
