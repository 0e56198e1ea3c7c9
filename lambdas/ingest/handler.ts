import { bootstrapIngest } from './bootstrap.ts';
import { loadIngestConfig } from './config.ts';

// Lambda entry point: configuration is validated and clients are built once per cold start.
export const handler = bootstrapIngest(loadIngestConfig());
