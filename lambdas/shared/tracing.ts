import { Tracer } from '@aws-lambda-powertools/tracer';

/**
 * One Powertools tracer per function. On Lambda with active tracing it records
 * every AWS SDK call as an X-Ray subsegment; anywhere else Powertools leaves
 * tracing off by itself, so tests and the local runner pay nothing for it.
 */
export function createTracer(stage: string): Tracer {
  return new Tracer({ serviceName: `syndication-${stage}` });
}
