import { loadStageConfig } from '../shared/config.ts';
import { createTracer } from '../shared/tracing.ts';
import { bootstrapNormalize } from './bootstrap.ts';

// Lambda entry point: configuration is validated, and clients and the tracer are built, once per cold start.
export const handler = bootstrapNormalize(loadStageConfig(), { tracer: await createTracer('normalize') });
