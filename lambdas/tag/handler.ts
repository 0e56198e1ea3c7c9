import { loadStageConfig } from '../shared/config.ts';
import { OutletRegistry } from '../shared/outlets.ts';
import { createTracer } from '../shared/tracing.ts';
import { bootstrapTag } from './bootstrap.ts';
import { parseGazetteer } from './gazetteer.ts';

// Lambda entry point: configuration is validated, and clients and the tracer are built, once per cold start.
export const handler = bootstrapTag(loadStageConfig(), {
  outlets: OutletRegistry.parse(process.env.OUTLETS),
  gazetteer: parseGazetteer(process.env.SYNDICATE_GAZETTEER),
  tracer: await createTracer('tag'),
});
