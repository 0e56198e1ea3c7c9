import type { Logger } from '@aws-lambda-powertools/logger';
import type { AwsClients } from './clients.ts';
import type { StageMetrics } from './metrics.ts';

/** What a caller may supply instead of the defaults when wiring a stage (the local runner, tests). */
export interface BootstrapOptions {
  readonly clients?: AwsClients;
  readonly logger?: Logger;
  /** Defaults to Powertools (EMF); the local runner counts in memory instead. */
  readonly metrics?: StageMetrics;
}
