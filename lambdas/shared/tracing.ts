import type { Tracer } from '@aws-lambda-powertools/tracer';

/**
 * Whether the Powertools tracer would record anything here: the rule it applies
 * itself (on Lambda, not under SAM local or the Amplify mock, unless
 * POWERTOOLS_TRACE_ENABLED=false), decided before loading it.
 */
export function tracingEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  if ((env.POWERTOOLS_TRACE_ENABLED ?? '').toLowerCase() === 'false') return false;
  const executionEnv = env.AWS_EXECUTION_ENV ?? '';
  return executionEnv !== '' && executionEnv !== 'AWS_Lambda_amplify-mock' && !env.AWS_SAM_LOCAL;
}

/**
 * One Powertools tracer per function, so every AWS SDK call becomes an X-Ray
 * subsegment on Lambda. Where tracing would be off (tests, the local runner,
 * the CLI), there is no tracer: the X-Ray SDK behind it (its context tracking,
 * async hooks and patchers, about 20 ms of a cold start) is not even loaded.
 * Awaited once per cold start, at the handler's top level.
 */
export async function createTracer(
  stage: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Tracer | undefined> {
  if (!tracingEnabled(env)) return undefined;
  const { Tracer } = await import('@aws-lambda-powertools/tracer');
  return new Tracer({ serviceName: `syndication-${stage}` });
}
