import * as sns from 'aws-cdk-lib/aws-sns';
import { type SubscriptionInterest, subscriptionFilterPolicy } from '../lambdas/publish/filter-policy.ts';
import type { AttributeFilter } from './constructs/output-channel.ts';
import type { SubscriberInterest } from './settings.ts';

/**
 * Turns a consumer's interest into the SNS filter policy the publish stage's
 * contract defines (lambdas/publish/filter-policy.ts), so the attribute names
 * and the pinned contract version come from the one place that sets them.
 */
export function subscriberFilter(interest: SubscriberInterest): AttributeFilter {
  const policy = subscriptionFilterPolicy(interest as SubscriptionInterest);
  const filter: AttributeFilter = {};
  for (const [attribute, conditions] of Object.entries(policy)) {
    const strings = conditions.filter((c): c is string => typeof c === 'string');
    const numbers = conditions.flatMap((c) =>
      typeof c === 'string' || c.numeric[0] !== '=' ? [] : [c.numeric[1]],
    );
    if (strings.length + numbers.length !== conditions.length) {
      throw new Error(`filter on ${attribute} uses a condition the stack cannot express`);
    }
    filter[attribute] =
      numbers.length > 0
        ? sns.SubscriptionFilter.numericFilter({ allowlist: numbers })
        : sns.SubscriptionFilter.stringFilter({ allowlist: strings });
  }
  return filter;
}
