import { createTracer } from '../shared/tracing.ts';
import { bootstrapIngest } from './bootstrap.ts';
import { loadIngestConfig } from './config.ts';

// Lambda entry point: configuration is validated, and clients and the tracer are built, once per cold start.
export const handler = bootstrapIngest(loadIngestConfig(), { tracer: await createTracer('ingest') });
