import { describe, expect, it } from 'vitest';
import { CONTRACT_VERSION, MESSAGE_ATTRIBUTES } from '../../../lambdas/publish/contract.ts';
import { subscriptionFilterPolicy } from '../../../lambdas/publish/filter-policy.ts';

describe('subscriptionFilterPolicy', () => {
  it('always pins the contract version', () => {
    expect(subscriptionFilterPolicy()).toEqual({ [MESSAGE_ATTRIBUTES.contractVersion]: [CONTRACT_VERSION] });
  });

  it('filters on outlet, decision and first versions only when asked', () => {
    const policy = subscriptionFilterPolicy({
      outlets: ['patriotwise', 'wire'],
      decisions: ['new', 'version'],
      firstVersionsOnly: true,
    });
    expect(policy[MESSAGE_ATTRIBUTES.outlet]).toEqual(['patriotwise', 'wire']);
    expect(policy[MESSAGE_ATTRIBUTES.decision]).toEqual(['new', 'version']);
    expect(policy[MESSAGE_ATTRIBUTES.version]).toEqual([{ numeric: ['=', 1] }]);
  });

  it('refuses a decision the pipeline never makes', () => {
    expect(() => subscriptionFilterPolicy({ decisions: ['maybe' as 'new'] })).toThrow(/maybe/);
  });
});
