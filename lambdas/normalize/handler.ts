import { loadStageConfig } from '../shared/config.ts';
import { bootstrapNormalize } from './bootstrap.ts';

// Lambda entry point: configuration is validated and clients are built once per cold start.
export const handler = bootstrapNormalize(loadStageConfig());
