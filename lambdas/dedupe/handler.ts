import { loadDedupeConfig } from '../shared/config.ts';
import { createTracer } from '../shared/tracing.ts';
import { bootstrapDedupe } from './bootstrap.ts';

// Lambda entry point: configuration is validated, and clients and the tracer are built, once per cold start.
export const handler = bootstrapDedupe(loadDedupeConfig(), { tracer: await createTracer('dedupe') });
