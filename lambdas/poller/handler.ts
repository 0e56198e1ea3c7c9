import { createTracer } from '../shared/tracing.ts';
import { bootstrapPoller } from './bootstrap.ts';
import { loadPollerConfig } from './config.ts';

// Lambda entry point for the EventBridge schedule: configuration is validated once per cold start.
export const handler = bootstrapPoller(loadPollerConfig(), { tracer: await createTracer('poller') });
