import { loadDedupeConfig } from '../shared/config.ts';
import { bootstrapDedupe } from './bootstrap.ts';

// Lambda entry point: configuration is validated and clients are built once per cold start.
export const handler = bootstrapDedupe(loadDedupeConfig());
