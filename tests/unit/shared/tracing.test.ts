import { Tracer } from '@aws-lambda-powertools/tracer';
import { describe, expect, it } from 'vitest';
import { createTracer, tracingEnabled } from '../../../lambdas/shared/tracing.ts';

const ON_LAMBDA = { AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x' };

describe('tracing', () => {
  it('is on where Powertools would record: on Lambda, unless switched off', () => {
    expect(tracingEnabled(ON_LAMBDA)).toBe(true);
    expect(tracingEnabled({})).toBe(false);
    expect(tracingEnabled({ ...ON_LAMBDA, POWERTOOLS_TRACE_ENABLED: 'FALSE' })).toBe(false);
    expect(tracingEnabled({ ...ON_LAMBDA, POWERTOOLS_TRACE_ENABLED: 'true' })).toBe(true);
    expect(tracingEnabled({ ...ON_LAMBDA, AWS_SAM_LOCAL: 'true' })).toBe(false);
    expect(tracingEnabled({ AWS_EXECUTION_ENV: 'AWS_Lambda_amplify-mock' })).toBe(false);
  });

  it('gives a Powertools tracer on Lambda and none elsewhere', async () => {
    expect(await createTracer('probe', ON_LAMBDA)).toBeInstanceOf(Tracer);
    expect(await createTracer('probe', {})).toBeUndefined();
  });
});
